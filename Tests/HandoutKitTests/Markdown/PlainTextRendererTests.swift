import Foundation
import Testing
@testable import HandoutKit

@Suite struct PlainTextRendererTests {
    func text(_ markdown: String, width: Int = 72) -> String {
        PlainTextRenderer(width: width).render(MarkdownDocument(markdown: markdown).root)
    }

    @Test func headingsAreUnderlinedByLevel() {
        #expect(text("# Your rights\n\n## What to do\n\n### Step one") == """
            Your rights
            ===========

            What to do
            ----------

            Step one
            ~~~~~~~~

            """)
    }

    @Test func paragraphsWrapAtTheWidthAndDropEmphasisMarkers() {
        let markdown = "You have the *right* to ask for a **fair hearing** when your benefits are cut or stopped, and you can bring someone with you."
        #expect(text(markdown, width: 40) == """
            You have the right to ask for a fair
            hearing when your benefits are cut or
            stopped, and you can bring someone with
            you.

            """)
    }

    @Test func nestedListsKeepHangingIndents() {
        let markdown = """
            1. Read the notice the day it comes, and write down the date you got it.
            2. Call legal aid:
               - bring the notice
               - bring your lease, if you have one, and every receipt for the rent you paid
            7. Go to court.
            """
        #expect(text(markdown, width: 40) == """
            1. Read the notice the day it comes, and
               write down the date you got it.
            2. Call legal aid:
               - bring the notice
               - bring your lease, if you have one,
                 and every receipt for the rent you
                 paid
            3. Go to court.

            """)
    }

    @Test func numbersLineUpFromTheWidestMarker() {
        let markdown = (8...11).map { "\($0). Step \($0) of the appeal, written out long enough to wrap." }.joined(separator: "\n")
        #expect(text(markdown, width: 32) == """
            8.  Step 8 of the appeal,
                written out long enough to
                wrap.
            9.  Step 9 of the appeal,
                written out long enough to
                wrap.
            10. Step 10 of the appeal,
                written out long enough to
                wrap.
            11. Step 11 of the appeal,
                written out long enough to
                wrap.

            """)
    }

    @Test func looseListItemsAreSeparatedByBlankLines() {
        #expect(text("- one\n\n- two\n") == "- one\n\n- two\n")
    }

    @Test func longURLsStandAloneAndAreNeverBroken() {
        let url = "https://example.org/a/very/long/path/that/goes/on/and/on/past/the/width/of/a/line"
        #expect(text("Apply at [the intake page](\(url)) today.", width: 40) == """
            Apply at the intake page
            (\(url))
            today.

            """)
    }

    @Test func linkWhoseTextIsItsURLPrintsOnce() {
        #expect(text("[https://example.org](https://example.org) and <https://example.org/x>") == "https://example.org and https://example.org/x\n")
    }

    @Test func telAndMailtoLinksPrintTheirTextOnly() {
        #expect(text("[312-555-0100](tel:+13125550100) or [help@example.org](mailto:help@example.org)") == "312-555-0100 or help@example.org\n")
    }

    @Test func relativeLinksToOtherHandoutsPrintTheirTextOnly() {
        #expect(text("Read [If you get an eviction notice](housing-eviction.md).") == "Read If you get an eviction notice.\n")
    }

    @Test func phoneNumbersWithSpacesStayOnOneLine() {
        let rendered = text("Call the intake line any weekday at +1 312 555 0100 or (312) 555-0101 for help.", width: 36)
        #expect(rendered == """
            Call the intake line any weekday at
            +1 312 555 0100 or (312) 555-0101
            for help.

            """)
    }

    @Test func phoneExtensionsStayWithTheirNumber() {
        #expect(text("Call the clinic at 312-555-0100 ext. 12 today", width: 24) == "Call the clinic at\n312-555-0100 ext. 12\ntoday\n")
    }

    @Test func blockQuotesArePrefixedAndWrapped() {
        #expect(text("> If you get court papers, do not ignore them. Call legal aid the same day.", width: 30) == """
            > If you get court papers, do
            > not ignore them. Call legal
            > aid the same day.

            """)
    }

    @Test func codeBlocksAreVerbatim() {
        #expect(text("```\nline one   with  spaces\n\n  indented\n```") == "    line one   with  spaces\n\n      indented\n")
    }

    @Test func entitiesAreDecodedAndRawHTMLDropped() {
        #expect(text("Fees &amp; costs &copy; <b>bold</b> &#8212; done\n\n<div>gone</div>") == "Fees & costs © bold — done\n")
    }

    @Test func hardLineBreaksAreKept() {
        #expect(text("Lakeside Counseling  \n1 Example Plaza") == "Lakeside Counseling\n1 Example Plaza\n")
    }

    @Test func cjkTextWrapsBetweenIdeographsByDisplayWidth() {
        // 20 ideographs are 40 columns wide: at width 30 they break after 15.
        let chinese = String(repeating: "法律援助", count: 5)
        let rendered = text(chinese, width: 30)
        #expect(rendered == "法律援助法律援助法律援助法律援\n助法律援助\n")
        #expect(rendered.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 30 })
    }

    @Test func cjkClosingPunctuationNeverStartsALine() {
        let rendered = text("法律援助法律援助法律援助法律。援助", width: 28)
        #expect(!rendered.split(separator: "\n").contains { $0.hasPrefix("。") })
    }

    @Test func emojiCountAsTwoColumns() {
        let rendered = text("📞 📞 📞 📞 📞 📞", width: 11)
        #expect(rendered == "📞 📞 📞 📞\n📞 📞\n")
    }

    @Test func combiningMarksTakeNoWidth() {
        let decomposed = "Mari\u{0301}a "  // "María" with a combining accent
        let rendered = text(String(repeating: decomposed, count: 4), width: 12)
        #expect(rendered == "Mari\u{0301}a Mari\u{0301}a\nMari\u{0301}a Mari\u{0301}a\n")
    }

    @Test func unsafeLinksKeepTheirTextOnly() {
        #expect(text("[click](javascript:alert(1)) [x](vbscript:msgbox) [y](file:///etc/passwd)") == "click x y\n")
    }

    /// ASCII text wraps byte by byte, other text Character by Character: the same words
    /// (one letter swapped for "é", as wide) must break at the same places, leading and
    /// doubled spaces, tabs, control characters and over-long words included.
    @Test func asciiAndUnicodeTextWrapAlike() {
        let renderer = PlainTextRenderer()
        let samples = [
            "  Call\tlegal aid  today: a notice is not an order, and a-very-long-word-that-is-longer-than-the-width-of-a-line-by-far stands alone.",
            "one\ntwo  three\n\nfour\u{1}five " + String(repeating: "word ", count: 40),
            "", " ", "\n\n", "x",
        ]
        for width in [1, 5, 20, 72] {
            for sample in samples {
                let ascii = renderer.wrap(sample, width: width)
                let accented = renderer.wrap(sample.replacingOccurrences(of: "e", with: "é"), width: width)
                #expect(ascii == accented.map { $0.replacingOccurrences(of: "é", with: "e") }, "width \(width): \(sample)")
            }
        }
    }

    /// ASCII text is glued by a hand-written matcher; it must find exactly what the
    /// pattern finds. Random strings over the characters the pattern cares about, and some
    /// numbers written the usual ways, compared with the regex itself.
    @Test func phoneGlueByHandMatchesThePattern() throws {
        let pattern = try Regex(#"(?:\+\d{1,3}[ .-]?)?(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]?\d{4}(?: ?(?:x|ext\.?) ?\d{1,6})?"#)
        func byRegex(_ text: String) -> String {
            var result = "", rest = text.startIndex
            for match in text.matches(of: pattern) {
                result += text[rest..<match.range.lowerBound] + text[match.range].replacingOccurrences(of: " ", with: "\u{E000}")
                rest = match.range.upperBound
            }
            return result + text[rest...]
        }
        var samples = [
            "Call (312) 555-0100 or +1 312 555 0100 x 12, or 773.555.0111 ext. 4 today.",
            "+44 20 7946 0958", "+1 (312) 555 0100 ext 123456789", "12 345 678 9012 34", "((312) 555 0100)",
            "312 555 0100x", "312 555 0100 x", "312 555 0100 ext.", "+1234 555 0100 9", "1 2 3 4 5 6 7 8 9 0",
        ]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789     .-+()xet")
        for _ in 0..<3_000 {
            let length = Int.random(in: 10...40, using: &generator)
            samples.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for sample in samples {
            #expect(PhoneGlue.glueASCII(sample) == byRegex(sample), "\(sample)")
        }
    }
}

