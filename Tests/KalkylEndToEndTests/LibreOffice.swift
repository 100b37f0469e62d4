import Foundation
import Testing

/// LibreOffice, headless, as the judge of an xlsx file: it opens the file, recalculates every
/// formula (its profile is told to, as by default it shows an xlsx file's cached values), and
/// writes every sheet as CSV with plain numbers.
enum LibreOffice {
    static var executable: String? {
        ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let missing: Comment = "LibreOffice is not installed (apt-get install libreoffice-calc-nogui): the recalculation test is skipped"

    /// Each sheet of `xlsx` as rows of fields, recalculated, by sheet name.
    static func recalculatedSheets(_ xlsx: String, sheets: [String], in directory: URL) throws -> [String: [[String]]] {
        let profile = directory.appendingPathComponent("lo-profile")
        try FileManager.default.createDirectory(at: profile.appendingPathComponent("user"), withIntermediateDirectories: true)
        // OOXMLRecalcMode 0: always recalculate an xlsx file on loading.
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """.write(to: profile.appendingPathComponent("user/registrymodifications.xcu"), atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("csv-\(UUID().uuidString)")
        // Every sheet (-1), comma-separated, UTF-8 (76), values as shown without formatting.
        try KalkylProcess.runTool(try executable.unwrap(), [
            "--headless", "-env:UserInstallation=file://\(profile.path)",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false,false,false,-1",
            "--outdir", output.path, xlsx])
        let base = URL(fileURLWithPath: xlsx).deletingPathExtension().lastPathComponent
        var result: [String: [[String]]] = [:]
        for sheet in sheets {
            let csv = try String(contentsOf: output.appendingPathComponent("\(base)-\(sheet).csv"), encoding: .utf8)
            result[sheet] = csv.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "\"", with: "").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
        }
        return result
    }
}

extension Optional {
    func unwrap() throws -> Wrapped {
        guard let self else { throw CocoaError(.executableNotLoadable) }
        return self
    }
}
