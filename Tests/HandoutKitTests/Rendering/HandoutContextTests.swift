import Testing
@testable import HandoutKit

/// The names `handout check` accepts are the names rendering provides: no more, no fewer.
@Suite struct HandoutContextTests {
    let directory = try! DirectoryLoader.parse("""
        {"region": {"name": "Cook County"}, "partners": [{
          "id": "full", "name": "Full", "categories": ["housing"], "description": "d",
          "phones": [{"number": "312-555-0100", "type": "tty", "label": "Intake"}],
          "website": "https://example.org", "intake_url": "https://example.org/apply", "email": "a@example.org",
          "address": {"street": "1 Main", "city": "Chicago", "state": "IL", "zip": "60623"},
          "languages": ["en"], "interpretation": true, "hours": "h", "fees": "f",
          "schedule": [{"days": ["mon"], "opens": "09:00", "closes": "17:00"}],
          "eligibility": {"max_income_fpl_percent": 200, "min_age": 18, "max_age": 64, "notes": "n"},
          "alert": "a", "what_to_bring": ["ID"],
          "last_verified": "2026-01-01"
        }]}
        """, path: "dir.json")

    @Test func everyValueRenderedIsAKnownName() throws {
        let matches = PartnerSelection.select(directory.partners, for: PartnerQuery())
        let context = HandoutContext.make(
            client: Client(name: "A", language: "en", zip: "60623", needs: ["food"]),
            practice: Practice(name: "P", phone: PhoneNumber("312-555-0100"), website: "https://example.org", practitioner: "Dr. B"),
            topics: ["family-safety"], matches: matches, directory: directory, today: Day("2026-11-29")!, strings: Strings(language: "en"),
            facts: ["snap-notice-days": "10"], state: "IL")
        #expect(Set(context.keys).isSuperset(of: HandoutContext.keyedNames))
        var rendered: Set<String> = []
        for (key, value) in context where !HandoutContext.keyedNames.contains(key) {
            rendered.insert(key)
            if let nested = value as? [String: Any], key != "labels" { rendered.formUnion(nested.keys.map { "\(key).\($0)" }) }
        }
        #expect(rendered.isSubset(of: HandoutContext.globalNames))
        #expect(HandoutContext.globalNames.filter { !$0.hasPrefix("labels.") }.isSubset(of: rendered))

        let partner = try #require((context["partners"] as? [[String: Any]])?.first)
        // A partner has either an address or confidential_location, never both; a distance
        // only with a client location (see PartnerRankingTests).
        #expect(Set(partner.keys).union(["confidential_location", "distance"]) == HandoutContext.listFields["partners"])
        let phone = try #require((partner["phones"] as? [[String: Any]])?.first)
        #expect(Set(phone.keys) == HandoutContext.listFields["phones"])
        let bring = try #require(partner["what_to_bring"] as? [String: Any])
        #expect(Set(bring.keys) == HandoutContext.listFields["what_to_bring"])
        let hotlines = try #require(context["hotlines"] as? [[String: Any]])
        #expect(Set(hotlines.flatMap(\.keys)) == HandoutContext.listFields["hotlines"])
    }

    @Test func aConfidentialPartnersAddressIsNeverInTheContext() throws {
        let shelter = try DirectoryLoader.parse("""
            {"partners": [{"id": "s", "name": "S", "categories": ["family-safety"], "phones": [{"number": "312-555-0150"}],
              "address": {"street": "9 Hidden Lane", "city": "Chicago"}, "confidential_location": true}]}
            """, path: "dir.json")
        let match = try #require(PartnerSelection.select(shelter.partners, for: PartnerQuery()).first)
        let values = HandoutContext.partnerValues(match, taxonomy: shelter.taxonomy, strings: Strings(language: "en"))
        #expect(values["address"] == nil)
        #expect(values["confidential_location"] as? Bool == true)
    }
}
