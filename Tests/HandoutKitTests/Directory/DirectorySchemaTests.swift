import Foundation
import Testing
@testable import HandoutKit

/// The bundled example directories load and validate against the published JSON Schema
/// (checked with python3's jsonschema, which CI installs).
@Suite struct DirectorySchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    @Test(arguments: ["directory.json", "directory-problems.json"])
    func exampleLoadsAndValidates(file: String) throws {
        let path = Self.root + "/Resources/" + file
        let directory = try DirectoryLoader.load(path: path)
        #expect(directory.partners.count >= 8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root + "/scripts/validate-directory.py", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(printed)")
        #expect(printed == "ok: \(path)\n")
    }

    @Test func theSchemaRejectsWhatTheLoaderRejects() throws {
        let bad = NSTemporaryDirectory() + "bad-\(UUID().uuidString).json"
        try #"{"partners": [{"id": "a", "name": "A", "categories": ["housing"], "phones": [{"number": "x"}], "website": "ftp://x"}]}"#
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root + "/scripts/validate-directory.py", bad]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(throws: InputErrors.self) { try DirectoryLoader.load(path: bad) }
    }
}
