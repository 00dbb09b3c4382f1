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

    /// The package builds on Darwin too, where there is no Glibc: a C library is imported
    /// only under `#if canImport(...)` with a Darwin branch, and never named in a call.
    @Test func platformCallsStayPortable() throws {
        var problems: [String] = []
        let sources = Paths.packageRoot + "/Sources"
        for file in FileManager.default.subpaths(atPath: sources) ?? [] where file.hasSuffix(".swift") {
            let lines = try read(sources + "/" + file).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                if code.contains("Glibc.") { problems.append("\(file):\(index + 1): a call through Glibc.") }
                if code == "import Glibc", index == 0 || lines[index - 1].trimmingCharacters(in: .whitespaces) != "#if canImport(Glibc)" {
                    problems.append("\(file):\(index + 1): import Glibc outside #if canImport(Glibc)")
                }
                if code == "import Glibc", !lines[index...].prefix(4).contains(where: { $0.contains("canImport(Darwin)") }) {
                    problems.append("\(file):\(index + 1): no Darwin branch beside import Glibc")
                }
            }
        }
        #expect(problems == [])
    }
}
