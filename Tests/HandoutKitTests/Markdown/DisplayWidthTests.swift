import Testing
@testable import HandoutKit

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("María", 5), ("Mari\u{0301}a", 5), ("法律", 4), ("한국어", 6), ("ｆｕｌｌ", 8),
        ("📞", 2), ("👩🏽‍⚕️", 2), ("☎️", 2), ("\u{200B}", 0), ("", 0),
    ])
    func width(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }
}
