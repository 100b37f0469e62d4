import KalkylEngine

/// `why`: a cell's precedents as a tree down to the inputs, each with its value and formula.
/// Built with an explicit stack (no recursion); a cell met twice is shown once, and ranges are
/// shown as one line rather than cell by cell.
enum PrecedentTree {
    static let maximumLines = 200

    static func render(_ workbook: Workbook, from root: CellLocation, locale: SpreadsheetLocale) -> String {
        var out = ""
        var seen = Set<CellLocation>()
        // (what to show, the prefix for its line, the prefix for its children)
        var stack: [(Node, String, String)] = [(.cell(root), "", "")]
        var lines = 0
        while let (node, linePrefix, childPrefix) = stack.popLast() {
            lines += 1
            if lines > maximumLines {
                out += "… (more precedents not shown)\n"
                break
            }
            switch node {
            case .range(let sheet, let range):
                let count = range.cellCount
                out += linePrefix + workbook.name(of: CellLocation(sheet: sheet, address: range.start)) + ":" + range.end.description
                out += "  (\(count) cells)\n"
            case .cell(let location):
                out += linePrefix + describe(location, in: workbook, locale: locale)
                guard workbook.formula(at: location) != nil else {
                    out += "\n"
                    continue
                }
                if seen.contains(location) {
                    out += "  (shown above)\n"
                    continue
                }
                seen.insert(location)
                out += "\n"
                let children = workbook.precedents(of: location).map { sheet, range -> Node in
                    range.isSingleCell ? .cell(CellLocation(sheet: sheet, address: range.start)) : .range(sheet, range)
                }
                // Pushed in reverse so they are shown in order.
                for (i, child) in children.enumerated().reversed() {
                    let last = i == children.count - 1
                    stack.append((child, childPrefix + (last ? "└─ " : "├─ "), childPrefix + (last ? "   " : "│  ")))
                }
            }
        }
        return out
    }

    private enum Node {
        case cell(CellLocation)
        case range(Int, CellRange)
    }

    static func describe(_ location: CellLocation, in workbook: Workbook, locale: SpreadsheetLocale) -> String {
        let value = workbook.value(at: location)
        let format = workbook.sheets[Int(location.sheet)].numberFormat(at: location.address)
        var text = workbook.name(of: location) + " = " + locale.text(of: value, format: format)
        if let formula = workbook.formulaText(at: location, locale: locale) { text += "   " + formula }
        return text
    }
}
