import Foundation
import KalkylEngine
import KalkylFormats

/// Measures Kalkyl on generated workloads and prints one line per workload and size:
/// load (.kalk text → workbook, formulas compiled, graph built, first calculation), a full
/// recalculation, the median single-input edit + incremental recalculation, cells recalculated
/// per edit, peak memory, the memory the loaded workbook holds per formula cell (resident
/// memory after loading minus before: the .kalk text is there both times, temporaries of the
/// load are not), and loading the same workbook from .xlsx.
/// Peak memory is the process's high-water mark: run one workload (`--only NAME`) for its own.
/// `--write-xlsx FOLDER` keeps the .xlsx files (scripts/compare-ironcalc.py uses them);
/// `--time-xlsx FILE` times one file's load and calculation as JSON.
/// Run in release: `swift run -c release kalkyl-benchmark [N …] [--only NAME]`.
@main
struct BenchmarkMain {
    static func main() throws {
        var sizes: [Int] = []
        var only: Set<String> = []
        var xlsxFolder: String? = nil
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            if argument == "--only", let name = arguments.popFirst() { only.insert(name); continue }
            if argument == "--write-xlsx", let folder = arguments.popFirst() { xlsxFolder = folder; continue }
            if argument == "--time-xlsx", let file = arguments.popFirst() { return try timeXlsx(file) }
            guard let n = Int(argument.replacingOccurrences(of: "_", with: "")) else {
                FileHandle.standardError.write(Data("usage: kalkyl-benchmark [N …] [--only grid|chain|sumcol|lookup|alloc] [--write-xlsx FOLDER] | --time-xlsx FILE\n".utf8))
                exit(2)
            }
            sizes.append(n)
        }
        if sizes.isEmpty { sizes = [10_000, 100_000] }
        let makers: [(String, (Int) -> Workload)] = [
            ("grid", Workload.grid), ("chain", Workload.chain), ("sumcol", Workload.sumcol),
            ("lookup", Workload.lookup), ("alloc", Workload.alloc),
        ]
        emit("workload      rows    cells   load ms   calc ms   edit ms (median)  recalculated/edit  peak MB  workbook MB  bytes/formula cell  xlsx load ms")
        for n in sizes {
            for (name, make) in makers where only.isEmpty || only.contains(name) {
                try measure(make(n), xlsxFolder: xlsxFolder)
            }
        }
    }

    static func measure(_ workload: Workload, xlsxFolder: String?) throws {
        let clock = ContinuousClock()
        var workbook: Workbook!
        let before = memoryMB("VmRSS:")
        let load = try clock.measure { workbook = try KalkReader.read(workload.text, file: workload.name).workbook }
        let held = memoryMB("VmRSS:") - before
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
        let formulaCells = (0..<workbook.sheets.count).reduce(0) { count, s in
            count + workbook.cells(inSheet: s).filter { $0.formula != nil }.count
        }
        let peak = memoryMB("VmHWM:")
        // The same workbook as .xlsx: written once, then loaded (with its first calculation).
        let folder = xlsxFolder ?? NSTemporaryDirectory()
        let xlsx = (folder as NSString).appendingPathComponent("\(workload.name)-\(workload.rows).xlsx")
        try workbook.set(.constant(.number(workload.editValues.1)), at: location)
        workbook.recalculate()
        try XlsxWriter.save(workbook, to: xlsx)
        workbook = nil
        let xlsxLoad = try clock.measure { _ = try XlsxReader.load(path: xlsx) }
        if xlsxFolder == nil { try? FileManager.default.removeItem(atPath: xlsx) }
        emit(String(format: "%-8@ %9d %8d %9.1f %9.1f %12.3f %18d %12.0f %12.0f %19.0f %13.1f",
                     workload.name, workload.rows, cells, load.milliseconds, calculation.milliseconds,
                     edits[edits.count / 2].milliseconds, recalculated, peak, held, held * 1_048_576 / Double(max(formulaCells, 1)), xlsxLoad.milliseconds))
    }

    /// Times one .xlsx file for the IronCalc comparison: load (parse and build), then a full
    /// calculation; prints `{"load_ms":…,"calc_ms":…}`.
    static func timeXlsx(_ path: String) throws {
        let clock = ContinuousClock()
        var document: XlsxDocument!
        let load = try clock.measure { document = try XlsxReader.load(path: path) }
        let calculation = clock.measure { document.workbook.recalculateAll() }
        emit(String(format: "{\"load_ms\":%.1f,\"calc_ms\":%.1f}", load.milliseconds, calculation.milliseconds))
    }

    /// One line to standard output at once, so progress shows when output is piped.
    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// A line of /proc/self/status in MB: `VmHWM:` the peak resident memory, `VmRSS:` the current.
    static func memoryMB(_ field: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
