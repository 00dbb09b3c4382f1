import Foundation
import Testing

/// Runs the built `handout` binary the way a user would and captures what it prints.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = packageRoot + "/Tests/handoutTests/Fixtures"
    static let golden = packageRoot + "/Tests/handoutTests/Golden"

    /// The `handout` executable SwiftPM built beside this test bundle.
    static let executable: String = {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("handout").path,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("handout").path,
            packageRoot + "/.build/debug/handout",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()
}

func handout(_ arguments: [String], in folder: String = Paths.packageRoot, environment extra: [String: String] = [:]) throws -> CommandResult {
    var environment = ProcessInfo.processInfo.environment
    environment["HANDOUT_HOME"] = Paths.packageRoot
    environment["NO_COLOR"] = "1"
    environment.merge(extra) { $1 }
    return try run(Paths.executable, arguments, in: folder, environment: environment)
}

/// Runs `executable` with exactly `environment`.
func run(_ executable: String, _ arguments: [String], in folder: String, environment: [String: String]) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting, so a large output cannot fill a pipe and block.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "handout-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func read(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
}

/// Compares `actual` with a golden file; `UPDATE_GOLDEN=1 swift test` rewrites the file
/// instead (then review the diff before committing it).
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let path = Paths.golden + "/" + name
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try actual.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    let expected = try read(path)
    #expect(actual == expected, "differs from Golden/\(name); run UPDATE_GOLDEN=1 swift test and review the diff", sourceLocation: sourceLocation)
}

/// A bundled library folder with the real Templates/ and Resources/ except for facts.yml,
/// which is `facts`: tests of the facts mechanism then hold whatever the bundled facts say.
func homeWithFacts(_ facts: String) throws -> String {
    let home = try temporaryFolder()
    let files = FileManager.default
    try files.createDirectory(atPath: home + "/Resources", withIntermediateDirectories: true)
    try files.createSymbolicLink(atPath: home + "/Templates", withDestinationPath: Paths.packageRoot + "/Templates")
    for name in try files.contentsOfDirectory(atPath: Paths.packageRoot + "/Resources") where name != "facts.yml" {
        try files.createSymbolicLink(atPath: home + "/Resources/" + name, withDestinationPath: Paths.packageRoot + "/Resources/" + name)
    }
    try facts.write(toFile: home + "/Resources/facts.yml", atomically: true, encoding: .utf8)
    return home
}
