import Foundation
import KalkylEngine
@testable import KalkylFormats

/// One libFuzzer entry point for three targets, chosen by `KALKYL_FUZZ` (formula, kalk, xlsx):
///
/// - formula: the bytes as formula text, parsed, compiled and evaluated against a small
///   workbook, then set into a cell and recalculated with the cells that depend on it;
/// - kalk: the bytes as a .kalk file, read and, when it loads, written and read again;
/// - xlsx: the bytes as a worksheet part inside an otherwise valid xlsx package.
///
/// Any crash, trap or sanitizer report is a finding; an error thrown is the right answer.
enum Target: String {
    case formula, kalk, xlsx
    nonisolated(unsafe) static let current = Target(rawValue: ProcessInfo.processInfo.environment["KALKYL_FUZZ"] ?? "formula") ?? .formula
}

/// The workbook formulas run against: numbers, text, a boolean, an error, an empty cell, a
/// defined name, a second sheet, and formulas that read the cell the fuzzer writes.
nonisolated(unsafe) let workbook: Workbook = {
    let book = Workbook()
    try! book.addSheet(named: "Blad1")
    try! book.addSheet(named: "Data 2")
    let inputs = ["A1": "10", "A2": "-2.5", "A3": "text", "A4": "TRUE", "A5": "=1/0", "B1": "=A1*2", "B2": "=SUM(C:C)",
                  "B3": "=C1&\"x\"", "'Data 2'!A1": "1E+300", "'Data 2'!A2": "=Blad1!C1+1"]
    for (reference, input) in inputs { try! book.set(.typed(input), at: try! book.location(of: reference)) }
    try! book.defineName("Total", formula: "=Blad1!$A$1:$A$5")
    book.recalculate()
    return book
}()

let target = CellLocation(sheet: 0, address: CellAddress(row: 0, column: 2))  // C1
nonisolated(unsafe) let xlsxPath = NSTemporaryDirectory() + "kalkyl-fuzz-\(getpid()).xlsx"
nonisolated(unsafe) let patchedPath = NSTemporaryDirectory() + "kalkyl-fuzz-\(getpid())-patched.xlsx"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    switch Target.current {
    case .formula: formula(String(decoding: data, as: UTF8.self))
    case .kalk: kalk(String(decoding: data, as: UTF8.self))
    case .xlsx: xlsx(data)
    }
    return 0
}

func formula(_ text: String) {
    // Read as Swedish too: what the Swedish printer writes must read back as the same formula.
    if let swedish = try? FormulaParser.parse(text, at: target.address, locale: .swedish) {
        let written = FormulaPrinter.formula(swedish, at: target.address, locale: .swedish)
        guard let again = try? FormulaParser.parse(written, at: target.address, locale: .swedish) else {
            fatalError("a formula printed in Swedish does not read back: \(text) → \(written)")
        }
        if again != swedish, FormulaPrinter.formula(again, at: target.address) != FormulaPrinter.formula(swedish, at: target.address) {
            fatalError("a formula printed in Swedish reads back as another: \(text) → \(written)")
        }
    }
    // Every input is evaluated; one that parses, one time in eight, also goes into a cell with
    // dependents and through the incremental recalculation (slower, so not every time).
    guard (try? workbook.evaluate(text, sheet: 0)) != nil, text.utf8.count % 8 == 0 else { return }
    if (try? workbook.set(.typed("=" + text), at: target)) != nil {
        workbook.recalculate()
        _ = FormulaPrinter.formula(workbook.formula(at: target)?.expression ?? .missing, at: target.address)
        try? workbook.set(.constant(.empty), at: target)
        workbook.recalculate()
    }
}

func kalk(_ text: String) {
    guard let document = try? KalkReader.read(text) else { return }
    document.workbook.recalculate()
    _ = JSONExporter.text(of: document.workbook)
    let written = KalkWriter.text(of: document)
    // What the writer writes must load again.
    do { _ = try KalkReader.read(written) } catch { fatalError("a written .kalk does not load: \(error)\n\(written)") }
}

func xlsx(_ sheet: Data) {
    XlsxFixture.write(sheet: sheet, to: xlsxPath)
    guard let document = try? WorkbookFile.open(xlsxPath) else { return }
    let workbook = document.workbook
    workbook.recalculate()
    let written = KalkWriter.text(of: workbook)
    do { _ = try KalkReader.read(written) } catch { fatalError("an xlsx read does not save as a loadable .kalk: \(error)\n\(written)") }
    // The patching save: an edit, a new cell, a cleared one; what it writes (if it writes) must open again.
    try? workbook.set(.constant(.number(1)), at: CellLocation(sheet: 0, address: CellAddress(row: 1, column: 1)))
    try? workbook.set(.formula("=B2*2"), at: CellLocation(sheet: 0, address: CellAddress(row: 40, column: 3)))
    try? workbook.set(.constant(.empty), at: CellLocation(sheet: 0, address: CellAddress(row: 0, column: 0)))
    workbook.recalculate()
    guard (try? document.save(to: patchedPath)) != nil else { return }
    do { _ = try WorkbookFile.open(patchedPath) } catch { fatalError("a patched xlsx does not open again: \(error)") }
}

// SwiftPM links an executable's entry point as `<product>_main`; hand it to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("kalkyl_fuzz_main")
public func kalkylFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzOne($0, $1) }
}
