import Foundation
import Testing

/// `--large-print` and handout.yml's `large_print`: the large-print stylesheet layered after
/// the usual one, on every page; the plain text untouched.
@Suite struct LargePrintTests {
    let clinic = Paths.fixtures + "/clinic"
    let handoutCSS = Paths.packageRoot + "/Resources/layouts/handout.css"
    let largeCSS = Paths.packageRoot + "/Resources/layouts/handout-large.css"

    /// Renders the clinic's eviction handout in Spanish into a fresh folder.
    func render(_ extra: [String], project: String? = nil) throws -> (result: CommandResult, html: String, text: String) {
        let out = try temporaryFolder()
        let result = try handout([
            "render", "eviction", "--project", project ?? clinic, "--today", "2026-11-29", "--out", out,
            "--client-name", "María", "--zip", "60623", "--lang", "es",
            "--practice-name", "Lakeside Counseling", "--practice-phone", "+1 312 555 0100",
        ] + extra)
        let html = (try? read(out + "/eviction.es.html")) ?? ""
        let text = (try? read(out + "/eviction.es.txt")) ?? ""
        return (result, html, text)
    }

    /// A copy of the clinic project whose handout.yml ends with `extra` and whose English
    /// eviction handout has emphasis in it.
    func projectCopy(extra: String) throws -> String {
        let project = try temporaryFolder() + "/clinic"
        try FileManager.default.copyItem(atPath: clinic, toPath: project)
        try (try read(project + "/handout.yml") + extra).write(toFile: project + "/handout.yml", atomically: true, encoding: .utf8)
        let template = project + "/Templates/en/eviction.md"
        try (try read(template)).replacingOccurrences(of: "1. Read the notice", with: "1. *Really* read the _notice_")
            .write(toFile: template, atomically: true, encoding: .utf8)
        return project
    }

    @Test func theLargeStylesheetComesAfterTheUsualOneAndNothingElseChanges() throws {
        let usual = try render([])
        let large = try render(["--large-print"])
        #expect(usual.result.status == 0 && large.result.status == 0)
        let handoutStyles = try read(handoutCSS), largeStyles = try read(largeCSS)
        #expect(usual.html.contains("<style>\n" + handoutStyles + "\n"))
        #expect(!usual.html.contains(largeStyles))
        // The whole page is the usual page with the large-print rules after handout.css, in
        // the same inline <style>: nothing loaded from elsewhere.
        #expect(large.html == usual.html.replacingOccurrences(of: handoutStyles, with: handoutStyles + "\n" + largeStyles))
        // The plain text is the same, byte for byte.
        #expect(!large.text.isEmpty)
        #expect(Data(large.text.utf8) == Data(usual.text.utf8))
        #expect(large.text == (try read(Paths.golden + "/eviction.es.txt")))
    }

    @Test func theStylesheetFollowsTheLargePrintGuidelines() throws {
        let styles = try read(largeCSS)
        for rule in [
            // 18 point at the least, everywhere, on screen and on paper; headings larger.
            "html { font-size: 18pt !important; }",
            "font-size: max(1em, 18pt) !important;",
            "h1 { font-size: 24pt !important; margin-top: 0; }",
            "h2 { font-size: 22pt !important; }",
            "h3, h4, h5, h6 { font-size: 20pt !important; }",
            // A plain sans-serif face.
            "font-family: APHont, Arial, Verdana, Tahoma, \"Liberation Sans\", \"DejaVu Sans\", sans-serif;",
            // Line spacing 1.5; flush left, never justified or hyphenated; no italics, no
            // capitals-only text, one column.
            "line-height: 1.5 !important;",
            "text-align: start !important;",
            "hyphens: none !important;",
            "font-style: normal !important;",
            "text-transform: none !important;",
            "columns: auto !important;",
            // Emphasis in bold.
            "em, i, cite, dfn, var, address { font-weight: 700; }",
            // Black on white; wide margins; the page foot in large print too.
            "color: #000;",
            "background: #fff;",
            "margin: 1in;",
            "@bottom-left { font-size: 18pt !important;",
            "@bottom-right { font-size: 18pt !important;",
        ] {
            #expect(styles.contains(rule), "handout-large.css lacks \(rule)")
        }
        // Whatever handout.css says, the rules above set every element upright; the large
        // sheet and the page around it never ask for italics or justified text.
        let large = try render(["--large-print"]).html.replacingOccurrences(of: try read(handoutCSS), with: "")
        #expect(!large.contains("font-style: italic"))
        #expect(!large.contains("justify"))
        #expect(!styles.contains("@import") && !styles.contains("url("))
    }

