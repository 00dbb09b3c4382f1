import Testing
@testable import HandoutKit

@Suite struct MarkdownDocumentTests {
    @Test func rawHTMLIsOmittedAndDangerousLinksEmptied() {
        let html = MarkdownDocument(markdown: "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>").html
        #expect(html == "<!-- raw HTML omitted -->\n<p><a href=\"\">x</a> <!-- raw HTML omitted --></p>\n")
    }

    @Test func linksAreRewrittenBeforeRendering() {
        let document = MarkdownDocument(markdown: "[Eviction](housing-eviction.md) [Web](https://example.org)") {
            HandoutLink.rewrite($0, language: "es")
        }
        #expect(document.html == "<p><a href=\"housing-eviction.es.html\">Eviction</a> <a href=\"https://example.org\">Web</a></p>\n")
    }

    @Test func positionsCountFromTheTopOfTheFile() {
        let document = MarkdownDocument(markdown: "Intro\n\n## Heading\n", lineOffset: 7)
        #expect(document.root.children.map(\.line) == [8, 10])
        #expect(document.root.children[1].kind == .heading(level: 2))
    }

    @Test func deeplyNestedInputDoesNotCrash() {
        let markdown = String(repeating: "> ", count: 5_000) + "deep"
        let document = MarkdownDocument(markdown: markdown)
        #expect(document.html.contains("deep"))
    }
}

@Suite struct MarkdownNestingTests {
    @Test func containersDeeperThanTheLimitAreFlattenedAndTheirTextKept() {
        let document = MarkdownDocument(markdown: String(repeating: "> ", count: 5_000) + "deep\n")
        #expect(document.tooDeep?.line == 1)
        #expect(document.tooDeep?.column == 2 * MarkdownDocument.maximumNesting + 1)
        var depth = 0
        var node = document.root
        while let child = node.children.first {
            depth += 1
            node = child
        }
        #expect(depth <= MarkdownDocument.maximumNesting + 2)
        #expect(document.root.plainText == "deep")
        #expect(MarkdownDocument(markdown: "> a\n").tooDeep == nil)
    }
}
