import Foundation
import CMalloc
import KalkylEngine
import KalkylFormats

/// Measures Kalkyl on generated workloads and prints one line per workload and size:
/// loading the workbook from .kalk (text → workbook, formulas compiled, first calculation) and
/// from .xlsx, a full recalculation, the first edit (which builds the dependency graph) and the
/// median single-input edit with its incremental recalculation, the cells recalculated per
/// edit, saving as .kalk and as .xlsx, the peak resident memory, and the memory the workbook
/// holds per formula cell once edited, graph and all (heap in use after loading and the first
/// edit minus before, by malloc's own count: the .kalk text is there both times, temporaries
/// of the load are not, nor memory freed but not yet given back).
/// Each workload and size runs in a process of its own (the benchmark starts itself with
/// `--measure NAME N`), so its peak memory is its own.
/// `--write-xlsx FOLDER` keeps the .xlsx files (scripts/compare-ironcalc.py uses them), with a
/// filled-down column as one shared formula as Excel writes it, or with `--formula-per-cell`
/// every formula in its own cell;
/// `--time-xlsx FILE` times one file's load and calculation as JSON.
/// Run in release: `swift run -c release kalkyl-benchmark [N …] [--only NAME]`.
@main
struct BenchmarkMain {
    static let makers: [(String, @Sendable (Int) -> Workload)] = [
        ("grid", Workload.grid), ("chain", Workload.chain), ("sumcol", Workload.sumcol),
        ("lookup", Workload.lookup), ("alloc", Workload.alloc), ("allocate", Workload.allocate),
    ]

    static func main() {
        // As the kalkyl program does (see CMalloc's shim.h).
        kalkyl_keep_freed_memory()
        do {
            try run()
        } catch {
            FileHandle.standardError.write(Data("kalkyl-benchmark: \(error)\n".utf8))
            exit(2)
        }
    }