    @Test func emphasisIsBoldNeverItalic() throws {
        let project = try projectCopy(extra: "large_print: true\n")
        let out = try temporaryFolder()
        let result = try handout(["render", "eviction", "--project", project, "--today", "2026-11-29", "--out", out])
        #expect(result.status == 0)
        let html = try read(out + "/eviction.en.html")
        #expect(html.contains("<li><em>Really</em> read the <em>notice</em> the day it comes.</li>"))
        // <em> is set upright and bold by the rules the page carries.
        #expect(html.contains("font-style: normal !important;"))
        #expect(html.contains("em, i, cite, dfn, var, address { font-weight: 700; }"))
        #expect(!html.replacingOccurrences(of: try read(handoutCSS), with: "").contains("font-style: italic"))
    }

    @Test func theProjectDefaultAndTheFlagThatOverridesIt() throws {
        let largeStyles = try read(largeCSS)
        let project = try projectCopy(extra: "large_print: true\n")
        #expect(try render([], project: project).html.contains(largeStyles))
        #expect(!(try render(["--no-large-print"], project: project).html.contains(largeStyles)))
        let usual = try projectCopy(extra: "large_print: false\n")
        #expect(!(try render([], project: usual).html.contains(largeStyles)))
        #expect(try render(["--large-print"], project: usual).html.contains(largeStyles))

        let bad = try projectCopy(extra: "large_print: sometimes\n")
        let result = try render([], project: bad)
        #expect(result.result.status == 1)
        #expect(result.result.stderr == "\(bad)/handout.yml:6:14: error: large_print must be true or false\n")
    }

    @Test func aProjectLayoutMayReplaceTheLargeStylesheet() throws {
        let project = try projectCopy(extra: "large_print: true\n")
        try FileManager.default.createDirectory(atPath: project + "/layouts", withIntermediateDirectories: true)
        try "body { font-size: 20pt; } </STYLE>".write(toFile: project + "/layouts/handout-large.css", atomically: true, encoding: .utf8)
        let refused = try render([], project: project)
        #expect(refused.result.status == 1)
        #expect(refused.result.stderr == "\(project)/layouts/handout-large.css: error: the stylesheet contains \"</style\", which would end it inside the page\n")
        try "body { font-size: 20pt; }\n".write(toFile: project + "/layouts/handout-large.css", atomically: true, encoding: .utf8)
        let own = try render([], project: project)
        #expect(own.result.status == 0)
        #expect(own.html.contains((try read(handoutCSS)) + "\nbody { font-size: 20pt; }\n"))
    }

    @Test func packetsAndSitesTakeLargePrintToo() throws {
        let largeStyles = try read(largeCSS)
        let out = try temporaryFolder()
        let packet = try handout(["packet", "eviction", "--project", clinic, "--today", "2026-11-29", "--out", out, "--large-print"])
        #expect(packet.status == 0)
        #expect(try read(out + "/packet.en.html").contains(largeStyles))

        let clients = out + "/clients.csv"
        try "id,name,language,zip,needs\nclient-1,Ana,es,60623,housing\n".write(toFile: clients, atomically: true, encoding: .utf8)
        let batch = try handout(["packet", "--clients", clients, "--project", clinic, "--today", "2026-11-29", "--out", out + "/caseload", "--large-print"])
        #expect(batch.status == 0)
        #expect(try read(out + "/caseload/client-1/packet.es.html").contains(largeStyles))

        let project = try projectCopy(extra: "large_print: true\n")
        let site = try handout(["build", project, "--today", "2026-11-29", "--quiet"])
        #expect(site.status == 0)
        for page in ["index.en.html", "eviction.es.html", "partners.en.html"] {
            #expect(try read(project + "/_site/" + page).contains(largeStyles), "\(page)")
        }
    }
}
