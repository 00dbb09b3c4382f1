import Testing
@testable import HandoutKit

@Suite struct DiagnosticPrinterTests {
    let diagnostic = Diagnostic(.warning, "unknown variable \"client.nmae\"", path: "Templates/es/housing.md", line: 22, column: 3, rule: "unknown-variable")

    @Test func plainWithoutATerminal() {
        #expect(DiagnosticPrinter(useColor: false).format(diagnostic)
            == "Templates/es/housing.md:22:3: warning: unknown variable \"client.nmae\" [unknown-variable]")
    }

    @Test func colouredOnATerminal() {
        #expect(DiagnosticPrinter(useColor: true).format(diagnostic)
            == "\u{1B}[1mTemplates/es/housing.md:22:3:\u{1B}[0m \u{1B}[1;35mwarning:\u{1B}[0m unknown variable \"client.nmae\" [unknown-variable]")
    }

    @Test func locationsWithoutLineOrColumn() {
        #expect(Diagnostic(.error, "cannot read the partner directory", path: "nowhere.json").description
            == "nowhere.json: error: cannot read the partner directory")
        #expect(Diagnostic(.error, "x", path: "t.md", line: 4).description == "t.md:4: error: x")
    }

    @Test func controlCharactersAFileQuotesAreShownNotSent() {
        let diagnostic = Diagnostic(.error, "\"\u{1B}[2J\r\u{202E}x\" is not an email address", path: "d.json", line: 1, column: 2)
        #expect(DiagnosticPrinter(useColor: false).format(diagnostic) == #"d.json:1:2: error: "\u{1b}[2J\u{d}\u{202e}x" is not an email address"#)
        #expect(DiagnosticPrinter(useColor: true).format(diagnostic).contains(#""\u{1b}[2J\u{d}\u{202e}x" is not"#))
    }
}
