/// Every REPL command, in the order `help` lists them. `help`, Tab completion and the
/// README's table of commands (checked by a test) come from here.
enum CommandTable {
    static let all: [REPLCommand] = [
        REPLCommand(name: "=", syntax: "CELL = INPUT | RANGE = INPUT | NAME = INPUT",
                    summary: "set a cell as typed (B2 = 7000000, C2 = =B2*2, Fördelning!A1 = 'text), or the cell a defined name stands for (Grundbelopp = 7000000); a form's field is checked by its rule",
                    details: "On a range a formula is filled with relative references adjusted (C2:C22 = =B2/$B$23).\nThe change list shows every value that changed, old → new; 'changes' shows all of a long one.",
                    arguments: .raw, completion: .formula) { _, _ in REPLSession.Outcome() },
        REPLCommand(name: "show", syntax: "show [--wide] [CELL | RANGE | SHEET | NAME]",
                    summary: "a cell's formula, value and format; a range, a defined name's cells or a sheet as a table that fits the terminal (--wide: every column)",
                    completion: .sheets) { session, call in try session.show(call.words) },
        REPLCommand(name: "why", syntax: "why CELL | NAME", summary: "the tree of precedents with their values, down to the inputs") { session, call in
            try session.why(call.words)
        },
        REPLCommand(name: "deps", syntax: "deps CELL | RANGE | NAME", summary: "the cells that depend on a cell, or on any cell of a range") { session, call in
            try session.deps(call.words)
        },
        REPLCommand(name: "eval", syntax: "eval FORMULA", summary: "compute a formula without changing the workbook; an array or a range shows as a block",
                    arguments: .raw) { session, call in session.evaluate(call) },
        REPLCommand(name: "insert", syntax: "insert rows N[:M] | columns C[:E] [in SHEET]",
                    summary: "insert rows or columns before N (or C); every formula, name, table and format in the workbook follows its cells, as in Excel",
                    details: "A range grows when the rows are inserted inside it or at its last row, not when they are\ninserted at its first row (it moves) or right below it (it stays): insert at row 22 of\nBilaga 1's A2:A22 and the totals, COUNTA and ALLOCATE cover the new row.",
                    completion: .words(["rows", "columns"])) { session, call in try session.structural(call.words, inserting: true) },
        REPLCommand(name: "delete", syntax: "delete rows N[:M] | columns C[:E] [in SHEET]",
                    summary: "delete rows or columns; ranges shrink, and a reference to a deleted cell becomes #REF!",
                    completion: .words(["rows", "columns"])) { session, call in try session.structural(call.words, inserting: false) },
        REPLCommand(name: "sort", syntax: "sort RANGE by COL [desc], COL … [--header]",
                    summary: "sort the rows of a range by columns (sort A2:F22 by F desc, A): numbers before text, empty cells last, Swedish collation in Swedish",
                    details: "Each row moves whole and its formulas stay the same relative to their new cells (as in Excel):\na formula reading its own row (=B5/$B$23) still does. Formulas outside the range keep reading\nthe same cells. --header: the first row of the range is a header and stays. desc/asc may be written fallande/stigande."
        ) { session, call in try session.sort(call.words) },
        REPLCommand(name: "copy", syntax: "copy SOURCE DESTINATION", summary: "paste a copy: formulas keep their relative references relative (copy F2 J2:J22)") { session, call in
            try session.copy(call.words)
        },
        REPLCommand(name: "move", syntax: "move SOURCE DESTINATION", summary: "cut and paste on a sheet: formulas that read the moved cells follow them") { session, call in
            try session.move(call.words)
        },
        REPLCommand(name: "fill", syntax: "fill down RANGE | fill right RANGE", summary: "copy the first row (or column) of a range over the rest of it",
                    completion: .words(["down", "right"])) { session, call in try session.fill(call.words) },
        REPLCommand(name: "clear", syntax: "clear CELL | RANGE", summary: "empty cells (their formats stay)") { session, call in try session.clear(call.words) },
        REPLCommand(name: "undo", syntax: "undo [N]", summary: "undo the last edit (or N edits), structural ones included") { session, call in
            try session.undo(call.words, redo: false)
        },
        REPLCommand(name: "redo", syntax: "redo [N]", summary: "redo what undo undid") { session, call in try session.undo(call.words, redo: true) },
        REPLCommand(name: "changes", syntax: "changes", summary: "the whole change list of the last edit (an edit lists at most 20 changes)", completion: .nothing) { session, _ in
            session.changes()
        },
        REPLCommand(name: "scenario", syntax: "scenario save NAME | list | diff NAME [NAME2]",
                    summary: "keep the workbook's state under a name; list them; compare one with the current state (or two), cell by cell",
                    completion: .words(["save", "list", "diff"])) { session, call in try session.scenario(call.words) },
        REPLCommand(name: "use", syntax: "use SHEET", summary: "make a sheet the current one (unqualified cells are on it)", completion: .sheets) { session, call in
            try session.use(call.words)
        },
        REPLCommand(name: "sheets", syntax: "sheets", summary: "list the sheets", completion: .nothing) { session, _ in session.sheets() },
        REPLCommand(name: "names", syntax: "names", summary: "list the defined names", completion: .nothing) { session, _ in session.names() },
        REPLCommand(name: "name", syntax: "name NAME = RANGE | FORMULA", summary: "define a name for cells or a formula (name Andel = C2:C22); it can then be used wherever a cell can",
                    arguments: .raw) { session, call in try session.name(call.raw) },
        REPLCommand(name: "unname", syntax: "unname NAME", summary: "remove a defined name (formulas that use it show #NAME?)") { session, call in
            try session.unname(call.words)
        },
        REPLCommand(name: "format", syntax: "format RANGE CODE",
                    summary: "give cells a number format, written in the session's locale (format G2:G22 \"0,0 %\"; # ##0 in Swedish)") { session, call in
            try session.format(call.words)
        },
        REPLCommand(name: "width", syntax: "width COL[:COL] N", summary: "set the width of columns, in characters (width A 30)") { session, call in
            try session.width(call.words)
        },
        REPLCommand(name: "locale", syntax: "locale [sv | en]",
                    summary: "how numbers are typed and shown: Swedish (7 000 000, 1,5 %, SANT) or English (7,000,000, 1.5%, TRUE)",
                    completion: .words(["sv", "en"])) { session, call in session.changeLocale(call.words) },
        REPLCommand(name: "save", aliases: ["save!"], syntax: "save | save as FILE | save! | save as! FILE",
                    summary: "save the workbook atomically; without ! it will not overwrite another program's change to the file or an existing other file",
                    completion: .words(["as", "as!", "--force"])) { session, call in
            try session.save(call.words, force: call.line.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("save!"))
        },
        REPLCommand(name: "export", syntax: "export csv|json [--sheet S] [--swedish] [--no-bom] [--formatted] [--raw] [-o FILE]",
                    summary: "export as 'kalkyl export' does (CSV text that a spreadsheet would run gets a leading ' unless --raw)",
                    completion: .words(["csv", "json", "--sheet", "--swedish", "--no-bom", "--formatted", "--raw", "-o"])) { session, call in
            try session.export(call.words)
        },
        REPLCommand(name: "open", syntax: "open FILE", summary: "open another workbook (warns once about unsaved changes)", completion: .nothing) { session, call in
            try session.open(call.words)
        },
        REPLCommand(name: "new", syntax: "new TEMPLATE [NAME=VALUE …]", summary: "a new workbook from a template (new rekvisition bidragsmottagare=\"Region Gotland\")",
                    completion: .templates) { session, call in try session.new(call.words) },
        REPLCommand(name: "form", syntax: "form rekvisition|redovisning [--format text|html|json|csv|pdf] [-o FILE] [--draft]",
                    summary: "the Bilaga 2 form of this workbook, as 'kalkyl form' renders it (a PDF needs -o)",
                    completion: .words(["rekvisition", "redovisning", "--format", "-o", "--draft"])) { session, call in try session.form(call.words) },
        REPLCommand(name: "check", syntax: "check form", summary: "the problems of the form this workbook is, by field", completion: .words(["form"])) { session, call in
            session.checkForm(call.words)
        },
        REPLCommand(name: "help", aliases: ["?"], syntax: "help [COMMAND]", summary: "this list, or one command", completion: .commands) { session, call in
            session.help(call.words)
        },
        REPLCommand(name: "quit", aliases: ["exit"], syntax: "quit", summary: "leave (warns once about unsaved changes; a second quit leaves)", completion: .nothing) { session, _ in
            session.quit()
        },
    ]

    /// The command of a name or alias, in any letter case.
    static func command(named name: String) -> REPLCommand? {
        let lower = name.lowercased()
        return all.first { $0.name == lower || $0.aliases.contains(lower) }
    }

    /// What Tab completes at the start of a line.
    static var names: [String] { all.map(\.name).filter { $0 != "=" } + all.flatMap(\.aliases).filter { $0.first?.isLetter == true } }

    /// `help`: one line per command.
    static var overview: String {
        let width = all.map(\.syntax.count).max() ?? 0
        return all.map { "  " + $0.syntax.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n") + "\n"
    }
}
