import Foundation
import Testing

/// The README's REPL session, run as shown: its commands piped, and every line it shows found
/// in what Kalkyl prints, in order (`…` stands for lines left out; times differ run to run).
struct READMESessionTests {
    @Test func theReadmesREPLSessionRunsAsShown() throws {
        let readme = try String(contentsOf: KalkylProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = "<!-- repl-session: "
        let start = try #require(readme.range(of: marker))
        let workbook = String(readme[start.upperBound...].prefix { $0 != " " })
        let block = readme[start.upperBound...].components(separatedBy: "```")[1]
        var commands = "", expected: [String] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("kalkyl> ") { commands += line.dropFirst(8) + "\n" } else if !line.isEmpty { expected.append(line) }
        }
        let run = try KalkylProcess.run(["repl", workbook], stdin: commands)
        #expect(run.status == 0, "\(run.stderr)")
        var output = run.stdout.split(separator: "\n").map(String.init)[...]
        let errors = run.stderr.split(separator: "\n").map(String.init)
        for line in expected where line.trimmingCharacters(in: .whitespaces) != "…" {
            if errors.contains(line) { continue }
            // A time is the machine's: compare up to it.
            let shown = line.components(separatedBy: " recalculated in ")[0]
            guard let found = output.firstIndex(where: { $0.components(separatedBy: " recalculated in ")[0] == shown }) else {
                Issue.record("the README shows a line Kalkyl did not print (in this order): \(line)")
                return
            }
            output = output[(found + 1)...]
        }
    }
}
