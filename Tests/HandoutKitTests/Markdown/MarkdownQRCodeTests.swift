import Testing
@testable import HandoutKit

/// `![name](qr:address)` in Markdown: the code drawn in its place, as HTML of our own.
@Suite struct MarkdownQRCodeTests {
    let address = "https://example.org/apply"

    @Test func anImageAloneInItsParagraphBecomesTheCodeAsABlock() throws {
        let document = MarkdownDocument(markdown: "### Partner\n\n![QR code for \(address)](<qr:\(address)>)\n\n- Phone\n")
        let svg = try #require(QRCode(address: address)).svg(label: "QR code for \(address)")
        #expect(document.html == "<h3>Partner</h3>\n\(svg)\n<ul>\n<li>Phone</li>\n</ul>\n")
        // Not text, not an image, not a link: the plain text and the checks never see it.
        #expect(document.root.children.map(\.kind) == [.heading(level: 3), .list(ordered: false, start: 0, tight: true)])
        #expect(PlainTextRenderer().render(document.root) == "Partner\n~~~~~~~\n\n- Phone\n")
    }

    @Test func anImageInsideTextBecomesTheCodeInline() throws {
        let document = MarkdownDocument(markdown: "Scan ![](qr:\(address)) here")
        let svg = try #require(QRCode(address: address)).svg(label: address)
        #expect(document.html == "<p>Scan \(svg) here</p>\n")
        #expect(PlainTextRenderer().render(document.root) == "Scan here\n")
    }

    @Test func anAddressThatIsNotHTTPDrawsNothingAndRawSVGStaysOmitted() {
        let document = MarkdownDocument(markdown: "![x](qr:javascript:alert(1))\n\nA ![x](QR:file:///etc/passwd) b\n\n<svg onload=alert(1)></svg>\n")
        #expect(document.html == "<p>A  b</p>\n<p><!-- raw HTML omitted --><!-- raw HTML omitted --></p>\n")
    }

    /// An image may hold another in its alt text: the inner one is replaced first, then goes
    /// with the outer one (replacing the outer first would free the inner before its turn).
    @Test func aCodeInsideAnotherCodesNameGoesWithIt() throws {
        let outer = try #require(QRCode(address: "https://b.example/")).svg(label: "https://b.example/")
        #expect(MarkdownDocument(markdown: "![![a](qr:https://a.example/)](qr:https://b.example/)").html == outer + "\n")
    }
}
