import Foundation
import KalkylCommandLine
import KalkylEngine
import KalkylFormats

/// Files: saving, exporting, opening another workbook, a new one from a template, leaving.
extension REPLSession {
    /// `save`, `save as FILE`; `save!`, `save --force` and `save as! FILE` replace what is there.
    func save(_ words: [String], force: Bool) throws -> Outcome {
        var force = force
        var words = words
        if words.first == "--force" { force = true; words.removeFirst() }
        var target = path
        if let first = words.first?.lowercased(), first == "as" || first == "as!" {
            if first == "as!" { force = true }
            guard words.count == 2, !words[1].isEmpty else { return failure("save as needs one file name (quote a name with spaces)") }
            let file = words[1]
            if !force, file != path, FileManager.default.fileExists(atPath: file) {
                return failure("\(file) exists: 'save as! \(file)' replaces it")
            }
            target = file
        } else if !words.isEmpty {
            return failure("expected 'save', 'save!' or 'save as FILE'")
        }
        guard let target else { return failure("the workbook has no file yet: use 'save as FILE'") }
        if !force, target == path, FileSnapshot(path: target) != snapshot {
            return failure("\(target) was changed by another program since it was opened: 'save!' overwrites that change, 'save as FILE' keeps both")
        }
        let losses = document.losses(savingAs: target)
        do {
            try document.save(to: target)
        } catch let problem as FileProblem {
            return failure(problem.description)
        }
        path = target
        snapshot = FileSnapshot(path: target)
        isDirty = false
        return Outcome(output: "saved \(target)\n" + (losses.map { "  " + $0 + "\n" } ?? ""))
    }

    /// `export csv|json [options]`: the options of `kalkyl export` (`ExportOptions`), the
    /// format also as the first word; CSV is of the current sheet unless --sheet says another.
    func export(_ words: [String]) throws -> Outcome {
        var words = words
        if let first = words.first, !first.hasPrefix("-") { words = ["--format", first] + words.dropFirst() }
        let options = try ExportOptions.parseWords(words)
        guard options.format != .xlsx else { return failure("the REPL saves xlsx with 'save as FILE.xlsx'") }
        let text = try options.text(of: workbook, defaultSheet: currentSheet)
        guard let output = options.output else { return Outcome(output: text) }
        try AtomicFile.write(text, to: output)
        return Outcome(output: "wrote \(output)\n")
    }

    /// Opening or making another workbook drops unsaved changes: say so once first.
    func unsavedChangesWarning() -> Outcome? {
        guard isDirty && !warnedAboutUnsavedChanges else { return nil }
        warnedAboutUnsavedChanges = true
        return failure("the workbook has unsaved changes: save it, or repeat the command to discard them")
    }

    func open(_ words: [String]) throws -> Outcome {
        guard words.count == 1 else { return failure("open needs one file name (quote a name with spaces)") }
        let file = words[0]
        if let warning = unsavedChangesWarning() { return warning }
        do {
            document = try WorkbookFile.open(file)
        } catch let problem as FileProblem {
            return failure(problem.description)
        }
        path = file
        snapshot = FileSnapshot(path: file)
        resetState()
        return Outcome(output: "opened \(file): \(workbook.sheetNames.joined(separator: ", "))\n" + document.warnings.map { "  " + $0 + "\n" }.joined())
    }

    /// `new TEMPLATE [NAME=VALUE …] [--with WORKBOOK]`: the options of `kalkyl new`
    /// (`NewOptions`), where a parameter may also be given as `--set NAME=VALUE`.
    func new(_ words: [String]) throws -> Outcome {
        guard !words.isEmpty else { return failure("new needs a template name (see 'kalkyl new --list')") }
        var arguments: [String] = []
        var takesValue = false
        for word in words {
            // NAME=VALUE after the template is a --set (an option's own value is left alone).
            if !takesValue, !word.hasPrefix("-"), word.contains("="), !arguments.isEmpty { arguments += ["--set", word] } else { arguments.append(word) }
            takesValue = word.hasPrefix("--") && !word.contains("=")
        }
        let options = try NewOptions.parseWords(arguments)
        guard let library = options.templates.flatMap({ TemplateLibrary.locate($0) }) ?? templates ?? TemplateLibrary.locate() else { return failure("no Templates folder found") }
        if let warning = unsavedChangesWarning() { return warning }
        let template = try options.load(from: library)
        let given = try options.given()
        let name = options.template ?? ""
        let problems = template.fillForm(given, locale: askedLocale)
        guard problems.isEmpty else { return failure(problems.joined(separator: "\n")) }
        document = template
        path = nil
        snapshot = nil
        resetState()
        isDirty = true
        return Outcome(output: "new workbook from \(name): \(workbook.sheetNames.joined(separator: ", ")) (save as FILE to keep it)\n")
    }

    /// A first quit with unsaved changes warns (no failure: a script that says quit twice
    /// means it); the second leaves.
    func quit() -> Outcome {
        if let warning = unsavedChangesWarning() { return Outcome(warning: warning.error) }
        return Outcome(quit: true)
    }
}
