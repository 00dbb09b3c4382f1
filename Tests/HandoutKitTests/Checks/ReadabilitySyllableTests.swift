import Testing
@testable import HandoutKit

/// Expected values are textstat 0.7.3's `syllable_count` (pyphen 0.18.1), from
/// `python3 scripts/readability-reference.py --lang en|es --words ...`.
@Suite("Syllables")
struct SyllableTests {

    static let english: [(String, Int)] = [
        ("the", 1), ("people", 2), ("because", 2), ("landlord", 2), ("tenant", 2), ("eviction", 2),
        ("hearing", 2), ("appeal", 2), ("benefits", 3), ("insurance", 3), ("hospital", 3), ("medical", 3),
        ("assistance", 3), ("financial", 3), ("decision", 3), ("notice", 2), ("receive", 2),
        ("document", 3), ("every", 2), ("another", 3), ("really", 3), ("being", 2), ("table", 2),
        ("needed", 2), ("asked", 1), ("wishes", 2), ("makes", 1), ("family", 3), ("government", 3),
        ("information", 4), ("important", 3), ("unemployment", 4), ("reasonable", 3), ("disability", 4),
        ("households", 2),
        // textstat removes punctuation first: "dont", "30day", "usc", "125050".
        ("don't", 1), ("30-day", 2), ("U.S.C.", 1), ("3601", 1), ("$1,250.50", 1),
    ]

    /// pyphen never breaks within 2 letters of a word's ends and its patterns
    /// skip some breaks, so these are wrong as syllables but are what textstat
    /// counts; we reproduce them on purpose.
    static let englishPyphenQuirks: [(String, Int)] = [
        ("idea", 1), ("area", 1), ("itemized", 2), ("interpreter", 3), ("medicine", 1), ("process", 1), ("city", 1),
    ]

    // Left out because pyphen is plainly wrong there (we return its count anyway,
    // from the exceptions table, but do not want tests to bless it): "telling" 1
    // (while "selling" is 2), "longer" 1, "lawyer" 1, "copies" 1. Also left out:
    // "out-of-network" -> "outofnetwork", pyphen 3 (out-ofnet-work), we say 4.

    static let spanish: [(String, Int)] = [
        ("casa", 2), ("desalojo", 3), ("vivienda", 3), ("inquilino", 3), ("audiencia", 3), ("apelación", 3),
        ("beneficios", 4), ("factura", 3), ("médico", 3), ("hospital", 3), ("seguro", 3), ("derecho", 3),
        ("tribunal", 3), ("juez", 1), ("aviso", 2), ("guerra", 2), ("pingüino", 2), ("ciudad", 2),
        ("cuidado", 3), ("que", 1), ("quien", 1), ("ayuda", 2), ("reembolso", 4), ("extraoficial", 4),
        ("información", 4), ("explicación", 4), ("programa", 3), ("teléfono", 3), ("presupuesto", 4),
        ("discapacidad", 5), ("30-días", 2),
    ]

    /// The Spanish patterns never split adjacent vowels (so hiatus is lost:
    /// dí-a, le-er, po-e-ta), never break within 2 letters of the ends (a-gua),
    /// and have quirks such as no break before a final "no" (ma-no) or around
    /// "culo" (ar-tí-cu-lo). textstat counts these; we reproduce them.
    static let spanishPyphenQuirks: [(String, Int)] = [
        ("país", 1), ("agua", 1), ("leer", 1), ("día", 1), ("poeta", 2), ("teatro", 2), ("mano", 1),
        ("bueno", 1), ("gobierno", 2), ("artículo", 3),
    ]
    // Left out: "reúne" (pyphen 1 through a pattern meant for the prefix re-; we say 2).

    @Test(arguments: english + englishPyphenQuirks)
    func englishWord(_ word: String, _ expected: Int) {
        #expect(Readability.syllables(in: word, language: "en") == expected)
    }

    @Test(arguments: spanish + spanishPyphenQuirks)
    func spanishWord(_ word: String, _ expected: Int) {
        #expect(Readability.syllables(in: word, language: "es") == expected)
    }

    @Test func casingAndPunctuationDoNotMatter() {
        #expect(Readability.syllables(in: "Eviction,", language: "en") == 2)
        #expect(Readability.syllables(in: "¿APELACIÓN?", language: "es") == 3)
        #expect(Readability.syllables(in: "hospital bills", language: "en") == 4)
    }
}
