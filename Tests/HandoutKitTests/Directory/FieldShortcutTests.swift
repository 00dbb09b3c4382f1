import Foundation
import Testing
@testable import HandoutKit

/// The byte-wise shortcuts a directory load takes must answer exactly as the Foundation
/// calls they stand in for.
@Suite struct FieldShortcutTests {
    static let emailPattern = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"

    @Test(arguments: [
        "help@example.org", "a@b.c", "a@b.", "a@.c", "@b.c", "a@bc", "a@@b.c", "a@b@c.d", "a b@c.d", "a@b.c ", " a@b.c",
        "a@b..c", "a@.b.c", "first.last@sub.example.org", "a@b.c\n", "a\t@b.c", "ä@b.c", "a@b\u{00A0}.c", "a@b.c\u{2028}", "",
        "@", ".", "a@b.c.", "a@.", "x@y.z@", "x@y .z",
    ])
    func emailCheckMatchesThePattern(_ text: String) {
        #expect(FieldReader.isEmailAddress(text) == (text.range(of: Self.emailPattern, options: .regularExpression) != nil), "\(text.debugDescription)")
    }

    @Test(arguments: ["Aid", " Aid", "Aid ", "\tAid\n", "A", "", " ", "\u{00A0}Aid\u{3000}", "Aid\u{0085}", "é", "x\u{301}", "\"q\""])
    func trimmingMatchesFoundation(_ text: String) {
        #expect(text.trimmedOfSpacesAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimmedOfSpaces == text.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: ["a { color: red }", "</style>", "x</STYLE", "</Style", "<\\/style", "</styl", "</ſtyle", "", "p::after { content: \"</sTyLe\" }"])
    func styleEndSearchMatchesFoundation(_ css: String) {
        let foundation = css.range(of: "</style", options: .caseInsensitive) != nil
        // Foundation folds "ſ" to "s"; a browser ends <style> on ASCII letters only.
        #expect(Layout.containsStyleEnd(css) == (foundation && !css.contains("ſ")))
    }

    @Test(arguments: ["+1 312 555 0100", "312-555-0100 x12", "312.555.0100 Ext. 7", "(312) 555-0100 EXT 99", "988", "312 555 0100 x", "312555010x"])
    func phoneExtensionsStillRead(_ text: String) {
        let number = PhoneNumber(text)
        let digitsAfterX = text.lowercased().split(separator: "x").dropFirst().first.map { $0.filter(\.isNumber) }
        #expect(number?.extensionDigits == (digitsAfterX.flatMap { $0.isEmpty ? nil : String($0) }))
    }
}

extension FieldShortcutTests {
    @Test(arguments: ["IL", "il", "Il", "I", "ILL", "", "I1", "É1", "GA", "@A", "[A", "`a", "{a", "I\n"])
    func stateCodesAreTwoASCIILetters(_ text: String) {
        let letters = text.count == 2 && text.allSatisfy { $0.isASCII && $0.isLetter }
        #expect(StateCode.isValid(text, capitalsOnly: false) == letters)
        #expect(StateCode.isValid(text, capitalsOnly: true) == (letters && text == text.uppercased()))
    }
}
