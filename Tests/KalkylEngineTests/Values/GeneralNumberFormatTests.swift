import Foundation
import PropertyBased
import Testing
@testable import KalkylEngine

/// General's fixed notation takes Swift's shortest text when it has at most 15 significant
/// digits (the fast path) and `%.15g` otherwise: for numbers of every magnitude General writes
/// in fixed notation, both give the same text.
struct GeneralNumberFormatTests {
    @Test func theShortestTextIsWhatPercent15gWrites() async {
        let input = zip(Gen.int(in: -9...14), Gen.int(in: 1...999_999_999), Gen.int(in: 0...3), Gen.double(in: 1...10))
        await propertyCheck(count: 3_000, input: input) { power, digits, kind, any in
            let scale = pow(10.0, Double(power))
            // Few digits (a price, a share), a third, a sum that is not quite a short decimal, any double.
            let number = kind == 0 ? Double(digits) / 1000 * scale : kind == 1 ? Double(digits) / 3 * scale
                : kind == 2 ? (Double(digits) / 10 + 0.2) * scale : any * scale
            for n in [number, -number] {
                let magnitude = abs(n)
                guard magnitude >= 1e-9, magnitude < 1e15, n != n.rounded() else { continue }
                let general = GeneralNumberFormat.fixed(n, magnitude: magnitude)
                if let shortest = GeneralNumberFormat.shortestFixed(n) { #expect(shortest == general, "\(n)") }
                #expect(GeneralNumberFormat.string(n) == general, "\(n)")
            }
        }
    }

    /// C's printf, which General now calls, writes what Foundation's `String(format:)` writes.
    @Test func printfIsFoundationsFormat() async {
        await propertyCheck(count: 2_000, input: zip(Gen.double(in: -1...1), Gen.int(in: -320...300))) { mantissa, power in
            let number = mantissa * pow(10.0, Double(power))
            for format in ["%.15g", "%.14E", "%.20f"] where format != "%.20f" || abs(number) < 1e20 {
                #expect(GeneralNumberFormat.printf(format, number) == String(format: format, number), "\(format) \(number)")
            }
        }
    }
}
