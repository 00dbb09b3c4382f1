import Foundation
import Testing

/// Templates and layouts cannot switch escaping off (rule template-unsafe-tag), and a partial
/// cannot include itself.
@Suite struct TemplateSafetyTests {
    let files = FileManager.default
    let frontMatter = """
        ---
        title: Unsafe
        summary: A template that tries to print a value as Markdown.
        topics: [housing]
        audience: client
        reading_level: 6
        reviewed: 2026-10-01
        sources: [Fair Housing Act]
        ---

        """
    /// A client name that becomes a link, a heading and a list item if it is not escaped.
    let hostileName = "[Call us](https://evil.example.org)\n# Pay here\n- now"

    /// A project with the clinic's directory, one template `unsafe` and the given layouts.
    func project(body: String, layouts: [String: String] = [:]) throws -> String {
        let folder = try temporaryFolder()
        try files.createDirectory(atPath: folder + "/Templates/en", withIntermediateDirectories: true)
        try files.copyItem(atPath: Paths.fixtures + "/clinic/directory.json", toPath: folder + "/directory.json")
        try "directory: directory.json\ntemplates: Templates\nlanguages: [en]\n".write(toFile: folder + "/handout.yml", atomically: true, encoding: .utf8)
        try (frontMatter + body).write(toFile: folder + "/Templates/en/unsafe.md", atomically: true, encoding: .utf8)
        if !layouts.isEmpty { try files.createDirectory(atPath: folder + "/layouts", withIntermediateDirectories: true) }
        for (name, text) in layouts {
            try text.write(toFile: folder + "/layouts/" + name, atomically: true, encoding: .utf8)
        }
        return folder
    }

    func render(_ project: String) throws -> CommandResult {
        try handout(["render", "unsafe", "--today", "2026-11-29", "--out", "out", "--client-name", hostileName], in: project)
    }

    @Test func aPragmaInATemplateIsRefusedByRenderAndCheck() throws {
        let folder = try project(body: "Intro.\n\n{{% CONTENT_TYPE: TEXT }}\nDear {{client.name}},\n")
        let result = try render(folder)
        #expect(result.status == 1)
        #expect(result.stderr == "Templates/en/unsafe.md:12:1: error: {{% … }} is not allowed in templates or layouts: a pragma could switch the escaping of values off [template-unsafe-tag]\n")
        #expect(!files.fileExists(atPath: folder + "/out"))
        let check = try handout(["check", "--today", "2026-11-29", "--format", "json"], in: folder)
        #expect(check.status == 1)
        #expect(check.stdout.contains("\"rule\" : \"template-unsafe-tag\""))
        #expect(check.stdout.contains("\"line\" : 12"))
    }

    @Test func aDelimiterChangeInATemplateIsRefused() throws {
        let folder = try project(body: "{{=<% %>=}}\nDear <%& client.name %>,\n")
        let result = try render(folder)
        #expect(result.status == 1)
        #expect(result.stderr == "Templates/en/unsafe.md:10:1: error: {{=… =}} is not allowed in templates or layouts: a delimiter change would hide the tags that follow from this check [template-unsafe-tag]\n")
        let check = try handout(["check", "--today", "2026-11-29"], in: folder)
        #expect(check.stdout.contains("Templates/en/unsafe.md:10:1: error: {{=… =}} is not allowed in templates or layouts: a delimiter change would hide the tags that follow from this check [template-unsafe-tag]\n"))
    }

    @Test func layoutsFollowTheSameRules() throws {
        let folder = try project(body: "Hello.\n", layouts: [
            "handout.html": "<html>\n<title>{{{title}}}</title>\n<body>{{content}}</body>\n<div title=\"{{content}}\"></div>\n",
            "partners.md": "{{#partners}}\n{{&name}}\n{{/partners}}\n",
        ])
        let result = try render(folder)
        #expect(result.status == 1)
        #expect(result.stderr == """
            layouts/handout.html:2:8: error: {{{…}}} is not allowed in templates or layouts: it would print a value unescaped; write {{name}}, which prints the value as it is [template-unsafe-tag]
            layouts/partners.md:2:1: error: {{& …}} is not allowed in templates or layouts: it would print a value unescaped; write {{name}}, which prints the value as it is [template-unsafe-tag]
            layouts/handout.html:4:13: error: {{content}} stands inside an HTML tag: put it between tags, where it adds whole elements

            """)
        let check = try handout(["check", "--today", "2026-11-29"], in: folder)
        #expect(check.status == 1)
        #expect(check.stdout.contains("layouts/partners.md:2:1: error: {{& …}} is not allowed"))
    }

    @Test func aPartialThatIncludesItselfIsAnErrorNotAnEndlessLoop() throws {
        let folder = try project(body: "{{> partners}}\n", layouts: ["partners.md": "## Help\n\n{{#partners}}\n- {{name}}\n{{> partners}}\n{{/partners}}\n"])
        let result = try render(folder)
        #expect(result.status == 1)
        #expect(result.stderr == "layouts/partners.md:5:1: error: partial \"partners\" includes itself: it would never end\n")
        let check = try handout(["check", "--today", "2026-11-29"], in: folder)
        #expect(check.stdout.contains("layouts/partners.md:5:1: error: partial \"partners\" includes itself: it would never end [template-invalid]\n"))
    }

    @Test func theSafeLayoutSlotsCarryThePageAndTheStylesheet() throws {
        let folder = try project(body: "Dear {{client.name}},\n", layouts: [
            "handout.html": "<html lang=\"{{lang}}\"><style>{{css}}</style><title>{{title}} &amp; {{content}}</title>\n<main>{{content}}</main></html>\n",
            "handout.css": "p { color: black; }\n",
        ])
        let result = try render(folder)
        #expect(result.status == 0)
        let html = try read(folder + "/out/unsafe.en.html")
        #expect(html.contains("<style>p { color: black; }\n</style>"))
        #expect(html.contains("<main><h1>Unsafe</h1>\n<p>A template that tries to print a value as Markdown.</p>\n<section class=\"call-first\">\n"))
        #expect(html.contains("</section>\n<p>Dear [Call us](https://evil.example.org) # Pay here - now,</p>"))
        #expect(!html.contains("evil.example.org\""))
    }
}
