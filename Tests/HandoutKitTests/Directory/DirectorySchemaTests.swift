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

        let (status, printed) = try runPythonScript([Self.root + "/scripts/validate-directory.py", path])
        #expect(status == 0, "\(printed)")
        #expect(printed == "ok: \(path)\n")
    }

    @Test func theSchemaRejectsWhatTheLoaderRejects() throws {
        let bad = NSTemporaryDirectory() + "bad-\(UUID().uuidString).json"
        try #"{"partners": [{"id": "a", "name": "A", "categories": ["housing"], "phones": [{"number": "x"}], "website": "ftp://x"}]}"#
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let (status, _) = try runPythonScript([Self.root + "/scripts/validate-directory.py", bad])
        #expect(status == 1)
        #expect(throws: InputErrors.self) { try DirectoryLoader.load(path: bad) }
    }
}
