import Foundation
import Testing

/// `--pdf`: a PDF beside each HTML page, printed by headless Chromium in the write step, with
/// the same names, modes and manifest as the HTML. The real browser prints where it is
/// installed (`.ci/run` installs it); a stand-in script shows the plumbing fast, and a
/// missing browser is an error before anything is written.
@Suite struct PDFTests {
    let clinic = Paths.fixtures + "/clinic"

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let poppler = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo") && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdffonts")

    /// A stand-in for Chromium that writes a tiny PDF naming the page it was given, and logs
    /// each call (its HOME, then its arguments) to `log`. `status` other than 0 makes it
    /// fail without a PDF.
    func fakeBrowser(status: Int = 0) throws -> (browser: String, log: String) {
        let folder = try temporaryFolder()
        let browser = folder + "/fake-chromium", log = folder + "/calls.log"
        try """
            #!/bin/sh
            for argument in "$@"; do
                case "$argument" in --print-to-pdf=*) out="${argument#--print-to-pdf=}" ;; esac
                page="$argument"
            done
            echo "$HOME $*" >> '\(log)'
            [ \(status) -eq 0 ] || exit \(status)
            printf '%%PDF-1.4 fake %s\\n' "$(basename "$page")" > "$out"

            """.write(toFile: browser, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser)
        return (browser, log)
    }

    func calls(_ log: String) -> [String] {
        ((try? read(log)) ?? "").split(separator: "\n").map(String.init)
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func tool(_ name: String, _ arguments: [String]) throws -> String {
        try run("/usr/bin/" + name, arguments, in: Paths.packageRoot, environment: ProcessInfo.processInfo.environment).stdout
    }

    func pages(_ pdf: String) throws -> Int? {
        try tool("pdfinfo", [pdf]).split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    // MARK: - With Chromium

    @Test(.enabled(if: chromium != nil)) func renderPrintsAPDFBesideTheHTMLWithTheSameNameAndMode() throws {
        let out = try temporaryFolder() + "/handouts"
        let arguments = ["render", "eviction", "--project", clinic, "--today", "2026-11-29", "--out", out,
            "--client-name", "María", "--zip", "60623", "--lang", "es", "--practice-name", "Lakeside Counseling", "--pdf"]
        let result = try handout(arguments, environment: ["HANDOUT_CHROMIUM": Self.chromium!])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "wrote \(out)/eviction.es.html\nwrote \(out)/eviction.es.pdf\nwrote \(out)/eviction.es.txt\n")
        let pdf = try #require(FileManager.default.contents(atPath: out + "/eviction.es.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(try mode(out + "/eviction.es.pdf") == 0o600)
        // No print time and no temporary folder in it, and links to the pages beside it
        // relative: the PDF depends on the page alone.
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(!text.contains("/CreationDate") && !text.contains("file://") && !text.contains("handout-pdf."))
        #expect(text.contains("/URI (repairs.es.html)"))
        // Printed again, it is the same bytes and is left as it is. (Chromium does not
        // promise it: once in several whole-suite runs on this loaded machine the second print
        // differed, so this is not asserted; the page itself must be unchanged.)
        let again = try handout(arguments, environment: ["HANDOUT_CHROMIUM": Self.chromium!])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("unchanged \(out)/eviction.es.html\n"))
        #expect(again.stdout.hasSuffix("\nunchanged \(out)/eviction.es.txt\n"))
        if Self.poppler {
            #expect(try tool("pdfinfo", [out + "/eviction.es.pdf"]).contains("Title:           Si recibe un aviso de desalojo\n"))
            #expect((try pages(out + "/eviction.es.pdf") ?? 0) >= 1)
        }
    }

    @Test(.enabled(if: chromium != nil && poppler)) func largePrintPrintsLargerAndNeverItalic() throws {
        // A handout with emphasis: the usual print sets it in an italic face, large print never.
        let project = try temporaryFolder() + "/clinic"
        try FileManager.default.copyItem(atPath: clinic, toPath: project)
        let template = project + "/Templates/en/eviction.md"
        try (try read(template)).replacingOccurrences(of: "1. Read the notice", with: "1. *Really* read the _notice_")
            .write(toFile: template, atomically: true, encoding: .utf8)
        var printed: [String: String] = [:]
        for (name, extra) in [("usual", [String]()), ("large", ["--large-print"])] {
            let out = try temporaryFolder()
            let result = try handout(["render", "eviction", "--project", project, "--today", "2026-11-29", "--out", out, "--pdf"] + extra,
                environment: ["HANDOUT_CHROMIUM": Self.chromium!])
            #expect(result.status == 0, "\(result.stderr)")
            printed[name] = out + "/eviction.en.pdf"
        }
        let usualFonts = try tool("pdffonts", [printed["usual"]!]), largeFonts = try tool("pdffonts", [printed["large"]!])
        // (The face is an italic or oblique one, by the fonts installed.)
        #expect(usualFonts.contains("Italic") || usualFonts.contains("Oblique"), "the usual print should set <em> in italics: \(usualFonts)")
        #expect(!largeFonts.contains("Italic") && !largeFonts.contains("Oblique"), "\(largeFonts)")
        #expect((try pages(printed["large"]!) ?? 0) > (try pages(printed["usual"]!) ?? 0))
    }

    /// Printing runs under strace, which logs the network calls of handout, Chromium and
    /// every process Chromium starts. Nothing may reach past this machine: no TCP socket of
    /// any kind, no datagram sent to an address on the internet, no name looked up. What is
    /// seen and allowed: datagram sockets on 127.0.0.1 (the handout process waiting for its
    /// child), and Chromium's IPv6 routing check, a UDP `connect` to 2001:4860:4860::8888
    /// that sends nothing (a connect on a datagram socket only picks a route): the socket's
    /// next call is its close.
    @Test(.enabled(if: chromium != nil)) func printingReachesNothingBeyondThisMachine() throws {
        let strace = try #require(["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "strace is needed for this test: apt-get install strace (.ci/run installs it)")
        let folder = try temporaryFolder()
        var environment = ProcessInfo.processInfo.environment
        environment["HANDOUT_HOME"] = Paths.packageRoot
        environment["HANDOUT_CHROMIUM"] = Self.chromium!
        let result = try run(strace, ["-f", "-qq", "-e", "trace=socket,connect,sendto,sendmsg,sendmmsg,close,execve", "-o", folder + "/trace.log",
            Paths.executable, "render", "eviction", "--project", clinic, "--out", folder + "/out", "--lang", "es", "--zip", "60623", "--pdf"],
            in: Paths.packageRoot, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/out/eviction.es.pdf"))
        let trace = try read(folder + "/trace.log")
        // The log is real: it saw Chromium start.
        #expect(trace.contains("execve(\"\(Self.chromium!)\""))
        let inet = trace.split(separator: "\n").filter { $0.contains("AF_INET") }
        #expect(!inet.isEmpty)
        let loopback = ["inet_addr(\"127.0.0.1\")", "inet_pton(AF_INET6, \"::1\""]
        let routeCheck = "sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"2001:4860:4860::8888\""
        let outside = inet.filter { call in
            if call.contains("socket(") { return !call.contains("SOCK_DGRAM") }
            if call.contains("connect(") {
                return call.contains("htons(53)") || !(loopback.contains { call.contains($0) } || call.contains(routeCheck))
            }
            return !loopback.contains { call.contains($0) }  // sendto and sendmsg: loopback only
        }
        #expect(outside.isEmpty, "calls that could reach past this machine: \(outside.prefix(5))")
        let lines = trace.split(separator: "\n").map(String.init)
        for (index, line) in lines.enumerated() where line.contains(routeCheck) {
            let thread = String(line.prefix { $0 != " " }) + " "
            let socket = try #require(line.firstMatch(of: /connect\((\d+),/)?.output.1)
            let next = lines[(index + 1)...].first { later in
                later.hasPrefix(thread) && ["(\(socket),", "(\(socket))", "(\(socket) <"].contains { later.contains($0) }
            }
            #expect(next?.contains("close(\(socket)") == true, "after the routing check: \(next ?? "nothing")")
        }
    }

    // MARK: - Without Chromium

    @Test func withoutChromiumNothingIsWrittenAndTheErrorNamesThePackage() throws {
        let work = try temporaryFolder()
        let clients = work + "/clients.csv"
        try "id,name,language,zip,needs\nclient-1,Ana,es,60623,housing\n".write(toFile: clients, atomically: true, encoding: .utf8)
        let commands = [
            ["render", "eviction", "--project", clinic, "--out", work + "/out", "--pdf"],
            ["packet", "eviction", "--project", clinic, "--out", work + "/out", "--pdf"],
            ["packet", "--clients", clients, "--project", clinic, "--out", work + "/out", "--pdf"],
            ["build", clinic, "--out", work + "/out", "--pdf"],
        ]
        for command in commands {
            // Nothing on PATH.
            let missing = try handout(command, environment: ["PATH": "/nonexistent", "HANDOUT_CHROMIUM": ""])
            #expect(missing.status == 69, "\(command)")
            #expect(missing.stdout == "")
            #expect(missing.stderr == "handout: error: --pdf prints with Chromium, which is not installed: install Debian's package chromium (apt-get install chromium), or set HANDOUT_CHROMIUM to the browser's path\n")
            // A variable naming no program.
            let named = try handout(command, environment: ["HANDOUT_CHROMIUM": "/nonexistent/chromium"])
            #expect(named.status == 69)
            #expect(named.stderr == "handout: error: HANDOUT_CHROMIUM names \"/nonexistent/chromium\", which is not a program that can run: give the path of Chromium, or unset it to use the chromium on PATH\n")
            #expect(!FileManager.default.fileExists(atPath: work + "/out"), "\(command)")
        }
        let dash = try handout(["render", "eviction", "--project", clinic, "--out", "-", "--pdf"])
        #expect(dash.status == 64)
        #expect(dash.stderr.hasPrefix("Error: --pdf writes a file beside the page: give --out a folder, not -\n"))
    }

    @Test func aBrowserThatFailsWritesNothing() throws {
        let (browser, log) = try fakeBrowser(status: 3)
        let out = try temporaryFolder() + "/out"
        let result = try handout(["render", "eviction", "--project", clinic, "--out", out, "--pdf"], environment: ["HANDOUT_CHROMIUM": browser])
        #expect(result.status == 1)
        #expect(result.stderr == "\(out)/eviction.en.html: error: Chromium could not print the page to PDF: \(browser) ended with status 3 and no PDF\n")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(calls(log).count == 1)
    }

    // MARK: - The write step, with a stand-in browser

    @Test func aCaseloadGetsAPDFPerPacketPrintedOnlyWhenItsPageChanged() throws {
        let (browser, log) = try fakeBrowser()
        let work = try temporaryFolder()
        let clients = work + "/clients.csv", out = work + "/caseload"
        try "id,name,language,zip,needs\nclient-1,Ana,es,60623,housing\nclient-2,Bo,en,60623,housing\n".write(toFile: clients, atomically: true, encoding: .utf8)
        func batch(_ extra: [String]) throws -> CommandResult {
            try handout(["packet", "--clients", clients, "--project", clinic, "--today", "2026-11-29", "--out", out] + extra,
                environment: ["HANDOUT_CHROMIUM": browser])
        }
        let first = try batch(["--pdf"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "2 packets, 0 rows failed: 8 files written, 0 unchanged, in \(out)\n")
        for (id, language) in [("client-1", "es"), ("client-2", "en")] {
            let pdf = "\(out)/\(id)/packet.\(language).pdf"
            #expect(try read(pdf) == "%PDF-1.4 fake packet.\(language).html\n")
            #expect(try mode(pdf) == 0o600)
            #expect(try mode(out + "/" + id) == 0o700)
            #expect(try read("\(out)/\(id)/.handout-manifest.json").contains("\"packet.\(language).pdf\" : \"fnv1a64:"))
        }
        // Chromium ran once per packet, at home in a private temporary folder it leaves behind
        // for nobody, and was told to print and nothing else.
        let made = calls(log)
        #expect(made.count == 2)
        for call in made {
            let home = String(call.prefix { $0 != " " })
            #expect((home as NSString).lastPathComponent.hasPrefix("handout-pdf."))
            #expect(!FileManager.default.fileExists(atPath: home))
            #expect(call.contains(" --no-pdf-header-footer ") && call.contains(" --host-resolver-rules=MAP * ~NOTFOUND "))
            #expect(call.hasSuffix("/packet.es.html") || call.hasSuffix("/packet.en.html"))
        }

        // Unchanged pages: their PDFs are kept without starting the browser, also by --check.
        #expect(try batch(["--pdf"]).stdout == "2 packets, 0 rows failed: 0 files written, 8 unchanged, in \(out)\n")
        let check = try batch(["--pdf", "--check"])
        #expect(check.status == 0)
        #expect(calls(log).count == 2)
        // A changed page is printed again; --check names its PDF without printing it.
        let changed = try batch(["--pdf", "--check", "--notes"])
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("would write \(out)/client-1/packet.es.pdf\n"))
        #expect(calls(log).count == 2)
        // Without --pdf the PDFs no longer belong: removed like any such output.
        let without = try batch([])
        #expect(without.stdout == "2 packets, 0 rows failed: 0 files written, 6 unchanged, 2 removed, in \(out)\n")
        #expect(!FileManager.default.fileExists(atPath: out + "/client-1/packet.es.pdf"))
    }

    @Test func renderPacketAndBuildEachWriteAPDFBesideEachPage() throws {
        let (browser, log) = try fakeBrowser()
        let out = try temporaryFolder()
        let packet = try handout(["packet", "eviction", "--project", clinic, "--today", "2026-11-29", "--out", out + "/packet", "--lang", "es", "--pdf"],
            environment: ["HANDOUT_CHROMIUM": browser])
        #expect(packet.stdout == """
            wrote \(out)/packet/packet.es.html
            wrote \(out)/packet/packet.es.pdf
            wrote \(out)/packet/packet.es.txt
            wrote \(out)/packet/packet.es.sms.txt

            """)
        #expect(try mode(out + "/packet/packet.es.pdf") == 0o600)

        let site = out + "/site"
        let built = try handout(["build", clinic, "--today", "2026-11-29", "--out", site, "--pdf"], environment: ["HANDOUT_CHROMIUM": browser])
        #expect(built.status == 0, "\(built.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: site)
        let pages = files.filter { $0.hasSuffix(".html") }
        #expect(!pages.isEmpty)
        #expect(Set(files.filter { $0.hasSuffix(".pdf") }) == Set(pages.map { String($0.dropLast(5)) + ".pdf" }))
        #expect(try read(site + "/eviction.es.pdf") == "%PDF-1.4 fake eviction.es.html\n")
        // A site is for everyone: its files, PDFs too, are 0644.
        #expect(try mode(site + "/eviction.es.pdf") == 0o644)
        #expect(calls(log).count == 1 + pages.count)
    }
}
