import Foundation

/// Runs one of the repository's Python scripts and returns its exit status and everything
/// it printed (standard output and standard error together).
func runPythonScript(_ arguments: [String]) throws -> (status: Int32, printed: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, printed)
}