    static func run() throws {
        var sizes: [Int] = []
        var only: [String] = []
        var xlsxFolder: String? = nil
        var perCell = false
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            if argument == "--only", let name = arguments.popFirst() { only.append(name); continue }
            if argument == "--write-xlsx", let folder = arguments.popFirst() { xlsxFolder = folder; continue }
            if argument == "--formula-per-cell" { perCell = true; continue }
            if argument == "--time-xlsx", let file = arguments.popFirst() { return try timeXlsx(file) }
            if argument == "--measure", let name = arguments.popFirst(), let n = arguments.popFirst().flatMap({ Int($0) }),
               let make = makers.first(where: { $0.0 == name })?.1 {
                let perCell = arguments.first == "--formula-per-cell"
                if perCell { arguments.removeFirst() }
                return try measure(make(n), sharingFormulas: !perCell, xlsxFolder: arguments.popFirst())
            }
            guard let n = Int(argument.replacingOccurrences(of: "_", with: "")), n >= 2 else { usage() }
            sizes.append(n)
        }
        if sizes.isEmpty { sizes = [10_000, 100_000] }
        if let unknown = only.first(where: { name in !makers.contains { $0.0 == name } }) {
            FileHandle.standardError.write(Data("kalkyl-benchmark: no workload '\(unknown)'\n".utf8))
            usage()
        }
        let columns: [(String, Int)] = [("rows", 8), ("cells", 9), ("formulas", 9), ("kalk load ms", 14), ("xlsx load ms", 14), ("calc ms", 10),
                                        ("first edit ms", 15), ("edit ms (median)", 18), ("recalculated/edit", 19), ("kalk save ms", 14), ("xlsx save ms", 14), ("peak MB", 9), ("bytes/formula cell", 20), ("xlsx patch ms", 14)]
        emit("workload " + columns.map { String(repeating: " ", count: max(0, $0.1 - $0.0.count)) + $0.0 }.joined())
        for n in sizes {
            for (name, _) in makers where only.isEmpty || only.contains(name) {
                try runMeasurement(name, n, perCell: perCell, xlsxFolder: xlsxFolder)
            }
        }
        try measureStartUp()
    }

    /// Start-up plus a tiny workbook, as a script pays it for every file: the best of 20 runs
    /// of `kalkyl check` on a two-cell workbook, with the `kalkyl` built beside this program.
    static func measureStartUp() throws {
        let folder = ((Bundle.main.executablePath ?? CommandLine.arguments[0]) as NSString).deletingLastPathComponent
        let kalkyl = (folder as NSString).appendingPathComponent("kalkyl")
        guard FileManager.default.isExecutableFile(atPath: kalkyl) else {
            emit("start-up: no kalkyl beside kalkyl-benchmark (swift build -c release first)")
            return
        }
        let tiny = NSTemporaryDirectory() + "kalkyl-benchmark-tiny-\(ProcessInfo.processInfo.processIdentifier).kalk"
        try "kalkyl 1\nsheet S\nA1 1\nA2 =A1+1\n".write(toFile: tiny, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: tiny) }
        let clock = ContinuousClock()
        var best = Duration.seconds(60)
        // posix_spawn, not Foundation's Process, whose own start costs several times the program's.
        let arguments = [kalkyl, "check", tiny]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for _ in 0..<20 {
            let start = clock.now
            var pid: pid_t = 0
            guard posix_spawn(&pid, kalkyl, &actions, nil, &argv, environ) == 0 else {
                emit("start-up: could not start \(kalkyl)")
                return
            }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            best = min(best, clock.now - start)
            guard status == 0 else {
                emit("start-up: kalkyl check failed (status \(status))")
                return
            }
        }
        emit(String(format: "start-up: kalkyl check of a tiny workbook, best of 20: %.1f ms", best.milliseconds))
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("usage: kalkyl-benchmark [N …] [--only \(makers.map(\.0).joined(separator: "|"))] [--write-xlsx FOLDER] [--formula-per-cell] | --time-xlsx FILE\n".utf8))
        exit(2)
    }

    /// Runs one workload in a child process of this program and passes its line on.
    static func runMeasurement(_ name: String, _ n: Int, perCell: Bool, xlsxFolder: String?) throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: Bundle.main.executablePath ?? "/proc/self/exe")
        child.arguments = ["--measure", name, String(n)] + (perCell ? ["--formula-per-cell"] : []) + (xlsxFolder.map { [$0] } ?? [])
        let output = Pipe()
        child.standardOutput = output
        try child.run()
        let line = output.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        guard child.terminationStatus == 0 else {
            FileHandle.standardError.write(Data("kalkyl-benchmark: \(name) \(n) failed (exit \(child.terminationStatus))\n".utf8))
            exit(1)
        }
        FileHandle.standardOutput.write(line)
    }

    static func measure(_ workload: consuming Workload, sharingFormulas: Bool, xlsxFolder: String?) throws {
        let clock = ContinuousClock()
        var workbook: Workbook!
        let before = heapInUse()
        let load = try clock.measure { workbook = try KalkReader.read(workload.text, file: workload.name).workbook }
        // KalkReader calculates after loading; time a second full calculation on its own.
        let calculation = clock.measure { workbook.recalculateAll() }
        let location = try workbook.location(of: workload.editCell)
        var edits: [Duration] = []
        var recalculated = 0
        var held = 0.0
        for k in 0..<22 {
            let value = k % 2 == 0 ? workload.editValues.0 : workload.editValues.1
            let start = clock.now
            try workbook.set(.constant(.number(value)), at: location)
            let result = workbook.recalculate()
            edits.append(clock.now - start)
            recalculated = result.recomputedCount
            if k == 0 {
                held = Double(heapInUse() - before)
                // The generated text is the benchmark's input, not Kalkyl's: not held in the peak after loading.
                workload.text = ""
            }
        }
        let firstEdit = edits.removeFirst()
        edits.sort()
        let cells = workbook.sheets.reduce(0) { $0 + $1.usedRowCount * $1.usedColumnCount }
        var formulaCells = 0
        for s in workbook.sheets.indices {
            workbook.forEachCell(inSheet: s) { _, _, formula in if formula != nil { formulaCells += 1 } }
        }
        try workbook.set(.constant(.number(workload.editValues.1)), at: location)
        workbook.recalculate()
        // Saved as .kalk and as .xlsx, then the .xlsx loaded again (with its first calculation).
        let kalk = NSTemporaryDirectory() + "kalkyl-benchmark-\(ProcessInfo.processInfo.processIdentifier).kalk"
        let kalkSave = try clock.measure { try KalkWriter.save(WorkbookDocument(workbook: workbook), to: kalk) }
        try? FileManager.default.removeItem(atPath: kalk)
        var xlsxSave = "-", xlsxLoad = "-", xlsxPatch = "-"
        var peak = 0.0
        if workload.hasXlsxForm {
            let folder = xlsxFolder ?? NSTemporaryDirectory()
            let xlsx = (folder as NSString).appendingPathComponent("\(workload.name)-\(workload.rows).xlsx")
            xlsxSave = String(format: "%.1f", try clock.measure { try XlsxWriter.save(workbook, to: xlsx, sharingFormulas: sharingFormulas) }.milliseconds)
            workbook = nil
            var document: XlsxDocument!
            xlsxLoad = String(format: "%.1f", try clock.measure { document = try XlsxReader.load(path: xlsx) }.milliseconds)
            peak = memoryMB("VmHWM:")
            // The lossless save of the file just read after one edit (the file's sheet patched).
            try document.workbook.set(.constant(.number(workload.editValues.0)), at: location)
            document.workbook.recalculate()
            let patched = NSTemporaryDirectory() + "kalkyl-benchmark-\(ProcessInfo.processInfo.processIdentifier)-patched.xlsx"
            xlsxPatch = String(format: "%.1f", try clock.measure { try XlsxDocumentWriter.save(document, to: patched) }.milliseconds)
            try? FileManager.default.removeItem(atPath: patched)
            if xlsxFolder == nil { try? FileManager.default.removeItem(atPath: xlsx) }
        } else {
            peak = memoryMB("VmHWM:")
        }
        let name = workload.name.padding(toLength: 9, withPad: " ", startingAt: 0)
        func right(_ text: String) -> String { String(repeating: " ", count: max(0, 13 - text.count)) + text }
        emit(name + String(format: "%8d %8d %8d %13.1f ", workload.rows, cells, formulaCells, load.milliseconds) + right(xlsxLoad)
             + String(format: " %9.1f %14.1f %17.3f %18d %13.1f ", calculation.milliseconds, firstEdit.milliseconds, edits[edits.count / 2].milliseconds,
                      recalculated, kalkSave.milliseconds)
             + right(xlsxSave) + String(format: " %8.0f %19.0f ", peak, held / Double(max(formulaCells, 1))) + right(xlsxPatch))
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

    /// Bytes malloc has handed out and not had back (small blocks and mmapped large ones).
    static func heapInUse() -> Int {
        let info = mallinfo2()
        return Int(info.uordblks) + Int(info.hblkhd)
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
