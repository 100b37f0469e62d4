import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams an XML part through callbacks (SAX), so a 100 000-row sheet is read without
/// building a tree: element starts with their attributes, text, and element ends.
final class XMLEvents: NSObject, XMLParserDelegate {
    var onStart: (_ name: String, _ attributes: [String: String]) -> Void = { _, _ in }
    var onText: (_ text: String) -> Void = { _ in }
    var onEnd: (_ name: String) -> Void = { _ in }
    private var failure: (line: Int, reason: String)?

    /// Parses `data`; element names are given without their namespace prefix. The stream form
    /// feeds libxml2 in chunks: parsing from the data at once fails on lines over 10 MB, and
    /// Excel writes a sheet's cells on one line (a 100 000-row sheet is some 20 MB).
    func parse(_ data: Data, part: String, file: String) throws {
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = self
        let parsed = parser.parse()
        if let failure {
            throw XlsxError(path: file, message: "\(part) line \(failure.line): \(failure.reason)")
        }
        guard parsed else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed XML"
            throw XlsxError(path: file, message: "\(part) line \(parser.lineNumber): \(reason)")
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil { failure = (parser.lineNumber, "malformed XML (\((parseError as NSError).code))") }
    }

    private func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        onStart(local(elementName), attributeDict)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { onText(string) }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        onEnd(local(elementName))
    }
}
