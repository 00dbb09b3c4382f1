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

    @Test func controlAndBidiOverrideCharactersAreDropped() {
        #expect(MarkdownEscaping.escape("a\u{0}b\u{1B}[31mc\u{7F}d\u{9B}e\r\nf") == #"ab\[31mcde f"#)
        #expect(MarkdownEscaping.escape("\u{202E}0010-555-213\u{202C} \u{2067}x\u{2069}") == #"0010\-555\-213 x"#)
        // Joiners and marks that scripts need are kept.
        #expect(MarkdownEscaping.escape("👩\u{200D}⚕️ \u{200F}عربي\u{200E}") == "👩\u{200D}⚕️ \u{200F}عربي\u{200E}")
    }
}
