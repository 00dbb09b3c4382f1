import Testing
@testable import HandoutKit

@Suite("Sentence splitting")
struct SentenceTests {

    @Test func splitsOnTerminalPunctuation() {
        #expect(Readability.sentences(in: "Read the notice. Call us today! Do you need help? Yes…  We can help.")
                == ["Read the notice.", "Call us today!", "Do you need help?", "Yes…", "We can help."])
    }

    @Test func keepsAbbreviationsNumbersAndCodes() {
        let text = """
            The Fair Housing Act, 42 U.S.C. 3601, protects you. Ask for an accommodation, e.g. more time. \
            Dr. Lee charged $1,250.50 for one visit. Rates rose 3.5 percent. See form No. 12 on page 4. \
            Call Mrs. Ortiz at 5 p.m. today. J. R. Smith signed it.
            """
        #expect(Readability.sentences(in: text) == [
            "The Fair Housing Act, 42 U.S.C. 3601, protects you.",
            "Ask for an accommodation, e.g. more time.",
            "Dr. Lee charged $1,250.50 for one visit.",
            "Rates rose 3.5 percent.",
            "See form No. 12 on page 4.",
            "Call Mrs. Ortiz at 5 p.m. today.",
            "J. R. Smith signed it.",
        ])
    }

    @Test func dottedAbbreviationCanEndASentence() {
        #expect(Readability.sentences(in: "She moved to the U.S. The law there is different.")
                == ["She moved to the U.S.", "The law there is different."])
        #expect(Readability.sentences(in: "The answer is no. Then ask again.")
                == ["The answer is no.", "Then ask again."])
    }

    @Test func quotesBracketsAndSpanishPunctuation() {
        #expect(Readability.sentences(in: "He said, “Leave now.” You do not have to. (Ask a lawyer.) Then decide.")
                == ["He said, “Leave now.”", "You do not have to.", "(Ask a lawyer.)", "Then decide."])
        #expect(Readability.sentences(in: "¿Qué puede hacer? ¡Llame hoy! La Dra. Gómez, de EE. UU., puede ayudar. Pida el núm. 5 del aviso.")
                == ["¿Qué puede hacer?", "¡Llame hoy!", "La Dra. Gómez, de EE. UU., puede ayudar.", "Pida el núm. 5 del aviso."])
    }

    @Test func collapsesWhitespaceAndDropsEmptyText() {
        #expect(Readability.sentences(in: "  First line\nwraps here.\n\nSecond one.  ") == ["First line wraps here.", "Second one."])
        #expect(Readability.sentences(in: "   ").isEmpty)
        #expect(Readability.sentences(in: "No final stop") == ["No final stop"])
    }
}
