import Foundation
import KalkylEngine
import KalkylFormats

/// Measures Kalkyl on generated workloads and prints one line per workload and size:
/// load (.kalk text → workbook, formulas compiled, graph built), first full calculation,
/// median single-input edit + incremental recalculation, cells recalculated per edit, and
/// peak memory. Run in release: `swift run -c release kalkyl-benchmark [N …] [--only NAME]`.
@main
struct BenchmarkMain {
    static func main() throws {
        var sizes: [Int] = []
        var only: Set<String> = []
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            if argument == "--only", let name = arguments.popFirst() { only.insert(name); continue }
            guard let n = Int(argument.replacingOccurrences(of: "_", with: "")) else {
                FileHandle.standardError.write(Data("usage: kalkyl-benchmark [N …] [--only grid|chain|sumcol|lookup|alloc]\n".utf8))
                exit(2)
            }
            sizes.append(n)
        }
        if sizes.isEmpty { sizes = [10_000, 100_000] }
        let makers: [(String, (Int) -> Workload)] = [
            ("grid", Workload.grid), ("chain", Workload.chain), ("sumcol", Workload.sumcol),
            ("lookup", Workload.lookup), ("alloc", Workload.alloc),
        ]
        emit("workload      rows    cells   load ms   calc ms   edit ms (median)  recalculated/edit  peak MB")
        for n in sizes {
            for (name, make) in makers where only.isEmpty || only.contains(name) {
                try measure(make(n))
            }
        }
    }

    static func measure(_ workload: Workload) throws {
        let clock = ContinuousClock()
        var workbook: Workbook!
        let load = try clock.measure { workbook = try KalkReader.read(workload.text, file: workload.name) }
        // KalkReader calculates after loading; time a second full calculation on its own.
        let calculation = clock.measure { workbook.recalculateAll() }
        let location = try workbook.location(of: workload.editCell)
        var edits: [Duration] = []
        var recalculated = 0
        for k in 0..<21 {
            let value = k % 2 == 0 ? workload.editValues.0 : workload.editValues.1
            let start = clock.now
            try workbook.set(.constant(.number(value)), at: location)
            let result = workbook.recalculate()
            edits.append(clock.now - start)
            recalculated = result.recomputedCount
        }
        edits.sort()
        let cells = workbook.sheets.reduce(0) { $0 + $1.usedRowCount * $1.usedColumnCount }
        emit(String(format: "%-8@ %9d %8d %9.1f %9.1f %12.3f %18d %12.0f",
                     workload.name, workload.rows, cells, load.milliseconds, calculation.milliseconds,
                     edits[edits.count / 2].milliseconds, recalculated, peakMemoryMB()))
    }

    /// One line to standard output at once, so progress shows when output is piped.
    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The process's peak resident memory (Linux: VmHWM in /proc/self/status).
    static func peakMemoryMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
