import KalkylEngine

/// The details of each recipient for a batch of forms (mail merge): one row per
/// bidragsmottagare, one column per field, with a header row naming the fields by key
/// (`organisationsnummer`) or by label (`Organisationsnummer`). See `Templates/mottagare.kalk`.
public struct RecipientsTable {
    /// The fields a recipient has of its own; a batch takes every one of them from the
    /// recipient's row (an empty cell stays empty), never from another recipient's form.
    public static let fieldKeys = ["bidragsmottagare", "organisationsnummer", "kontaktperson", "postadress", "telefon", "fax",
                                   "epost", "bankgiro", "betalningsreferens", "namnfortydligande"]

    /// Where the table came from (a file, or the workbook's sheet), for messages.
    public let source: String
    public let rows: [[String: String]]

    /// Reads a table from its cells as text, the first row being the header.
    public init(cells: [[String]], source: String) throws(RecipientsProblem) {
        self.source = source
        guard let header = cells.first else { throw RecipientsProblem("\(source): the recipients table is empty") }
        var columns: [Int: String] = [:]
        for (index, title) in header.enumerated() where !title.trimmingSpaces().isEmpty {
            guard let key = RecipientsTable.key(forHeader: title) else {
                throw RecipientsProblem("\(source): column \(A1.columnName(index)) '\(title)' is not a recipient's field (the fields are \(RecipientsTable.fieldKeys.joined(separator: ", ")))")
            }
            guard !columns.values.contains(key) else { throw RecipientsProblem("\(source): two columns are '\(key)'") }
            columns[index] = key
        }
        guard columns.values.contains("bidragsmottagare") else {
            throw RecipientsProblem("\(source): the header row has no column Bidragsmottagare")
        }
        var rows: [[String: String]] = []
        var seen: [String: Int] = [:]
        for (number, line) in cells.enumerated().dropFirst() {
            var row: [String: String] = [:]
            for (index, key) in columns.sorted(by: { $0.key < $1.key }) where index < line.count { row[key] = line[index].trimmingSpaces() }
            guard let name = row["bidragsmottagare"], !name.isEmpty else { continue }
            if let first = seen[name.lowercased()] {
                throw RecipientsProblem("\(source): \(name) has two rows (\(first + 1) and \(number + 1))")
            }
            seen[name.lowercased()] = number
            rows.append(row)
        }
        self.rows = rows
    }

    /// A table from a sheet of a workbook: the used cells as they show, numbers as typed.
    public init(sheet: Int, of workbook: Workbook, source: String) throws(RecipientsProblem) {
        var cells: [[String]] = []
        for (address, value, _) in workbook.cells(inSheet: sheet) {
            let row = Int(address.row), column = Int(address.column)
            guard row < 100_000, column < 64 else { continue }
            while cells.count <= row { cells.append([]) }
            while cells[row].count <= column { cells[row].append("") }
            cells[row][column] = value == .empty ? "" : value.description
        }
        try self.init(cells: cells, source: source)
    }

    /// The row of a recipient, by name (case as MATCH ignores it).
    public func row(for recipient: String) -> [String: String]? {
        let wanted = recipient.trimmingSpaces().lowercased()
        return rows.first { $0["bidragsmottagare"]?.lowercased() == wanted }
    }

    public var recipients: [String] { rows.compactMap { $0["bidragsmottagare"] } }

    /// The field a header names: its key, its Bilaga 2 label, or a common other word for it.
    static func key(forHeader header: String) -> String? {
        let h = header.trimmingSpaces().lowercased()
        // Keys and labels match below; these are the other words people head such columns with.
        let aliases = ["e-post": "epost", "plusgiro": "bankgiro", "telefonnummer": "telefon",
                       "firmatecknare": "namnfortydligande", "undertecknare": "namnfortydligande", "orgnr": "organisationsnummer"]
        if let alias = aliases[h] { return alias }
        return fieldKeys.first { key in key == h || FormField.named(key)?.label.lowercased() == h }
    }
}

/// A recipients table that cannot be read.
public struct RecipientsProblem: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
