import Testing
@testable import HandoutKit

/// Small inputs whose textstat 0.7.3 results were computed with
/// `scripts/readability-reference.py`'s normalisation (see `textstatText`).
struct TextstatCase: Sendable, CustomTestStringConvertible {
    let language: String
    let sentences: [String]
    let textstatSentences: Int
    let textstatWords: Int
    let textstatSyllables: Int
    let polysyllables: Int
    let fk: Double, fre: Double, smog: Double, fh: Double
    /// How far our syllable heuristic may be from pyphen here.
    var syllableSlack = 0
    var testDescription: String { sentences.first ?? "(empty)" }
}

let textstatCases: [TextstatCase] = [
    .init(language: "en", sentences: [], textstatSentences: 1, textstatWords: 0, textstatSyllables: 0,
          polysyllables: 0, fk: -15.7, fre: 206.84, smog: 0, fh: 206.84),
    // Two words: textstat ignores it as a sentence but still counts its words.
    .init(language: "en", sentences: ["Your rights"], textstatSentences: 1, textstatWords: 2,
          textstatSyllables: 2, polysyllables: 0, fk: -3.1, fre: 120.21, smog: 0, fh: 144.8),
    // "U.S.C." splits into "The Fair Housing Act, 42 U." (kept), "S." and "C." (ignored),
    // "3601, protects you." (kept), and "Call now." is ignored: 2.
    .init(language: "en", sentences: ["The Fair Housing Act, 42 U.S.C. 3601, protects you.", "Call now."],
          textstatSentences: 2, textstatWords: 11, textstatSyllables: 13, polysyllables: 0,
          fk: 0.7, fre: 99.73, smog: 0, fh: 129.23),
    .init(language: "en", sentences: ["Ask for more time, e.g. a week.", "Rates rose 3.5 percent this year!", "Is that right?"],
          textstatSentences: 4, textstatWords: 16, textstatSyllables: 17, polysyllables: 0,
          fk: -1.1, fre: 109.72, smog: 3.1, fh: 136.76),
    .init(language: "en", sentences: ["Getting help", "You can call 211.", "Dr. Lee can help you with the form.", "Bring your lease."],
          textstatSentences: 3, textstatWords: 17, textstatSyllables: 18, polysyllables: 0,
          fk: -0.5, fre: 107.99, smog: 3.1, fh: 135.03),
    // "out-of-network" becomes "outofnetwork": pyphen 3 (out-ofnet-work), we say 4.
    .init(language: "en", sentences: ["“Don't wait,” she said.", "Out-of-network bills can be disputed within 120 days."],
          textstatSentences: 2, textstatWords: 12, textstatSyllables: 17, polysyllables: 2,
          fk: 3.3, fre: 82.31, smog: 0, fh: 116.72, syllableSlack: 1),
    .init(language: "es", sentences: ["Sus derechos", "¿Qué puede hacer si el dueño cambia las cerraduras?", "Llame a la policía."],
          textstatSentences: 2, textstatWords: 15, textstatSyllables: 27, polysyllables: 3,
          fk: 8.6, fre: 91.19, smog: 0, fh: 91.19),
    .init(language: "es", sentences: ["Por ejemplo, la Dra. Gómez cobró $1,250.50 por una visita.", "Pida el detalle."],
          textstatSentences: 4, textstatWords: 13, textstatSyllables: 21, polysyllables: 2,
          fk: 4.6, fre: 106.57, smog: 7.2, fh: 107.47),
]

@Suite("textstat 0.7.3 counting rules")
struct TextstatCompatibilityTests {

    @Test(arguments: textstatCases)
    func countsAndScores(_ c: TextstatCase) {
        let ours = Readability.scores(sentences: c.sentences, language: c.language)
        #expect(ours.sentences == c.textstatSentences)
        #expect(ours.words == c.textstatWords)
        #expect(abs(ours.syllables - c.textstatSyllables) <= c.syllableSlack)

        let exact = Readability.compute(
            sentences: c.textstatSentences, words: c.textstatWords, syllables: c.textstatSyllables,
            polysyllables: c.polysyllables, spanish: c.language == "es")
        #expect(exact.fleschKincaidGrade == c.fk)
        #expect(exact.fleschReadingEase == c.fre)
        #expect(exact.smog == c.smog)
        #expect(exact.fernandezHuerta == c.fh)
        if c.syllableSlack == 0 {
            #expect(ours == exact)
        }
    }

    @Test func headingsGetAFullStopBeforeTextstatSeesThem() {
        #expect(Readability.textstatText(from: ["Getting help", "  Call 211.  ", "", "Is it free?", "He said “yes.”"])
                == "Getting help. Call 211. Is it free? He said “yes.”")
    }

    @Test func legacyRoundMatchesPython() {
        // textstat: floor(x * 10^p + copysign(0.5, x)) / 10^p
        #expect(Readability.legacyRound(1.25, 1) == 1.3)
        #expect(Readability.legacyRound(1.249, 1) == 1.2)
        #expect(Readability.legacyRound(-15.59, 1) == -15.7)  // not symmetric for negatives
        #expect(Readability.legacyRound(87.054, 2) == 87.05)
    }

    @Test func asGivenCountingUsesTheCallersSentences() {
        let sentences = ["Your rights", "The Fair Housing Act, 42 U.S.C. 3601, protects you.", "Call now."]
        let textstat = Readability.scores(sentences: sentences, language: "en")
        let given = Readability.scores(sentences: sentences, language: "en", counting: .asGiven)
        #expect(textstat.sentences == 2)
        #expect(given.sentences == 3)
        #expect(given.words == textstat.words)
        #expect(given.syllables == textstat.syllables)
    }

    @Test func languageRoots() {
        #expect(Readability.syllables(in: "mano", language: "es-MX") == 1)
        #expect(Readability.syllables(in: "casa", language: "es") == 2)
        #expect(Readability.syllables(in: "", language: "en") == 0)
        #expect(Readability.syllables(in: "—", language: "en") == 0)
    }
}
