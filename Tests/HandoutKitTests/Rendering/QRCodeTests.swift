import Testing
@testable import HandoutKit

/// The QR matrix from libqrencode and the SVG we draw of it. That each code scans back to
/// its address is shown end to end, with zbarimg (handoutTests/QRCodeDecodeTests).
@Suite struct QRCodeTests {
    @Test func onlyWebAddressesThatScanAtPrintSizeGetACode() throws {
        for refused in ["javascript:alert(1)", "ftp://example.org/file", "https://", "https://exa mple.org/", "https://example.org/\u{7}", "example.org", ""] {
            #expect(QRCode(address: refused) == nil, "\(refused)")
        }
        // Version 10 at level M holds 213 bytes; one more would need version 11 (61 modules).
        let longest = "https://example.org/" + String(repeating: "a", count: 213 - 20)
        #expect(try #require(QRCode(address: longest)).width == 57)
        #expect(QRCode(address: longest + "a") == nil)
        // The code holds the address as the page's link does (cmark's href escaping).
        #expect(QRCode.linkForm("https://example.org/José?q=\"a b\"&x=[1]^{|}`~") == "https://example.org/Jos%C3%A9?q=%22a%20b%22&x=%5B1%5D%5E%7B%7C%7D%60~")
        #expect(QRCode(address: "https://example.org/\u{E9}") == QRCode(address: "https://example.org/%C3%A9"))
        // A short address is a small symbol: version 2, 25 modules a side.
        #expect(try #require(QRCode(address: "https://example.org/apply")).width == 25)
    }

    @Test func theSVGIsOneNamedImageWithOnePathOfTheDarkModulesAndAQuietZone() throws {
        let code = try #require(QRCode(address: "https://example.org/apply?a=1&b=2"))
        let svg = code.svg(label: "QR code for \"<b>\" & 'x'")
        let side = code.width + 8
        #expect(svg.hasPrefix(
            "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"\(side * 4)\" height=\"\(side * 4)\""
                + " role=\"img\" aria-label=\"QR code for &quot;&lt;b&gt;&quot; &amp; &#39;x&#39;\">"
                + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path stroke=\"#000\" d=\"M4 4.5h7"))
        #expect(svg.hasSuffix("\"/></svg>"))
        #expect(svg.components(separatedBy: "<path").count == 2)
        // Drawing the path back gives exactly the matrix, inside a 4-module quiet zone.
        #expect(Self.modules(drawnBy: code.pathData, side: side) == Self.padded(code))
    }

    /// The dark modules the path draws, row by row over the whole view box.
    static func modules(drawnBy path: String, side: Int) -> [Bool] {
        var modules = [Bool](repeating: false, count: side * side)
        var x = 0, row = 0
        let scanner = path.matches(of: /([Mmh])(-?[0-9]+)(?: ([0-9]+)(\.5)?)?/)
        for match in scanner {
            let first = Int(match.output.2)!
            switch match.output.1 {
            case "M": x = first; row = Int(match.output.3!)!
            case "m": x += first
            default:
                for column in x..<(x + first) { modules[row * side + column] = true }
                x += first
            }
        }
        return modules
    }

    static func padded(_ code: QRCode) -> [Bool] {
        let side = code.side
        var modules = [Bool](repeating: false, count: side * side)
        for row in 0..<code.width {
            for column in 0..<code.width where code.modules[row * code.width + column] {
                modules[(row + 4) * side + column + 4] = true
            }
        }
        return modules
    }
}
