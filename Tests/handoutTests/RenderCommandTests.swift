import Foundation
import Testing

@Suite struct RenderCommandTests {
    let clinic = Paths.fixtures + "/clinic"

    func render(_ extra: [String], project: String? = nil) throws -> (CommandResult, String) {
        let out = try temporaryFolder()
        let result = try handout(["render", "eviction", "--project", project ?? clinic, "--today", "2026-11-29", "--out", out] + extra)
        return (result, out)
    }

    @Test func rendersTheGoldenHandoutInSpanish() throws {
        let (result, out) = try render([
            "--client-name", "María", "--zip", "60623", "--lang", "es",
            "--practice-name", "Lakeside Counseling", "--practice-phone", "+1 312 555 0100",
        ])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "wrote \(out)/eviction.es.html\nwrote \(out)/eviction.es.txt\n")
        try expectGolden(try read(out + "/eviction.es.html"), "eviction.es.html")
        try expectGolden(try read(out + "/eviction.es.txt"), "eviction.es.txt")
        // The shelter's street address is in the directory but must never be printed.
        for name in ["eviction.es.html", "eviction.es.txt"] {
            #expect(!(try read(out + "/" + name)).contains("Hidden Lane"))
        }
    }

    @Test func rendersTheGoldenHandoutInEnglishWithoutAClient() throws {
        let (result, out) = try render([])
        #expect(result.status == 0)
        try expectGolden(try read(out + "/eviction.en.txt"), "eviction.en.txt")
    }

    @Test func filesAreReadableByTheOwnerAloneAndRewrittenOnlyWhenChanged() throws {
        let (_, out) = try render(["--lang", "es"])
        for name in ["eviction.es.html", "eviction.es.txt"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: out + "/" + name)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        }
        let again = try handout(["render", "eviction", "--project", clinic, "--today", "2026-11-29", "--out", out, "--lang", "es"])
        #expect(again.stdout == "unchanged \(out)/eviction.es.html\nunchanged \(out)/eviction.es.txt\n")
    }

    @Test func textGoesToStandardOutputWithOutDash() throws {
        let result = try handout(["render", "eviction", "--project", clinic, "--today", "2026-11-29", "--out", "-",
            "--client-name", "María", "--zip", "60623", "--lang", "es",
            "--practice-name", "Lakeside Counseling", "--practice-phone", "+1 312 555 0100"])
        #expect(result.status == 0)
        #expect(result.stdout == (try read(Paths.golden + "/eviction.es.txt")))
    }

    @Test func aMissingTranslationFallsBackToEnglishAndSaysSo() throws {
        let result = try handout(["render", "repairs", "--project", clinic, "--today", "2026-11-29", "--out", "-", "--lang", "es"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Esta hoja todavía no está disponible en español. Esta es la versión en\ninglés.\n\nRepairs at home\n"))
        let out = try temporaryFolder()
        _ = try handout(["render", "repairs", "--project", clinic, "--today", "2026-11-29", "--out", out, "--lang", "es"])
        let html = try read(out + "/repairs.es.html")
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<p class=\"note\" lang=\"es\">Esta hoja todavía no está disponible en español. Esta es la versión en inglés.</p>"))
    }

    @Test func theClientNameNeverReachesFileNamesOrStandardError() throws {
        let name = "Zelda Quux-Secret"
        let (ok, out) = try render(["--client-name", name, "--zip", "99999", "--lang", "es"])
        #expect(ok.status == 0)
        #expect(!ok.stderr.contains("Zelda") && !ok.stderr.contains("99999"))
        #expect(ok.stderr == "handout: note: the client's ZIP code is not in the ZIP table; only partners listed by ZIP code or working remotely are offered (give --county or --state to widen)\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(files.sorted() == ["eviction.es.html", "eviction.es.txt"])
        #expect(try read(out + "/eviction.es.txt").contains("Zelda Quux-Secret"))
        for failing in [
            ["render", "nope", "--project", clinic, "--client-name", name],
            ["render", "eviction", "--project", clinic, "--client-name", name, "--directory", Paths.fixtures + "/bad/bad-phone.json"],
            ["render", "eviction", "--project", clinic, "--client-name", name, "--zip", "Zelda"],
        ] {
            let result = try handout(failing)
            #expect(result.status != 0)
            #expect(!result.stderr.contains("Zelda") && !result.stdout.contains("Zelda"))
        }
    }

    @Test func injectedMarkupPrintsLiterallyInBothOutputs() throws {
        let name = "{{client.name}} _x_ <b>bold</b> [a](javascript:alert(2))"
        let out = try temporaryFolder()
        let result = try handout(["render", "eviction", "--project", Paths.fixtures + "/injection", "--today", "2026-11-29",
            "--out", out, "--client-name", name, "--practice-name", "<i>Clinic</i>"])
        #expect(result.status == 0)
        let text = try read(out + "/eviction.en.txt")
        let html = try read(out + "/eviction.en.html")
        let partnerName = "*x* [y](javascript:alert(1)) <script>alert(1)</script>"
        #expect(text.contains("\(partnerName)\n"))
        #expect(text.contains("Dear \(name),"))
        #expect(text.contains("<img src=x onerror=alert(1)> &amp; [link](https://evil.example.org)\n`code` # heading\n"))
        #expect(text.contains("- Phone (<b>Intake</b>): 312-555-0100\n- Website: https://example.org/?a=1&b=\"2\"\n"))
        #expect(html.contains("<h3>*x* [y](javascript:alert(1)) &lt;script&gt;alert(1)&lt;/script&gt;</h3>"))
        #expect(html.contains("Dear {{client.name}} _x_ &lt;b&gt;bold&lt;/b&gt; [a](javascript:alert(2)),"))
        #expect(html.contains("<a href=\"https://example.org/?a=1&amp;b=%222%22\" title=\"Website\">https://example.org/?a=1&amp;b=&quot;2&quot;</a>"))
        // The "who to call first" box names the partner as literally as the listing does
        // (after the QR code of its website).
        #expect(html.contains("</svg><strong>*x* [y](javascript:alert(1)) &lt;script&gt;alert(1)&lt;/script&gt;</strong><br />"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("javascript:alert(1)\""))
        #expect(!html.contains("href=\"javascript"))
        #expect(!html.contains("<img") && !html.contains("<b>") && !html.contains("<i>") && !html.contains("<code>"))
        // Only elements the layout, the "who to call first" box, the template's own Markdown and
        // the QR codes put there; each drawing is exactly what QRCode draws: an escaped name,
        // nothing but numbers in its path.
        let allowed: Set<String> = [
            "html", "head", "meta", "title", "style", "body", "main", "section", "h1", "h2", "h3", "p", "ol", "ul", "li", "a", "strong", "br",
            "blockquote", "hr", "svg", "rect", "path",
        ]
        let elements = Set(html.matches(of: /<([a-z][a-z0-9]*)/).map { String($0.output.1) })
        #expect(elements.isSubset(of: allowed), "unexpected elements: \(elements.subtracting(allowed).sorted())")
        let drawings = html.matches(of: /<svg.*?<\/svg>/).map { String($0.output) }
        #expect(drawings.count == 2)
        for svg in drawings {
            #expect(svg.wholeMatch(of: /<svg class="qr" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1" width="\d+" height="\d+" role="img" aria-label="[^"<>]*"><rect width="\1" height="\1" fill="#fff"\/><path stroke="#000" d="[Mmh0-9. ]+"\/><\/svg>/) != nil, "\(svg)")
        }
    }

    @Test func nothingIsLeftBehindWhenAFileCannotBeWritten() throws {
        let out = try temporaryFolder()
        // A folder where the HTML file should go makes the rename fail.
        try FileManager.default.createDirectory(atPath: out + "/eviction.en.html", withIntermediateDirectories: false)
        let result = try handout(["render", "eviction", "--project", clinic, "--today", "2026-11-29", "--out", out])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(out)/eviction.en.html: error: cannot write the file: "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["eviction.en.html"])
    }

    /// Paper cannot follow a link to another handout: with a `base_url`, the page gives the
    /// print stylesheet the site's address to print before the link's file name (Chromium
    /// prints it: scripts/print-check.py); without one it gives nothing, and nothing is printed.
    @Test func aBaseURLIsGivenToThePrintStylesheetForLinksToOtherHandouts() throws {
        let project = try temporaryFolder()
        for name in ["directory.json", "Templates"] {
            try FileManager.default.copyItem(atPath: clinic + "/" + name, toPath: project + "/" + name)
        }
        let settings = try read(clinic + "/handout.yml")
        try (settings + "base_url: https://rights.example.org\n").write(toFile: project + "/handout.yml", atomically: true, encoding: .utf8)
        let (result, out) = try render([], project: project)
        #expect(result.status == 0)
        let html = try read(out + "/eviction.en.html")
        // "/" added at the end; every character but letters and digits escaped, as for the footer.
        #expect(html.contains(":root { --print-base: \"https\\00003A\\00002F\\00002Frights\\00002Eexample\\00002Eorg\\00002F\"; }\n"))
        #expect(html.contains("main a[href]:not([href*=\":\"]):not([href^=\"#\"])::after { content: \" (\" var(--print-base) attr(href) \")\";"))
        let (_, plain) = try render([])
        #expect(!(try read(plain + "/eviction.en.html")).contains("--print-base: "))
    }

    @Test func unknownTemplateSuggestsTheNearest() throws {
        let result = try handout(["render", "evicton", "--project", clinic], in: clinic)
        #expect(result.status == 1)
        #expect(result.stderr == "Templates: error: no template \"evicton\" (did you mean \"eviction\"?)\n")
    }
}

@Suite struct LayoutOverrideTests {
    @Test func aProjectsLayoutsReplaceTheBundledOnes() throws {
        let result = try handout(["render", "repairs", "--today", "2026-11-29", "--out", "-", "--zip", "60623"],
            in: Paths.fixtures + "/custom-layout")
        #expect(result.status == 0)
        #expect(result.stdout.contains("""
            Call us first
            -------------

            - Westside Tenant Law, 773-555-0110, 773-555-0111
            - English Only Clinic, 312-555-0160
            - Safe Harbor House, 312-555-0150, 312-555-0152

            """))
        let out = try temporaryFolder()
        _ = try handout(["render", "repairs", "--today", "2026-11-29", "--out", out], in: Paths.fixtures + "/custom-layout")
        let html = try read(out + "/repairs.en.html")
        #expect(html.contains("<title>Repairs at home · Lakeside Counseling</title>"))
        #expect(html.contains("<body class=\"lakeside\">"))
        // The bundled stylesheet still comes in, since the project has none of its own.
        #expect(html.contains("@media print"))
    }
}
