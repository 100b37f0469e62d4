/// The REPL's commands with their syntax and one line of help each.
enum HelpText {
    static let commands: [(name: String, syntax: String, summary: String)] = [
        ("=", "CELL = INPUT | RANGE = INPUT | NAME = INPUT", "set a cell, or the cell a defined name stands for (B2 = 7000000, C2 = =B2*2, Grundbelopp = 7000000, Fördelning!A1 = 'text); a form's field is checked by its rule; on a range, a formula is filled with relative references adjusted"),
        ("show", "show [CELL | RANGE | SHEET]", "a cell's input, value and format; a range or a whole sheet as a table"),
        ("why", "why CELL", "the tree of precedents with their values, down to the inputs"),
        ("deps", "deps CELL", "the cells that depend on a cell"),
        ("eval", "eval FORMULA", "compute a formula without changing the workbook"),
        ("undo", "undo [N]", "undo the last edit (or N edits)"),
        ("redo", "redo [N]", "redo what undo undid"),
        ("use", "use SHEET", "make a sheet the current one (unqualified cells are on it)"),
        ("sheets", "sheets", "list the sheets"),
        ("names", "names", "list the defined names"),
        ("format", "format RANGE \"CODE\"", "give cells a number format, written in the session's locale (format G2:G22 \"0,0%\"; # ##0 in Swedish)"),
        ("locale", "locale [sv | en]", "how numbers are typed and shown: Swedish (7 000 000, 1,5 %, SANT) or English (7,000,000, 1.5%, TRUE)"),
        ("save", "save | save as FILE | save! | save as! FILE", "save the workbook atomically; without ! it will not overwrite another program's change to the file or an existing other file"),
        ("export", "export csv|json [--sheet S] [--swedish] [--no-bom] [--formatted] [--raw] [-o FILE]", "export as the export command does (CSV text that a spreadsheet would run gets a leading ' unless --raw)"),
        ("open", "open FILE", "open another workbook"),
        ("new", "new TEMPLATE [NAME=VALUE …]", "a new workbook from a template"),
        ("form", "form rekvisition|redovisning [--format text|html|json|csv|pdf] [-o FILE] [--draft]", "the Bilaga 2 form of this workbook, as the form command renders it (a PDF needs -o)"),
        ("check", "check form", "the problems of the form this workbook is, by field"),
        ("help", "help [COMMAND]", "this list, or one command"),
        ("quit", "quit", "leave (warns once about unsaved changes)"),
    ]

    static var overview: String {
        let width = commands.map(\.syntax.count).max() ?? 0
        return commands.map { "  " + $0.syntax.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
            .joined(separator: "\n") + "\n"
    }

    static func help(for name: String) -> String? {
        commands.first { $0.name == name.lowercased() }.map { "\($0.syntax)\n  \($0.summary)\n" }
    }

    static var commandNames: [String] { commands.map(\.name).filter { $0 != "=" } + ["exit", "clear"] }
}
