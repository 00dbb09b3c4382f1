import Testing
@testable import HandoutKit

@Suite struct FactBookTests {
    @Test func aValueIsOneTextOrOnePerLanguageWithNoFallback() throws {
        let facts = try FactBook.parse("""
            snap-notice-days:
              value: "10"
              citation: "7 CFR 273.13(a)(1)"
              checked: 2026-11-01
              review_by: 2027-05-01
              url: https://www.ecfr.gov/current/title-7/section-273.13
              note: "in most cases"
            hearing:
              value: { en: "90 days", es: "90 días" }
              citation: "42 CFR 431.221(d)"
              checked: 2026-10-15
              review_by: 2027-04-15
              state: IL
            """, path: "facts.yml")
        let book = FactBook(facts)
        #expect(book.keys == ["hearing", "snap-notice-days"])
        #expect(book["snap-notice-days"]?.value(in: "pl") == "10")
        #expect(book["hearing"]?.value(in: "es") == "90 días")
        #expect(book["hearing"]?.value(in: "pl") == nil)
        #expect(book["hearing"]?.value(in: "es-419") == "90 días")
        #expect(book.context(language: "pl") == ["snap-notice-days": "10"])
        #expect(book["hearing"]?.state == "IL")
        #expect(book["hearing"]?.reviewByLine == 12)
        #expect(book["hearing"]?.reviewByColumn == 14)
        #expect(book.byReviewDate.map(\.key) == ["hearing", "snap-notice-days"])
    }

    @Test func everyProblemHasItsLineAndColumn() {
        #expect(throws: (any Error).self) { try FactBook.parse("- a list\n", path: "facts.yml") }
        do {
            _ = try FactBook.parse("""
                a:
                  value: [1, 2]
                  citation: ""
                  checked: 2026-11-01
                  review_by: 2026-10-01
                  url: javascript:alert(1)
                """, path: "facts.yml")
            Issue.record("parsed")
        } catch let errors as InputErrors {
            #expect(errors.description == """
                facts.yml:2:10: error: fact "a": value must be text, or a language code for each text, like { en: "10 days", es: "10 días" }
                facts.yml:3:13: error: fact "a": citation must be text
                facts.yml:5:14: error: fact "a": review_by 2026-10-01 is before checked 2026-11-01
                facts.yml:6:8: error: fact "a": url must be an http or https address
                """)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func anEmptyFileHoldsNoFacts() throws {
        #expect(try FactBook.parse("# nothing yet\n", path: "facts.yml").isEmpty)
        #expect(try FactBook.parse("{}\n", path: "facts.yml").isEmpty)
    }

    /// fact-not-used matches whole numbers and amounts only.
    @Test(arguments: [
        ("10", "within 10 days", 1), ("10", "a 10-day notice", 1), ("10", "(10)", 1), ("10", "within 10.", 1),
        ("10", "100 days", 0), ("10", "$10", 0), ("10", "10%", 0), ("10", "1.10", 0), ("10", "3-10 days", 0),
        ("10", "10-12 days", 0), ("10", "10th", 0), ("10", "10,000", 0), ("10", "10.5", 0), ("10", "call 1-800-555-0110", 0),
        ("$25", "a $25 fee, and $25 back", 2), ("$25", "$250", 0), ("$25", "$25.50", 0),
        ("90 days", "within 90 days.", 1), ("90 days", "190 days", 0),
        ("1", "by January 1, 2027", 0), ("1", "el 1 de enero de 2027", 0), ("1", "1 month", 1), ("3", "3. Bring legal partners in", 0), ("3", "3) Call", 0),
    ])
    func wholeMatches(value: String, text: String, count: Int) {
        #expect(FactChecks.wholeMatches(of: value, in: text).count == count)
    }

    @Test func frontMatterTextGetsItsFactsAndChecksReadAFactAsItsValue() throws {
        #expect(FactBook.fill("only {{fact.a}} days, {{ fact.b }} and {{fact.zz}}", values: ["a": "10", "b": "$25"]) == "only 10 days, $25 and {{fact.zz}}")
        let template = try HandoutTemplate.parse("""
            ---
            title: T
            summary: Only {{fact.a}} days.
            topics: [housing]
            audience: client
            reading_level: 6
            reviewed: 2026-11-01
            sources: [s]
            ---
            You have {{fact.a}} days, {{client.name}}.
            """, path: "t.md", id: "t", language: "en")
        let source = TemplateSource(template, facts: ["a": "10"])
        #expect(source.prose == "You have 10 days, name.")
        #expect(source.bareLines == ["You have            days,                ."])
        #expect(source.summary == "Only 10 days.")
        #expect(FactUses(template, tags: source.tags).uses.map { "\($0.key)@\($0.line):\($0.column)" } == ["a@3:1", "a@10:10"])
    }

    @Test func theFactsCheckedDateIsTheEarliestOfReviewedAndEachFactsCheck() throws {
        let facts = try FactBook.parse("""
            a: { value: "1", citation: c, checked: 2026-06-01, review_by: 2027-01-01 }
            b: { value: "2", citation: c, checked: 2026-09-01, review_by: 2027-01-01 }
            """, path: "facts.yml")
        #expect(FactUses.factsChecked(reviewed: Day("2026-11-01"), facts: facts) == Day("2026-06-01"))
        #expect(FactUses.factsChecked(reviewed: Day("2026-01-01"), facts: facts) == Day("2026-01-01"))
        #expect(FactUses.factsChecked(reviewed: Day("2026-01-01"), facts: []) == Day("2026-01-01"))
    }
}
