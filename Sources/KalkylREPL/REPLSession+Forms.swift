import Foundation
import KalkylEngine
import KalkylFormats
import KalkylForms

/// The Bilaga 2 forms of a workbook.
extension REPLSession {
    /// `form rekvisition|redovisning [--format F] [-o FILE] [--draft]`: the form of this
    /// workbook, as `kalkyl form` renders it.
    func form(_ words: [String]) throws -> Outcome {
        var words = words
        guard let first = words.first, let kind = FormDefinition.Kind(rawValue: first.lowercased()) else {
            return failure("expected 'form rekvisition|redovisning [--format text|html|json|csv|pdf] [-o FILE] [--draft]'")
        }
        words.removeFirst()
        var format: FormFormat?, output: String?, draft = false
        while !words.isEmpty {
            let word = words.removeFirst()
            switch word {
            case "--draft": draft = true
            case "--format":
                guard let value = words.first, let chosen = FormFormat(rawValue: value) else { return failure("--format takes text, html, json, csv or pdf") }
                format = chosen
                words.removeFirst()
            case "-o", "--output":
                guard !words.isEmpty else { return failure("-o needs a file") }
                output = words.removeFirst()
            default: return failure("unexpected '\(word)' (form rekvisition|redovisning [--format F] [-o FILE] [--draft])")
            }
        }
        if let mismatch = FormWorkbook.mismatch(kind, in: workbook, file: path ?? "this workbook") { return failure(mismatch) }
        let chosen = format ?? output.flatMap(FormFormat.init(fileName:)) ?? .text
        let filled = FilledForm(kind, from: workbook)
        let problems = filled.problems()
        if !problems.isEmpty && !draft {
            return failure(problems.map(\.description).joined(separator: "\n") + "\nthe form has \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing written (form … --draft for a draft)")
        }
        let data = chosen.render(filled, draft: !problems.isEmpty)
        guard let output else {
            guard chosen != .pdf else { return failure("a PDF is written to a file: form \(kind.rawValue) --format pdf -o FILE.pdf") }
            return Outcome(output: String(decoding: data, as: UTF8.self))
        }
        try AtomicFile.write(data, to: output)
        return Outcome(output: "wrote \(output)\(problems.isEmpty ? "" : " (a draft: \(problems.count) problems)")\n")
    }

    /// `check form`: the problems of the form this workbook is, as `form` would list them.
    func checkForm(_ words: [String]) -> Outcome {
        guard words.map({ $0.lowercased() }) == ["form"] else { return failure("expected 'check form'") }
        guard let kind = FormWorkbook.kind(of: workbook) else { return failure("this workbook is no form (make one with 'new rekvisition' or 'new ekonomisk-redovisning')") }
        let problems = FilledForm(kind, from: workbook).problems()
        if problems.isEmpty { return Outcome(output: "the \(FormDefinition.of(kind).title.lowercased()) has no problems\n") }
        return Outcome(output: problems.map { "  \($0)\n" }.joined() + "\(problems.count) problem\(problems.count == 1 ? "" : "s")\n")
    }
}
