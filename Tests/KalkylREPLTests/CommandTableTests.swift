import Foundation
@testable import KalkylREPL
import Testing

/// The command table is the REPL's one list of commands: help, completion and the README.
struct CommandTableTests {
    @Test func theReadmeListsEveryCommand() throws {
        let readme = try String(contentsOf: REPLSessionTests.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = readme.components(separatedBy: "## The REPL").dropFirst().first ?? ""
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }
        for command in CommandTable.all where command.name != "=" {
            #expect(rows.contains { $0.contains("`\(command.name) ") || $0.contains("`\(command.name)`") }, "README's REPL table lacks \(command.name)")
        }
    }

    @Test func everyNameAndAliasFindsItsCommand() {
        for command in CommandTable.all {
            #expect(CommandTable.command(named: command.name.uppercased())?.name == command.name)
            for alias in command.aliases { #expect(CommandTable.command(named: alias)?.name == command.name) }
        }
        #expect(Completion.matches(before: "", word: "in").contains("insert"))
        #expect(Completion.matches(before: "insert", word: "r") == ["rows"])
        #expect(Completion.matches(before: "scenario", word: "") == ["save", "list", "diff"])
    }

    static let splits: [(String, [String])] = [
        (#"rekvisition bidragsmottagare="Region Gotland""#, ["rekvisition", "bidragsmottagare=Region Gotland"]),
        ("csv --sheet 'My sheet' -o out.csv", ["csv", "--sheet", "My sheet", "-o", "out.csv"]),
        (#"a\ b "c \"d\"" 'e\f'"#, ["a b", #"c "d""#, #"e\f"#]),
        ("  spaced   out  ", ["spaced", "out"]),
        (#"empty "" ''"#, ["empty", "", ""]),
    ]

    @Test(arguments: splits)
    func wordsAreSplitAsAShellSplitsThem(line: String, words: [String]) throws {
        #expect(try ShellWords.split(line) == words)
    }

    @Test func aQuotedWordSplitsBackWhole() throws {
        for word in ["plain", "My sheet", "it's", #"a "b" \c"#, ""] { #expect(try ShellWords.split(ShellWords.quote(word)) == [word]) }
    }

    @Test func anUnclosedQuoteIsAnErrorWithItsPlace() {
        #expect(throws: ShellWords.UnclosedQuote.self) { try ShellWords.split(#"save as "half"#) }
        let session = try? REPLSession.open(nil)
        #expect(session?.execute(#"save as "half"#).error == "  save as \"half\n          ^ the quote \" is not closed")
    }
}
