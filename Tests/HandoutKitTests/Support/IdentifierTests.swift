import HandoutKit
import Testing

@Suite struct IdentifierTests {
    @Test(arguments: ["housing-eviction", "a", "0", "211-info", "x-", "legal-aid-1"])
    func validIDs(id: String) {
        #expect(Identifier.isValid(id))
        #expect(Identifier.problem(id, kind: "handout id") == nil)
    }

    @Test(arguments: [
        "", "-x", "../es/housing-eviction", "..", ".", "a/b", "a.b", "Housing", "a_b", "a b", "é", "a\u{0}b", "a\n", "/etc/passwd",
        "housing-eviction\u{200B}", "ｈousing",
    ])
    func invalidIDs(id: String) {
        #expect(!Identifier.isValid(id))
    }

    @Test func theMessageNamesTheRuleAndShowsControlCharacters() {
        #expect(Identifier.problem("../es/x", kind: "handout id")
            == "\"../es/x\" is not a valid handout id: use lowercase letters, digits and dashes, like \"housing-eviction\"")
        #expect(Identifier.problem("a\u{1B}[2Jb", kind: "partner id", example: "legal-aid")
            == "\"a\\u{1b}[2Jb\" is not a valid partner id: use lowercase letters, digits and dashes, like \"legal-aid\"")
    }

    @Test(arguments: [
        "en", "es", "asl", "zh-Hant", "zh-Hant-TW", "es-419", "sr-Latn-RS", "en-US", "de-CH-1901", "sl-rozaj-biske",
        "zh-yue-HK", "en-a-bbb-x-a-ccc", "en-x-private", "hy-Latn-IT-arevela", "tlh",
    ])
    func validLanguageCodes(code: String) {
        #expect(LanguageCode.isValid(code))
    }

    @Test(arguments: [
        "", "e", "EN", "Spanish", "../es", "es/../en", "es.", "es_MX", "en-", "-en", "en--US", "en-US-", "toolonglang",
        "en-a", "en-x", "es MX", "es\u{0}", "1en", "en-ÜS", "x-private",
    ])
    func invalidLanguageCodes(code: String) {
        #expect(!LanguageCode.isValid(code))
    }

    @Test func aLanguageProblemSaysWhatToWrite() {
        #expect(LanguageCode.problem("../x") == "\"../x\" is not a language code: use a BCP 47 tag like \"en\", \"es\" or \"es-419\"")
    }
}
