import Foundation

/// Writing to standard output and standard error.
enum Output {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("kalkyl: " + message + "\n").utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
