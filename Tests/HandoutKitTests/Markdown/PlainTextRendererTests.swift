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

    /// Text the writer calls simple (Latin letters) takes the byte-wise glue too: the
    /// hand-written matcher must find in it what the pattern finds in its Characters.
    @Test func phoneGlueOnLatinTextMatchesThePattern() throws {
        let pattern = try Regex(#"(?:\+\d{1,3}[ .-]?)?(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]?\d{4}(?: ?(?:x|ext\.?) ?\d{1,6})?"#)
        var generator = SystemRandomNumberGenerator()
        // The numerals are rare, so about half the samples are simple.
        let alphabet = Array(String(repeating: "0123456789     .-+()xetéñÉ¿«", count: 8) + "¹²³¼½¾")
        for _ in 0..<3_000 {
            let sample = String((0..<Int.random(in: 10...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            guard PlainTextWriter.isSimple(Array(sample.utf8)[...]) else { continue }
            var expected = "", rest = sample.startIndex
            for match in sample.matches(of: pattern) {
                expected += sample[rest..<match.range.lowerBound] + sample[match.range].replacingOccurrences(of: " ", with: "\u{E000}")
                rest = match.range.upperBound
            }
            var glued: [UInt8] = []
            PhoneGlue.glue(Array(sample.utf8), into: &glued)
            #expect(String(decoding: glued, as: UTF8.self) == expected + sample[rest...], "\(sample)")
        }
    }

    /// "²" is a digit to the phone pattern, so text holding one takes the Character path,
    /// where a number ending in it is kept on one line like any other.
    @Test func aSuperscriptDigitEndsAPhoneNumber() {
        #expect(text("Call 312 555 010² now", width: 12) == "Call\n312 555 010²\nnow\n")
        #expect(text("Call 312 555 0102 now", width: 12) == "Call\n312 555 0102\nnow\n")
        // So are the vulgar fractions.
        #expect(text("Call 312 555 010½ now", width: 12) == "Call\n312 555 010½\nnow\n")
    }

    // The cases below are held to what the renderer wrote before it worked on bytes.

    @Test func accentedLatinTextWrapsByColumns() {
        #expect(text("Ünïcödé wörds wïth äccents thät nëed wräpping ät nårrow wïdths, çà et là. Ça va? ¿Qué tal? «Bien» © ® ° ±", width: 20) == """
            Ünïcödé wörds wïth
            äccents thät nëed
            wräpping ät nårrow
            wïdths, çà et là. Ça
            va? ¿Qué tal? «Bien»
            © ® ° ±

            """)
    }

    @Test func linkSuffixesTrimTheTextAndIgnoreTheSchemesCase() {
        let links = "[(312) 555-0100](tel:+13125550100) and [help@example.org](mailto:help@example.org) and [example.org](https://example.org/) and [https://example.org](https://example.org) and [x](javascript:alert(1)) and [other](other.md) and [ Spaced ](http://Spaced)"
        #expect(text(links, width: 40) == "(312) 555-0100 and help@example.org and\nexample.org and https://example.org and\nx and other and Spaced\n")
        #expect(text("[  (312) 555-0100 ](tel:3125550100) [línea](https://example.org/línea) [https://example.org/línea](https://example.org/línea)", width: 40)
            == "(312) 555-0100 línea\n(https://example.org/línea)\nhttps://example.org/línea\n")
        #expect(text("- [link *emph* (312) 555-0100](tel:312-555-0100)\n- [**bold link**](https://example.org/path/)\n- [MAILTO](MAILTO:a@b.c) [a@b.c](MAILTO:a@b.c)", width: 20) == """
            - link emph
              (312) 555-0100
            - bold link
              (https://example.org/path/)
            - MAILTO
              (MAILTO:a@b.c)
              a@b.c

            """)
    }

    @Test func emptyItemsLooseListsAndQuotesInItems() {
        #expect(text("- one\n- two\n\n  para\n- \n- four\n  > quoted\n  > more\n\n10. ten\n11. eleven\n    1. nested\n    2. nested two\n\n       loose para\n", width: 20) == """
            - one

            - two

              para

            -

            - four

              > quoted more

            10. ten
            11. eleven
                1. nested

                2. nested two

                   loose para

            """)
        #expect(text("1. \n2. two\n\n   - a\n\n   - b\n3. three") == "1.\n\n2. two\n\n   - a\n\n   - b\n\n3. three\n")
    }

    @Test func blankLinesInsideQuotesKeepTheirMarker() {
        #expect(text("> quote one\n>\n> quote two\n> - item\n>   > deep\n>\n> ```\n> code\n>\n>   indented\n> ```\n") == """
            > quote one
            >
            > quote two
            >
            > - item
            >   > deep
            >
            >     code
            >
            >       indented

            """)
    }

    /// A paragraph or code block can start with an empty line; in a list item the marker
    /// goes with it, as it always has.
    @Test func blocksStartingWithAnEmptyLine() {
        #expect(text("Hard break  \nnext line\\\nthird\n\n\\\nstarts with break\n\n- \\\n  item starting with break\n", width: 20)
            == "Hard break\nnext line\nthird\n\n\nstarts with break\n\n\n  item starting with\n  break\n")
        #expect(text("```\n\nstarts blank\n\n```\n\n- ```\n  \n  code in item\n  ```\n") == "\n    starts blank\n\n\n\n      code in item\n")
    }

    @Test func headingsWithBreaksAndCodeAfterBlankLines() {
        #expect(text("# Heading with *emph* and `code`\n\n## Two\\\nlines heading\n\n### Three\n\n***\n\n    indented code\n\n\n    after blank\n", width: 20)
            == "Heading with emph\nand code\n=================\n\nTwo\\\n----\n\nlines heading\n\nThree\n~~~~~\n\n* * *\n\n    indented code\n\n\n    after blank\n")
    }

    /// A private-use U+E000 in the text itself is printed as a space, as glue is.
    @Test func literalGlueCharacterPrintsAsASpace() {
        #expect(text("Text with literal \u{E000} glue char and 555 0100 5555 and (555) 010-0123 numbers 1234567890 1 2 3 4 5 6 7 8 9 0", width: 40)
            == "Text with literal   glue char and 555\n0100 5555 and (555) 010-0123 numbers\n1234567890 1 2 3 4 5 6 7 8 9 0\n")
    }
}
