import Foundation
import Testing
@testable import HandoutKit

/// Finding the browser and making a printed PDF's bytes depend on the page alone. (Printing
/// with the real Chromium is tested end to end in handoutTests/PDFTests.)
@Suite struct PDFPrinterTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "handout-pdf-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func theBrowserComesFromTheVariableElseFromPath() throws {
        let bin = try folder()
        let program = bin + "/chromium-browser"
        try "#!/bin/sh\n".write(toFile: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program)
        #expect(try PDFPrinter.locate(environment: ["PATH": "/nonexistent:" + bin]).browser == program)
        #expect(try PDFPrinter.locate(environment: ["PATH": "/nonexistent", "HANDOUT_CHROMIUM": program]).browser == program)

        // Nothing on PATH: the error names Debian's package.
        #expect {
            try PDFPrinter.locate(environment: ["PATH": "/nonexistent"])
        } throws: { error in
            (error as? MissingProgram)?.description == "handout: error: --pdf prints with Chromium, which is not installed: install Debian's package chromium (apt-get install chromium), or set HANDOUT_CHROMIUM to the browser's path"
        }
        // A variable naming something that cannot run is an error, not a fall-back to PATH.
        let notProgram = bin + "/notes.txt"
        try "x".write(toFile: notProgram, atomically: true, encoding: .utf8)
        for named in [notProgram, bin, bin + "/missing"] {
            #expect {
                try PDFPrinter.locate(environment: ["PATH": bin, "HANDOUT_CHROMIUM": named])
            } throws: { error in
                (error as? MissingProgram)?.description == "handout: error: HANDOUT_CHROMIUM names \"\(named)\", which is not a program that can run: give the path of Chromium, or unset it to use the chromium on PATH"
            }
        }
        #expect(MissingProgram.exitCode == 69)
    }

    @Test func normalizingTakesOutThePrintTimeAndTheTemporaryFolderAndKeepsEveryOffset() throws {
        let pdf = """
            %PDF-1.4
            1 0 obj
            <</Title (Si recibe un aviso)
            /Creator (HeadlessChrome)
            /CreationDate (D:20261202004203+00'00')
            /ModDate (D:20261202004203+00'00')>>
            endobj
            <</S /URI
            /URI (file:///tmp/handout-pdf.AbC123/housing-repairs.es.html)>>
            <</S /URI
            /URI (file:///tmp/handout-pdf.AbC123/packet.es.html#housing-eviction)>>
            <</S /URI
            /URI (https://example.org/apply)>>
            <</S /URI
            /URI (file:///tmp/handout-pdf.Other1/x.html)>>
            %%EOF
            """
        let normalized = PDFPrinter.normalize(Array(pdf.utf8), pageFolder: "/tmp/handout-pdf.AbC123")
        #expect(normalized.count == pdf.utf8.count)
        func blank(_ text: String) -> String { String(repeating: " ", count: text.count) }
        let folderURL = "file:///tmp/handout-pdf.AbC123/"
        let expected = """
            %PDF-1.4
            1 0 obj
            <</Title (Si recibe un aviso)
            /Creator (HeadlessChrome)
            \(blank("/CreationDate (D:20261202004203+00'00')"))
            \(blank("/ModDate (D:20261202004203+00'00')"))>>
            endobj
            <</S /URI
            /URI (housing-repairs.es.html)\(blank(folderURL))>>
            <</S /URI
            /URI (packet.es.html#housing-eviction)\(blank(folderURL))>>
            <</S /URI
            /URI (https://example.org/apply)>>
            <</S /URI
            /URI (file:///tmp/handout-pdf.Other1/x.html)>>
            %%EOF
            """
        #expect(String(decoding: normalized, as: UTF8.self) == expected)
        // Twice is the same as once.
        #expect(PDFPrinter.normalize(normalized, pageFolder: "/tmp/handout-pdf.AbC123") == normalized)
    }

    @Test func thePrivateFolderIsTheUsersAlone() throws {
        let folder = try PDFPrinter.makePrivateFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mode = (try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o700)
        #expect((folder as NSString).lastPathComponent.hasPrefix("handout-pdf.\(getpid())."))
    }

    @Test func aKilledRunsPrintingFolderIsRemovedByTheNextAndNothingElse() throws {
        // Names of this run's own, so a test run of another checkout sharing /tmp cannot
        // remove them while this one looks.
        let base = PDFPrinter.temporaryBase, mark = String(UInt32.random(in: 100_000...999_999))
        let gone = base + "handout-pdf.2147483000.AbC\(mark)", running = base + "handout-pdf.\(getpid()).XyZ\(mark)"
        let other = base + "handout-pdf-notes\(mark)"
        for folder in [gone, running, other] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "<p>a client's page</p>".write(toFile: folder + "/eviction.es.html", atomically: true, encoding: .utf8)
        }
        defer { for folder in [gone, running, other] { try? FileManager.default.removeItem(atPath: folder) } }
        _ = try? PDFPrinter.locate(environment: ["PATH": "/nonexistent"])
        #expect(!FileManager.default.fileExists(atPath: gone))
        #expect(FileManager.default.fileExists(atPath: running + "/eviction.es.html"))
        #expect(FileManager.default.fileExists(atPath: other + "/eviction.es.html"))
    }

    @Test func chromiumIsToldToPrintAndNothingElse() {
        let arguments = PDFPrinter.arguments(profile: "/t/profile", pdf: "/t/page.pdf", page: "/t/eviction.es.html")
        for expected in [
            "--headless=new", "--user-data-dir=/t/profile", "--no-pdf-header-footer", "--print-to-pdf=/t/page.pdf",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-background-networking", "--disable-component-update",
        ] {
            #expect(arguments.contains(expected), "\(expected)")
        }
        #expect(arguments.last == "file:///t/eviction.es.html")
    }
}
