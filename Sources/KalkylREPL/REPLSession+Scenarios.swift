import KalkylEngine
import KalkylFormats

/// Scenarios: the workbook's state kept under a name, and compared cell by cell.
extension REPLSession {
    /// `scenario save NAME`, `scenario list`, `scenario diff NAME [NAME2] [--format text|json|csv]`.
    func scenario(_ words: [String]) throws -> Outcome {
        var words = words
        var format = DifferenceReport.Format.text
        if let i = words.firstIndex(of: "--format") {
            guard i + 1 < words.count, let chosen = DifferenceReport.Format(rawValue: words[i + 1]) else { return failure("--format takes text, json or csv") }
            format = chosen
            words.removeSubrange(i...(i + 1))
        }
        let usage = "expected 'scenario save NAME', 'scenario list' or 'scenario diff NAME [NAME2]'"
        guard let verb = words.first?.lowercased() else { return failure(usage) }
        switch (verb, words.count) {
        case ("save", 2):
            let name = words[1]
            let state = WorkbookState(workbook)
            if let i = scenarios.firstIndex(where: { $0.name == name }) { scenarios[i].state = state } else { scenarios.append((name, state)) }
            return Outcome(output: "scenario \(name) saved (\(state.sheets.reduce(0) { $0 + $1.cells.count }) cells); 'scenario diff \(name)' compares it with the workbook then\n")
        case ("list", 1):
            guard !scenarios.isEmpty else { return Outcome(output: "no scenarios (scenario save NAME keeps one)\n") }
            return Outcome(output: scenarios.map { "  \($0.name)\n" }.joined())
        case ("diff", 2), ("diff", 3):
            guard let old = scenarios.first(where: { $0.name == words[1] })?.state else { return failure("no scenario '\(words[1])' (scenario list)") }
            var new = WorkbookState(workbook), newName = "now"
            if words.count == 3 {
                guard let other = scenarios.first(where: { $0.name == words[2] })?.state else { return failure("no scenario '\(words[2])' (scenario list)") }
                new = other
                newName = words[2]
            }
            let difference = WorkbookDifference(from: old, to: new, newWorkbook: words.count == 2 ? workbook : nil)
            return Outcome(output: DifferenceReport.render(difference, format: format, locale: locale, oldName: words[1], newName: newName))
        default:
            return failure(usage)
        }
    }
}
