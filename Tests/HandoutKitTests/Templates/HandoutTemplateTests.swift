import Testing
@testable import HandoutKit

@Suite struct HandoutTemplateTests {
    let frontMatter = """
        ---
        title: Test
        summary: A test.
        topics: [housing]
        audience: client
        reading_level: 6
        reviewed: 2026-10-01
        sources:
          - Fair Housing Act
        ---

        """

    func problems(_ text: String) -> [String] {
        do {
            let template = try HandoutTemplate.parse(text, path: "t.md", id: "t", language: "en")
            return template.warnings.map(\.description)
        } catch let errors as InputErrors {
            return errors.diagnostics.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func aGoodTemplateParses() throws {
        let template = try HandoutTemplate.parse(frontMatter + "Hello {{client.name}}\n", path: "t.md", id: "t", language: "en")
        #expect(template.frontMatter.title == "Test")
        #expect(template.frontMatter.topics == ["housing"])
        #expect(template.frontMatter.reviewed == Day("2026-10-01"))
        #expect(template.bodyFirstLine == 11)
        #expect(template.warnings.isEmpty)
    }

    @Test func mustacheErrorsCountLinesFromTheTopOfTheFile() {
        #expect(problems(frontMatter + "line 11\n{{#partners}}\nnever closed\n") == [
            "t.md:14:1: error: Mustache: a section is opened but never closed: add {{/name}}"
        ])
        #expect(problems(frontMatter + "{{#a}}x{{/b}}") == [
            "t.md:11:11: error: Mustache: a section is closed with a different name than it was opened with"
        ])
    }

    @Test func tagsThatCouldSwitchEscapingOffAreRefusedWithTheirPosition() {
        let rule = "[template-unsafe-tag]"
        #expect(problems(frontMatter + "\n  {{{client.name}}}\n") == [
            "t.md:12:3: error: {{{…}}} is not allowed in templates or layouts: it would print a value unescaped; write {{name}}, which prints the value as it is \(rule)"
        ])
        #expect(problems(frontMatter + "{{& client.name}}") == [
            "t.md:11:1: error: {{& …}} is not allowed in templates or layouts: it would print a value unescaped; write {{name}}, which prints the value as it is \(rule)"
        ])
        #expect(problems(frontMatter + "Intro\n{{% CONTENT_TYPE: TEXT }}\n{{client.name}}\n") == [
            "t.md:12:1: error: {{% … }} is not allowed in templates or layouts: a pragma could switch the escaping of values off \(rule)"
        ])
        #expect(problems(frontMatter + "Dear {{=<% %>=}}<%& client.name %>,\n") == [
            "t.md:11:6: error: {{=… =}} is not allowed in templates or layouts: a delimiter change would hide the tags that follow from this check \(rule)"
        ])
        #expect(problems(frontMatter + "{{> *client.name}} {{>*x}}\n") == [
            "t.md:11:1: error: {{>*…}} is not allowed in templates or layouts: a dynamic partial takes its name from the data; name the partial, like {{> partners}} \(rule)",
            "t.md:11:20: error: {{>*…}} is not allowed in templates or layouts: a dynamic partial takes its name from the data; name the partial, like {{> partners}} \(rule)",
        ])
        // Ordinary tags, and braces that are not tags, pass.
        #expect(problems(frontMatter + "{{#client.name}}{{client.name}}{{/client.name}} {{> partners}} { {& } %} {{! note }}\n") == [])
    }

    /// What escaping alone does when a tag gets past the guard: at worst a value is escaped
    /// twice, never printed as Markdown. Before values were escaped on the way in, the two
    /// tags below made a client name a live link, a heading and a list item.
    @Test(arguments: [
        "{{% CONTENT_TYPE: TEXT }}\n{{client.name}}",
        "{{=<% %>=}}\n<%& client.name %>",
        "{{{client.name}}}",
        "{{& client.name}}",
        "{{% CONTENT_TYPE: HTML }}\n{{client.name}}",
        "{{reversed(client.name)}}",
        // An escaped value has no fields: the engine once found its raw text by reflection.
        "x{{#client.name}}{{raw}}{{/client.name}}",
    ])
    func escapingHoldsWhereATagSlipsPastTheGuard(body: String) throws {
        let template = try HandoutTemplate.parse(frontMatter + body + "\n", path: "t.md", id: "t", language: "en", guardingTags: false)
        let name = "[a](https://evil.example.org)\n# Heading\n- item <b>x</b>"
        let markdown = template.fill(["client": ["name": name]])
        let document = MarkdownDocument(markdown: markdown)
        #expect(!document.html.contains("<a"), "\(document.html)")
        #expect(!document.html.contains("<h1") && !document.html.contains("<li") && !document.html.contains("<b>"), "\(document.html)")
        #expect(document.html.hasPrefix("<p>"), "\(document.html)")
    }

    @Test func escapedValuesPrintLiterallyThroughEveryOrdinaryTag() throws {
        let template = try HandoutTemplate.parse(
            frontMatter + "{{client.name}}|{{#client.needs}}{{.}};{{/client.needs}}|{{uppercased(client.name)}}|{{#partners}}{{name}}{{/partners}}|{{count(partners)}}\n",
            path: "t.md", id: "t", language: "en")
        let filled = template.fill([
            "client": ["name": "*a*", "needs": ["_b_", "c"]] as [String: Any],
            "partners": [["name": "[p](x)"]],
        ])
        #expect(filled == "\\*a\\*|\\_b\\_;c;|\\*A\\*|\\[p\\]\\(x\\)|1\n")
    }

    @Test func frontMatterProblemsPointAtTheirLine() {
        let text = """
            ---
            title: Test
            summary: A test.
            topics: [housing]
            audience: patients
            reading_level: six
            reviewed: 2026-13-01
            sources: []
            reveiwed_by: me
            ---
            Body
            """
        #expect(problems(text) == [
            "t.md:5:11: error: front matter: audience must be client or clinician",
            "t.md:6:16: error: front matter: reading_level must be a grade number, like 6",
            "t.md:7:11: error: front matter: reviewed must be a date, YYYY-MM-DD",
            "t.md:8: error: front matter: sources must name at least one statute, regulation or agency",
            "t.md:9:1: warning: front matter: unknown key \"reveiwed_by\"",
        ])
    }

    @Test func missingKeysAndBrokenYAML() {
        #expect(problems("---\ntitle: Only a title\n---\nBody") == [
            "t.md:1: error: front matter: missing required key \"summary\"",
            "t.md:1: error: front matter: missing required key \"topics\"",
            "t.md:1: error: front matter: missing required key \"audience\"",
            "t.md:1: error: front matter: missing required key \"reading_level\"",
            "t.md:1: error: front matter: missing required key \"reviewed\"",
            "t.md:1: error: front matter: missing required key \"sources\"",
        ])
        #expect(problems("---\ntitle: [unclosed\n---\nBody") == [
            "t.md:3:1: error: front matter: did not find expected ',' or ']'"
        ])
        #expect(problems("No front matter") == [
            "t.md:1:1: error: a template starts with front matter: a line \"---\", the YAML keys, and another \"---\""
        ])
        #expect(problems("---\ntitle: x\n") == [
            "t.md:1:1: error: front matter is not closed: add a line \"---\" after the YAML keys"
        ])
    }
}
