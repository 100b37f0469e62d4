/// A failure a command reports with a message and an exit status.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32

    /// Bad input: a file that cannot be read, a malformed formula or reference (exit 2).
    static func input(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 2) }
    /// The workbook has errors or a check failed (exit 1).
    static func check(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 1) }
}
