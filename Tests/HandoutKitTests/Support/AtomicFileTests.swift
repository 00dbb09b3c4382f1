import Foundation
import HandoutKit
import Testing

@Suite struct AtomicFileTests {
    let files = FileManager.default

    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "atomic-file-tests-" + UUID().uuidString
        try files.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func mode(_ path: String) throws -> Int {
        (try files.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func writesTheModeExactlyAndLeavesNoTemporaryFile() throws {
        let dir = try folder()
        #expect(try AtomicFile.write("one\n", to: dir + "/a.txt") == .written)
        #expect(try mode(dir + "/a.txt") == 0o600)
        #expect(try AtomicFile.write("one\n", to: dir + "/b.html", mode: 0o644) == .written)
        #expect(try mode(dir + "/b.html") == 0o644)
        #expect(try files.contentsOfDirectory(atPath: dir).sorted() == ["a.txt", "b.html"])
    }

    @Test func theSameBytesWithTheSameModeAreLeftAlone() throws {
        let dir = try folder()
        try AtomicFile.write("same\n", to: dir + "/a.txt")
        #expect(try AtomicFile.write("same\n", to: dir + "/a.txt") == .unchanged)
        #expect(try AtomicFile.write("changed\n", to: dir + "/a.txt") == .written)
        #expect(try String(contentsOfFile: dir + "/a.txt", encoding: .utf8) == "changed\n")
    }

    @Test func aWorldReadableCopyOfAPersonalizedFileBecomesPrivate() throws {
        let dir = try folder()
        try "for one client\n".write(toFile: dir + "/h.txt", atomically: false, encoding: .utf8)
        try files.setAttributes([.posixPermissions: 0o644], ofItemAtPath: dir + "/h.txt")
        #expect(try AtomicFile.write("for one client\n", to: dir + "/h.txt") == .written)
        #expect(try mode(dir + "/h.txt") == 0o600)
        #expect(try AtomicFile.write("for one client\n", to: dir + "/h.txt") == .unchanged)
    }

    @Test func aSymbolicLinkIsNeverWrittenThrough() throws {
        let dir = try folder()
        try "keep\n".write(toFile: dir + "/target", atomically: false, encoding: .utf8)
        try files.createSymbolicLink(atPath: dir + "/link.txt", withDestinationPath: dir + "/target")
        #expect(throws: InputErrors.self) { try AtomicFile.write("keep\n", to: dir + "/link.txt") }
        #expect(throws: InputErrors.self) { try AtomicFile.write("new\n", to: dir + "/link.txt") }
        #expect(try String(contentsOfFile: dir + "/target", encoding: .utf8) == "keep\n")
        try files.createSymbolicLink(atPath: dir + "/out", withDestinationPath: dir)
        #expect(throws: InputErrors.self) { try AtomicFile.makeFolder(dir + "/out") }
        #expect(throws: InputErrors.self) { try AtomicFile.makeFolder(dir + "/out/") }
        try AtomicFile.makeFolder(dir + "/new/deeper")
        #expect(files.fileExists(atPath: dir + "/new/deeper"))
    }

    @Test func aFailedWriteSaysWhyAndLeavesNothingBehind() throws {
        let dir = try folder()
        try files.createDirectory(atPath: dir + "/taken.html", withIntermediateDirectories: false)
        do {
            try AtomicFile.write("x", to: dir + "/taken.html")
            Issue.record("expected an error")
        } catch let errors as InputErrors {
            #expect(errors.diagnostics.map(\.message) == ["cannot write the file: Is a directory"])
        }
        #expect(try files.contentsOfDirectory(atPath: dir) == ["taken.html"])
        do {
            try AtomicFile.write("x", to: dir + "/missing/a.txt")
            Issue.record("expected an error")
        } catch let errors as InputErrors {
            #expect(errors.diagnostics.map(\.message) == ["cannot create a file in this folder: No such file or directory"])
        }
    }
}
