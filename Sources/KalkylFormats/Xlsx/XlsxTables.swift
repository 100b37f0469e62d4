import Foundation
import KalkylEngine

/// The Excel tables of a workbook (xl/tables/tableN.xml, each linked from its sheet's
/// relationships): name, range, header and totals rows, column names.
enum XlsxTables {
    static func read(_ package: XlsxPackage, sheetParts: [String], path: String) throws -> [(table: Table, part: String)] {
        var tables: [(Table, String)] = []
        for (sheet, part) in sheetParts.enumerated() {
            for target in try relationships(of: part, type: "/table", in: package, path: path) {
                guard let data = try package.part(target) else { continue }
                if let table = try table(data, sheet: sheet, part: target, path: path) { tables.append((table, target)) }
            }
        }
        return tables
    }

    /// A table part with the table's new range (`ref` of the table and of its autoFilter).
    static func resized(_ data: Data, to range: CellRange, part: String, file: String) throws -> Data {
        try PartPatch.settingAttribute("ref", to: range.description, ofElements: ["table", "autoFilter"], in: data, part: part, file: file)
    }

    /// The parts a part's relationships of a type point at (`../tables/table1.xml` from
    /// xl/worksheets/sheet1.xml is xl/tables/table1.xml).
    static func relationships(of part: String, type: String, in package: XlsxPackage, path: String) throws -> [String] {
        let folder = (part as NSString).deletingLastPathComponent
        let rels = folder + "/_rels/" + (part as NSString).lastPathComponent + ".rels"
        guard let data = try package.part(rels) else { return [] }
        var targets: [String] = []
        let events = XMLEvents()
        events.onStart = { element, attributes in
            guard element == "Relationship", attributes["Type"]?.hasSuffix(type) == true, attributes["TargetMode"] != "External",
                  let target = attributes["Target"] else { return }
            targets.append(target.hasPrefix("/") ? String(target.dropFirst()) : resolve(target, from: folder))
        }
        try events.parse(data, part: rels, file: path)
        return targets
    }

    /// A relative path from a folder, `..` taken out.
    private static func resolve(_ target: String, from folder: String) -> String {
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    private static func table(_ data: Data, sheet: Int, part: String, path: String) throws -> Table? {
        var name: String?, range: CellRange?, header = true, totals = false
        var columns: [String] = []
        let events = XMLEvents()
        events.onStart = { element, attributes in
            switch element {
            case "table":
                name = attributes["displayName"] ?? attributes["name"]
                range = attributes["ref"].flatMap(CellRange.init)
                header = attributes["headerRowCount"].flatMap(Int.init).map { $0 > 0 } ?? true
                totals = attributes["totalsRowCount"].flatMap(Int.init).map { $0 > 0 } ?? false
            case "tableColumn":
                columns.append(OOXMLText.decode(attributes["name"] ?? ""))
            default: break
            }
        }
        try events.parse(data, part: part, file: path)
        guard let name, let range else { return nil }
        return Table(name: name, sheet: sheet, range: range, hasHeaderRow: header, hasTotalsRow: totals, columns: columns)
    }
}
