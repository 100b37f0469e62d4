/// A formula printed once for every cell that shares it: the text between its references, and
/// the references, written at each cell. The only part of a printed formula that depends on its
/// cell is its references, so `text(at:)` is `FormulaPrinter`'s text at that cell; a saver
/// writing a filled-down column of 100 000 formulas walks the expression once, not 100 000 times.
public struct FormulaTemplate {
    /// How the text is written: canonical (`=SUM(A1:A3)`, as .kalk stores it) or as xlsx stores
    /// it (`FormulaPrinter.xlsxFormula`: no `=`, `_xlfn.` prefixes).
    public enum Style: Sendable {
        case canonical
        case xlsx
    }

    /// One more than the references: the text before each, and after the last.
    private var segments: [[UInt8]] = []
    private var references: [Reference] = []

    public init(_ expression: Expression, style: Style) {
        var out = style == .canonical ? "=" : ""
        var segments: [String] = [], references: [Reference] = []
        let collect: (Reference, inout String) -> Void = { reference, out in
            segments.append(out)
            out = ""
            references.append(reference)
        }
        let origin = CellAddress(row: 0, column: 0)  // no reference is resolved while collecting
        switch style {
        case .canonical:
            FormulaPrinter.write(expression, at: origin, to: &out, functionName: { $0 }, locale: .english, operatorsAsFunctions: false, reference: collect)
        case .xlsx:
            FormulaPrinter.write(XlsxParameterNames.marked(expression), at: origin, to: &out, functionName: { XlsxFunctionNames.prefixed($0) },
                                 locale: .english, operatorsAsFunctions: true, reference: collect)
        }
        segments.append(out)
        self.segments = segments.map { Array($0.utf8) }
        self.references = references
    }

    /// The formula's text in the cell at `host`.
    public func text(at host: CellAddress) -> String {
        var out: [UInt8] = []
        append(at: host, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The formula's text in the cell at `host`, appended as bytes.
    public func append(at host: CellAddress, to out: inout [UInt8]) {
        out.append(contentsOf: segments[0])
        for k in references.indices {
            FormulaPrinter.append(references[k], at: host, to: &out)
            out.append(contentsOf: segments[k + 1])
        }
    }
}
