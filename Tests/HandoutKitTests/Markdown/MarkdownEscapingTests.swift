import Testing
@testable import HandoutKit

@Suite struct MarkdownEscapingTests {
    @Test func everyPunctuationMarkIsEscaped() {
        #expect(MarkdownEscaping.escape("*x* [y](javascript:alert(1))") == #"\*x\* \[y\]\(javascript\:alert\(1\)\)"#)
    }

    @Test func lineBreaksAndRunsOfSpaceBecomeOneSpace() {
        #expect(MarkdownEscaping.escape("  a\n\n# b\t  c  ") == ##"a \# b c"##)
    }

    @Test(arguments: [
        "*x* [y](javascript:alert(1)) <script>alert(1)</script>",
        "{{client.name}} _under_ <b>bold</b> &amp; &copy;",
        "1. not a list", "# not a heading", "    not code", "<https://example.org>", "a  \nb", "---", "`code`",
        "![img](x.png)", "[ref]: https://example.org",
    ])
    func escapedValuesRenderLiterally(value: String) {
        let document = MarkdownDocument(markdown: MarkdownEscaping.escape(value))
        let collapsed = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(document.root.children.count == 1)
        #expect(document.root.children.first?.kind == .paragraph)
        #expect(document.root.plainText == collapsed)
    }
}
