/// An error reading or writing a file that the user can act on: it says which file, where in
/// it and what is wrong, on one line. Command lines report these with exit status 2.
public protocol FileProblem: Error, CustomStringConvertible {}

extension FileError: FileProblem {}
extension KalkSyntaxError: FileProblem {}
extension XlsxError: FileProblem {}
