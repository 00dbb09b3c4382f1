import Foundation
import Testing

/// SwiftPM warns about every file in a target folder it is not told about. Package.swift
/// excludes each test target's Fixtures/ and Golden/ folders whole, so test data belongs
/// there; anything else that is not Swift must be declared in Package.swift.
@Suite struct PackageLayoutTests {
    @Test func testDataLivesInExcludedFolders() throws {
        let excluded = ["Fixtures", "Golden"]
        var stray: [String] = []
        for target in ["HandoutKitTests", "handoutTests"] {
            let folder = Paths.packageRoot + "/Tests/" + target
            let files = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
            for file in files where !file.hasSuffix(".swift") {
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder + "/" + file, isDirectory: &isFolder)
                let top = String(file.split(separator: "/").first ?? "")
                if !isFolder.boolValue, !excluded.contains(top) { stray.append("Tests/\(target)/\(file)") }
            }
        }
        #expect(stray == [], "move these into the target's Fixtures/ folder, or declare them in Package.swift")
    }
}
