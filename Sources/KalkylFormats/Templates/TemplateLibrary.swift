import Foundation
import KalkylEngine

/// The folder of templates (`Templates/*.kalk`) and finding one by name.
///
/// The folder is, in order: the one given, `$KALKYL_TEMPLATES`, `./Templates`, or the first
/// `Templates` folder above the running executable (so `.build/debug/kalkyl` finds the
/// repository's templates).
public struct TemplateLibrary {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public static func locate(_ explicit: String? = nil) -> TemplateLibrary? {
        let fileManager = FileManager.default
        func isFolder(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        if let explicit { return TemplateLibrary(directory: URL(fileURLWithPath: explicit)) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["KALKYL_TEMPLATES"] {
            return TemplateLibrary(directory: URL(fileURLWithPath: fromEnvironment))
        }
        let local = URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent("Templates")
        if isFolder(local) { return TemplateLibrary(directory: local) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("Templates")
            if isFolder(candidate) { return TemplateLibrary(directory: candidate) }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The names of the templates (file names without `.kalk`), sorted.
    public func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".kalk") }
            .map { String($0.dropLast(5)) }
            .sorted()
    }

    /// A template by name, or by path when `name` ends in `.kalk`.
    public func path(of name: String) -> String {
        name.hasSuffix(".kalk") ? name : directory.appendingPathComponent(name + ".kalk").path
    }

    /// A template: its workbook, title and parameters.
    public func load(_ name: String) throws -> WorkbookDocument {
        try KalkReader.load(path: path(of: name))
    }
}
