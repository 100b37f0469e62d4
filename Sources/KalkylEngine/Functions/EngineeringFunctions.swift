import Foundation

/// Numbers in binary, octal and hexadecimal with Excel's ten-digit two's complement (a ten-digit
/// number whose first bit is set is negative: BIN2DEC("1111111111") is −1), the bitwise functions
/// on whole numbers below 2⁴⁸, and DELTA and GESTEP.
extension FunctionRegistry {
    static let engineeringFunctions: [FunctionDefinition] = [
        fromDecimal("DEC2BIN", 2), fromDecimal("DEC2OCT", 8), fromDecimal("DEC2HEX", 16),
        toDecimal("BIN2DEC", 2), toDecimal("OCT2DEC", 8), toDecimal("HEX2DEC", 16),
        between("BIN2OCT", 2, 8), between("BIN2HEX", 2, 16), between("OCT2BIN", 8, 2), between("OCT2HEX", 8, 16),
        between("HEX2BIN", 16, 2), between("HEX2OCT", 16, 8),
        bitwise("BITAND", &), bitwise("BITOR", |), bitwise("BITXOR", ^),
        .scalar("BITLSHIFT", 2...2) { (args) throws(FormulaError) in .number(try Bits.shift(args, left: true)) },
        .scalar("BITRSHIFT", 2...2) { (args) throws(FormulaError) in .number(try Bits.shift(args, left: false)) },
        .scalar("DELTA", 1...2) { (args) throws(FormulaError) in
            .number(try args.number(0) == (try args.number(1, default: 0)) ? 1 : 0)
        },
        .scalar("GESTEP", 1...2) { (args) throws(FormulaError) in
            .number(try args.number(0) >= (try args.number(1, default: 0)) ? 1 : 0)
        },
    ]

    private static func fromDecimal(_ name: String, _ radix: Int) -> FunctionDefinition {
        .scalar(name, 1...2) { (args) throws(FormulaError) in
            let n = (try args.number(0)).rounded(.towardZero)
            guard abs(n) < 1e15 else { throw FormulaError.number }
            return .text(try Bits.text(Int64(n), radix: radix, places: try Bits.places(args, 1)))
        }
    }

    private static func toDecimal(_ name: String, _ radix: Int) -> FunctionDefinition {
        .scalar(name, 1...1) { (args) throws(FormulaError) in
            .number(Double(try Bits.value(try Bits.digits(args, 0), radix: radix)))
        }
    }

    private static func between(_ name: String, _ from: Int, _ to: Int) -> FunctionDefinition {
        .scalar(name, 1...2) { (args) throws(FormulaError) in
            let value = try Bits.value(try Bits.digits(args, 0), radix: from)
            return .text(try Bits.text(value, radix: to, places: try Bits.places(args, 1)))
        }
    }

    private static func bitwise(_ name: String, _ operation: @escaping @Sendable (UInt64, UInt64) -> UInt64) -> FunctionDefinition {
        .scalar(name, 2...2) { (args) throws(FormulaError) in
            .number(Double(operation(try Bits.operand(args, 0), try Bits.operand(args, 1))))
        }
    }
}

enum Bits {
    /// Ten digits of each base: 10 bits of binary, 30 of octal, 40 of hexadecimal.
    static func bitCount(_ radix: Int) -> Int64 { radix == 2 ? 10 : radix == 8 ? 30 : 40 }

    /// The digits argument: text, or a number read as its digits (BIN2DEC(1100100)).
    static func digits(_ args: Arguments, _ i: Int) throws(FormulaError) -> String {
        switch args.scalar(i) {
        case .number(let n):
            guard n >= 0, n == n.rounded(), n < 1e15 else { throw FormulaError.number }
            return String(Int64(n))
        case .boolean: throw FormulaError.value
        default: return try args.text(i)
        }
    }

    static func value(_ digits: String, radix: Int) throws(FormulaError) -> Int64 {
        guard digits.count <= 10 else { throw FormulaError.number }
        if digits.isEmpty { return 0 }
        guard let n = Int64(digits, radix: radix), n >= 0 else { throw FormulaError.number }
        let bits = bitCount(radix)
        return digits.count == 10 && n >= Int64(1) << (bits - 1) ? n - (Int64(1) << bits) : n
    }

    static func places(_ args: Arguments, _ i: Int) throws(FormulaError) -> Int? {
        guard !args.isOmitted(i) else { return nil }
        let places = try args.integer(i)
        guard places >= 1, places <= 10 else { throw FormulaError.number }
        return places
    }

    /// A number in a base; negative numbers as ten digits of two's complement. #NUM! when the
    /// number does not fit ten digits or `places`.
    static func text(_ value: Int64, radix: Int, places: Int?) throws(FormulaError) -> String {
        let bits = bitCount(radix), half = Int64(1) << (bits - 1)
        guard value >= -half, value < half else { throw FormulaError.number }
        if value < 0 { return String(value + (Int64(1) << bits), radix: radix, uppercase: true) }
        let digits = String(value, radix: radix, uppercase: true)
        guard let places else { return digits }
        guard places >= digits.count else { throw FormulaError.number }
        return String(repeating: "0", count: places - digits.count) + digits
    }

    /// A whole number from 0 to 2⁴⁸ − 1, as the bitwise functions take.
    static func operand(_ args: Arguments, _ i: Int) throws(FormulaError) -> UInt64 {
        let n = try args.number(i)
        guard n >= 0, n == n.rounded(), n < 281_474_976_710_656 else { throw FormulaError.number }
        return UInt64(n)
    }

    static func shift(_ args: Arguments, left: Bool) throws(FormulaError) -> Double {
        let n = try operand(args, 0), amount = try args.integer(1)
        guard abs(amount) <= 53 else { throw FormulaError.number }
        let leftward = left == (amount >= 0)
        return leftward ? Double(n) * pow(2, Double(abs(amount))) : Double(n >> UInt64(abs(amount)))
    }
}
