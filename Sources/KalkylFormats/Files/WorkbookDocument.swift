import Foundation
import KalkylEngine

/// A workbook with what its file carries besides: for a .kalk file, its title, template
/// parameters and comment lines; for an xlsx file, the whole package, so a save writes back
/// every part Kalkyl does not change (see `XlsxDocumentWriter`), and the formulas Kalkyl keeps
/// without computing them. The engine's `Workbook` knows nothing of either.
public struct WorkbookDocument {
    public var workbook: Workbook
    public var kind: WorkbookFile.Kind
    /// A one-line title, shown by `kalkyl new --list` for templates.
    public var title: String?
    /// The parameters of a template (empty for an ordinary workbook).
    public var parameters: [TemplateParameter] = []
    /// The comment lines of a .kalk file, kept so a load and save gives the same text.
    public var comments: [CommentAnchor: [String]] = [:]
    /// The locale the workbook is written for (a .kalk file's `locale` line): the shipped
    /// workbooks and templates are Swedish, so a session on them is, unless told otherwise, and
    /// the workbook's TEXT writes Swedish numbers (`Workbook.locale`).
    public var locale: SpreadsheetLocale? {
        didSet { workbook.locale = locale ?? .english }
    }
    private var xlsx: XlsxDocument?

    /// A workbook made in Kalkyl (a template, a new file), with no file behind it yet.
    public init(workbook: Workbook, kind: WorkbookFile.Kind = .kalk) {
        self.workbook = workbook
        self.kind = kind
    }

    init(xlsx: XlsxDocument) {
        workbook = xlsx.workbook
        kind = .xlsx
        self.xlsx = xlsx
    }

    /// The locale a session on this workbook takes: the one asked for (`--locale`, the REPL's
    /// `locale`), else `KALKYL_LOCALE`, else the workbook's own, else `LC_ALL`/`LANG` (Swedish for
    /// `sv_*`), else English.
    public func sessionLocale(asked: SpreadsheetLocale? = nil, environment: [String: String]) -> SpreadsheetLocale {
        if let asked { return asked }
        if let explicit = environment["KALKYL_LOCALE"].flatMap(SpreadsheetLocale.init(code:)) { return explicit }
        return locale ?? .fromEnvironment(environment)
    }

    /// The xlsx file behind the document, if it came from one.
    var xlsxDocument: XlsxDocument? { xlsx }

    /// The formulas Kalkyl keeps without computing them (their cells hold Excel's value).
    public var uncomputed: [CellLocation: UncomputedFormula] { xlsx?.uncomputed ?? [:] }

    /// The uncomputed formula of a cell, unless the cell was edited since it was read.
    public func uncomputedFormula(at location: CellLocation) -> UncomputedFormula? {
        guard let entry = xlsx?.uncomputed[location], var comparison = xlsx.map({ workbook.comparison(with: $0.source.baseline) }),
              comparison.change(at: location) == .none else { return nil }
        return entry
    }

    /// The values Excel stored for formula cells (xlsx opened `keepingCachedValues` only).
    public var cachedValues: [CellLocation: Value] { xlsx?.cachedValues ?? [:] }

    /// One line per formula Kalkyl does not compute, said when the file is opened; past 20, one
    /// line says how many more (`check` lists them all).
    public var warnings: [String] {
        let all = uncomputed.sorted(by: { $0.key < $1.key })
        var lines = all.prefix(20).map { location, entry in
            let value = workbook.value(at: location)
            let kept = value == .empty ? "Excel stored no value for it" : "its cell keeps Excel's value \(value)"
            return "\(workbook.name(of: location)): =\(Excerpt.of(entry.formula)) is not computed by Kalkyl (\(entry.reason)); \(kept), and a save keeps the formula"
        }
        if all.count > 20 { lines.append("… and \(all.count - 20) more formulas Kalkyl does not compute ('kalkyl check' lists them)") }
        return lines
    }

    /// Formula cells that read a cell whose formula Kalkyl does not compute, directly or
    /// through others: their values may be out of date until Excel recalculates.
    public func possiblyStale() -> [CellLocation] {
        var seen = Set<CellLocation>()
        var queue = uncomputed.keys.filter { uncomputedFormula(at: $0) != nil }
        while let location = queue.popLast() {
            for dependent in workbook.dependents(of: location) where seen.insert(dependent).inserted { queue.append(dependent) }
        }
        return seen.subtracting(uncomputed.keys).sorted()
    }

