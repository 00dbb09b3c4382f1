import Foundation
import Testing
@testable import HandoutKit

@Suite struct OutputWriterTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "handout-writer-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func writesOnlyWhatChangedAndRemovesOnlyItsOwnOldFiles() throws {
        let out = try folder()
        let writer = OutputWriter(folder: out, mode: 0o640, scope: .wholeFolder)
        let first = try writer.write([OutputFile(path: "a.html", contents: "A"), OutputFile(path: "sub/b.txt", contents: "B")])
        #expect(first.written == ["a.html", "sub/b.txt"])
        #expect(try mode(out + "/sub/b.txt") == 0o640)
        #expect(try mode(out + "/" + OutputWriter.manifestName) == 0o640)

        let second = try writer.write([OutputFile(path: "a.html", contents: "A2")])
        #expect(second == OutputWriter.Report(written: ["a.html"], unchanged: [], removed: ["sub/b.txt"]))
        // The emptied sub-folder goes with its last file.
        #expect(!FileManager.default.fileExists(atPath: out + "/sub"))
    }

    @Test func aKilledRunsTemporaryFilesAreClearedByTheNextWriteAndNothingElse() throws {
        let out = try folder()
        try FileManager.default.createDirectory(atPath: out + "/sub", withIntermediateDirectories: true)
        // No process has the largest pid; this test process is alive.
        let dead = ".a.html.\(Int32.max).123.tmp", deadInSub = ".b.txt.\(Int32.max).7.tmp"
        let live = ".a.html.\(getpid()).456.tmp", notOurs = ".notes.txt.\(Int32.max).1.tmp"
        for name in [dead, live, notOurs, "notes.tmp"] { try "x".write(toFile: out + "/" + name, atomically: false, encoding: .utf8) }
        try "x".write(toFile: out + "/sub/" + deadInSub, atomically: false, encoding: .utf8)
        _ = try OutputWriter(folder: out, mode: 0o644, scope: .wholeFolder)
            .write([OutputFile(path: "a.html", contents: "A"), OutputFile(path: "sub/b.txt", contents: "B")])
        let left = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(left == [OutputWriter.manifestName, live, notOurs, "a.html", "notes.tmp", "sub"].sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/sub") == ["b.txt"])
    }

    @Test func aDryRunWritesNothingAndReportsWhatWouldChange() throws {
        let out = try folder() + "/site"
        let files = [OutputFile(path: "a.html", contents: "A")]
        let dry = try OutputWriter(folder: out, mode: 0o644, scope: .wholeFolder, dryRun: true).write(files)
        #expect(dry.written == ["a.html"] && dry.changed)
        #expect(!FileManager.default.fileExists(atPath: out))
        _ = try OutputWriter(folder: out, mode: 0o644, scope: .wholeFolder).write(files)
        let again = try OutputWriter(folder: out, mode: 0o644, scope: .wholeFolder, dryRun: true).write(files)
        #expect(again.unchanged == ["a.html"] && !again.changed)
    }

    @Test func aFileWithTheRightBytesButTheWrongModeIsFixed() throws {
        let out = try folder()
        try "secret".write(toFile: out + "/h.txt", atomically: true, encoding: .utf8)
        chmod(out + "/h.txt", 0o644)
        let report = try OutputWriter(folder: out, mode: 0o600, scope: .addFiles).write([OutputFile(path: "h.txt", contents: "secret")])
        #expect(report.written == ["h.txt"])
        #expect(try mode(out + "/h.txt") == 0o600)
        #expect(!FileManager.default.fileExists(atPath: out + "/" + OutputWriter.manifestName))
    }

    @Test func aForeignFileInTheWayStopsTheWriteBeforeAnythingIsWritten() throws {
        let out = try folder()
        let writer = OutputWriter(folder: out, mode: 0o644, scope: .wholeFolder)
        _ = try writer.write([OutputFile(path: "a.html", contents: "A")])
        try "theirs".write(toFile: out + "/b.html", atomically: true, encoding: .utf8)
        #expect(throws: InputErrors.self) {
            try writer.write([OutputFile(path: "a.html", contents: "A2"), OutputFile(path: "b.html", contents: "B")])
        }
        #expect(try String(contentsOfFile: out + "/a.html", encoding: .utf8) == "A")
        #expect(try String(contentsOfFile: out + "/b.html", encoding: .utf8) == "theirs")
    }

    @Test func aManifestNeverNamesAFileOutsideTheFolder() throws {
        let parent = try folder()
        let out = parent + "/site"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "keep".write(toFile: parent + "/victim.txt", atomically: true, encoding: .utf8)
        let hash = OutputWriter.hash("keep")
        try #"{"files": {"../victim.txt": "\#(hash)", "/etc/passwd": "x"}}"#.write(toFile: out + "/" + OutputWriter.manifestName, atomically: true, encoding: .utf8)
        let report = try OutputWriter(folder: out, mode: 0o644, scope: .wholeFolder).write([OutputFile(path: "a.html", contents: "A")])
        #expect(report.removed.isEmpty)
        #expect(FileManager.default.fileExists(atPath: parent + "/victim.txt"))
    }

    @Test func outputNamesMustBePlainNamesInsideTheFolder() {
        for bad in ["", "../x", "a/../../x", "/abs", "a//b", "./a", OutputWriter.manifestName] {
            #expect(!OutputWriter.isSafe(bad), "\(bad)")
        }
        #expect(OutputWriter.isSafe("client-7/housing-eviction.es.html"))
    }
}
