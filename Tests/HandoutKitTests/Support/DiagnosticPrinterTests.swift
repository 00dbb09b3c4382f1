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
}