    /// What a document holds besides the file it came from, to put back exactly (undo).
    public struct Contents {
        var workbook: Workbook.Contents
        var comments: [CommentAnchor: [String]]
        var parameters: [TemplateParameter]
    }

    public func contents() -> Contents {
        Contents(workbook: workbook.contents(), comments: comments, parameters: parameters)
    }

    @discardableResult
    public mutating func restore(_ contents: Contents) -> RecalculationResult {
        comments = contents.comments
        parameters = contents.parameters
        return workbook.restore(contents.workbook)
    }

    /// Inserts or deletes rows or columns (see `Workbook.apply(_:)`), and moves what the file
    /// carries with the cells: a cell's comment lines and a template parameter's cell. A
    /// parameter whose cell is deleted goes with it; `notes` says so.
    public mutating func apply(_ shift: StructuralShift) throws(WorkbookError) -> (edit: Workbook.StructuralEdit, notes: [String]) {
        let sheetName = workbook.sheets[shift.sheet].name
        let edit = try workbook.apply(shift)
        var notes: [String] = []
        var moved: [CommentAnchor: [String]] = [:]
        for (anchor, lines) in comments {
            guard case .cell(let sheet, let address) = anchor, sheet == sheetName else { moved[anchor] = lines; continue }
            if let new = shift.moved(address) { moved[.cell(sheet: sheet, address: new)] = lines }
        }
        comments = moved
        parameters = parameters.compactMap { parameter in
            guard let cell = parameter.cell, let location = try? workbook.location(of: cell),
                  Int(location.sheet) == shift.sheet else { return parameter }
            guard let new = shift.moved(location.address) else {
                notes.append("the template parameter \(parameter.name) (\(cell)) is gone with its cell")
                comments[.parameter(parameter.name)] = nil
                return nil
            }
            var parameter = parameter
            parameter.cell = workbook.name(of: CellLocation(sheet: shift.sheet, address: new))
            return parameter
        }
        return (edit, notes)
    }

    /// Saves by the extension of `path`. An xlsx document saved as xlsx keeps everything of
    /// its file but the edits; anything else is written anew by Kalkyl.
    public func save(to path: String) throws {
        if let xlsx, try WorkbookFile.Kind(path) == .xlsx {
            try XlsxDocumentWriter.save(xlsx, to: path)
        } else if try WorkbookFile.Kind(path) == .kalk {
            try KalkWriter.save(self, to: path)
        } else {
            try WorkbookFile.save(workbook, to: path)
        }
        workbook.documentName = WorkbookFile.absolute(path)
    }

    /// What a save to `path` would not carry over of the file the document came from, in one
    /// line (nil when nothing is lost): xlsx → .kalk or .csv drops styles, charts and the like.
    public func losses(savingAs path: String) -> String? {
        if (try? WorkbookFile.Kind(path)) == .csv {
            let formulas = workbook.sheets.indices.reduce(0) { $0 + workbook.cells(inSheet: $1).filter { $0.formula != nil }.count }
            let sheets = workbook.sheets.count
            var lost: [String] = []
            if formulas > 0 { lost.append("\(formulas) formula\(formulas == 1 ? "" : "s") (written as their values)") }
            if sheets > 1 { lost.append("\(sheets - 1) sheet\(sheets == 2 ? "" : "s") after the first") }
            if let xlsx { lost += xlsx.features }
            return lost.isEmpty ? nil : "\(path) is CSV, one sheet of values: it will not have " + lost.joined(separator: ", ")
        }
        guard let xlsx, (try? WorkbookFile.Kind(path)) != .xlsx else { return nil }
        var lost = xlsx.features
        let frozen = uncomputed.count
        if frozen > 0 { lost.append("\(frozen) formula\(frozen == 1 ? "" : "s") Kalkyl does not compute (written as their values)") }
        guard !lost.isEmpty else { return nil }
        return "\(path) will not have what Kalkyl does not keep of an xlsx file: " + lost.joined(separator: ", ")
    }
}
