import Testing
@testable import HandoutKit

/// Nearest first, then language, then the most recently verified; at most `limit` for each need.
@Suite struct PartnerRankingTests {
    /// 60623's centroid as the bundled table has it; 60608 about 3 miles east.
    let table = ZipTable(tsv: "60623\tIL\tCook\t41.848\t-87.717\n60608\tIL\tCook\t41.849\t-87.670\n")
    var client: ClientLocation { ClientLocation.resolve(zip: "60623", county: nil, state: nil, table: table) }

    /// A housing partner `miles` miles north of the client's centroid (1° of latitude ≈ 69.05 miles).
    static func partner(_ id: String, miles: Double, languages: [String] = ["en"], verified: String = "2026-01-01",
                        extra: String = "") -> String {
        let latitude = 41.848 + miles / 69.05
        return """
            {"id": "\(id)", "name": "\(id)", "categories": ["housing"], "email": "a@example.org",
             "address": {"street": "1 Main", "city": "Chicago", "state": "IL", "zip": "60623", "latitude": \(latitude), "longitude": -87.717},
             "service_area": {"counties": ["Cook, IL"]}, "languages": \(languages), "interpretation": true,
             "last_verified": "\(verified)"\(extra)}
            """
    }

    func load(_ partners: [String]) throws -> Directory {
        try DirectoryLoader.parse("{\"partners\": [\(partners.joined(separator: ",\n"))]}", path: "dir.json")
    }

    func ranked(_ partners: [String], language: String? = "es", limit: Int? = 3, categories: [String] = ["housing"]) throws -> [String] {
        PartnerSelection.select(try load(partners).partners, for: PartnerQuery(
            categories: categories, location: client, language: language, limit: limit, zipTable: table)).map(\.partner.id)
    }

    @Test func nearestFirstThenLanguageThenMostRecentlyVerified() throws {
        let partners = [
            Self.partner("far", miles: 9),
            Self.partner("two-miles-old", miles: 2.1, languages: ["es"], verified: "2025-06-01"),
            Self.partner("two-miles-new", miles: 1.9, languages: ["es"], verified: "2026-06-01"),
            Self.partner("one-mile-interpreters", miles: 1.0),
            Self.partner("one-mile-speaks", miles: 1.2, languages: ["es"]),
        ]
        #expect(try ranked(partners, limit: nil) == ["one-mile-speaks", "one-mile-interpreters", "two-miles-new", "two-miles-old", "far"])
    }

    @Test func sixtyPartnersInOneZipAreCappedToTheNearestThree() throws {
        let partners = (1...60).map { Self.partner("p\($0)", miles: Double(61 - $0)) }
        #expect(try ranked(partners) == ["p60", "p59", "p58"])
        #expect(try ranked(partners, limit: nil).count == 60)
        let ranking = PartnerSelection.rank(try load(partners).partners, for: PartnerQuery(
            categories: ["housing"], location: client, language: "es", limit: 3, zipTable: table))
        #expect(ranking.entries.count == 60)
        #expect(ranking.entries[3].outcome == .overLimit(categories: ["housing"], limit: 3))
    }

    @Test func eachNeedKeepsItsOwnNearest() throws {
        let partners = [
            Self.partner("housing-near", miles: 1), Self.partner("housing-far", miles: 5),
            Self.partner("food-far", miles: 8).replacingOccurrences(of: "\"housing\"", with: "\"food\""),
        ]
        #expect(try ranked(partners, limit: 1, categories: ["food", "housing"]) == ["housing-near", "food-far"])
    }

    @Test func aConfidentialLocationIsNeverLocated() throws {
        let shelter = Self.partner("shelter", miles: 0.1, extra: #", "confidential_location": true"#)
        let match = try #require(PartnerSelection.select(try load([shelter]).partners, for: PartnerQuery(
            categories: ["housing"], location: client, zipTable: table)).first)
        #expect(match.proximity == .inYourArea)
        #expect(PartnerSelection.coordinate(of: match.partner, zipTable: table) == nil)
        let values = HandoutContext.partnerValues(match, taxonomy: .builtIn, strings: Strings(language: "es"))
        #expect(values["distance"] as? String == "En su zona")
        #expect(values["address"] == nil)
    }

    @Test func distancesUseTheAddressZipWhenThereAreNoCoordinates() throws {
        let directory = try load([#"""
            {"id": "east", "name": "East", "categories": ["housing"], "email": "a@example.org",
             "address": {"street": "1 Main", "city": "Chicago", "state": "IL", "zip": "60608"}, "service_area": {"zips": ["606*"]}},
            {"id": "phone-line", "name": "Phone line", "categories": ["housing"], "phones": [{"number": "312-555-0100"}],
             "service_area": {"remote": true}}
            """#])
        let matches = PartnerSelection.select(directory.partners, for: PartnerQuery(location: client, zipTable: table))
        guard case .miles(let miles) = matches.first?.proximity else { Issue.record("no distance"); return }
        #expect((2.4...2.5).contains(miles))
        #expect(matches.map(\.proximity).last == .remote)
        let strings = Strings(language: "en")
        #expect(matches.map { strings.distance($0.proximity) } == ["About 2 miles away", "Serves you by phone or online"])
    }

    /// A packet ranks the directory once for all its categories and narrows that ranking for
    /// each section: every narrowing must be exactly a fresh ranking of the partners offering
    /// those categories, kept, capped and dropped alike.
    @Test func aRankingNarrowedToSomeCategoriesIsThatOfTheirPartnersAfresh() throws {
        func categories(_ partner: String, _ list: String) -> String {
            partner.replacingOccurrences(of: #"["housing"]"#, with: list)
        }
        let directory = try load([
            Self.partner("housing-near", miles: 1),
            categories(Self.partner("both-near", miles: 1.5, languages: ["es"]), #"["food", "housing"]"#),
            categories(Self.partner("food-far", miles: 8), #"["food"]"#),
            categories(Self.partner("food-mid", miles: 4, extra: #", "eligibility": {"max_income_fpl_percent": 100}"#), #"["food", "employment"]"#),
            categories(Self.partner("employment-near", miles: 0.5, languages: ["fr"]).replacingOccurrences(of: #""interpretation": true"#, with: #""interpretation": false"#), #"["employment"]"#),
            categories(Self.partner("employment-mid", miles: 3), #"["employment", "housing"]"#),
            Self.partner("housing-far", miles: 6, verified: "2024-01-01"),
            categories(Self.partner("utilities", miles: 2), #"["utilities"]"#),
            categories(Self.partner("closed", miles: 0.2, extra: #", "active": false"#), #"["food"]"#),
        ])
        let all = ["food", "housing", "employment"]
        for limit in [1, 2, nil] as [Int?] {
            func query(_ categories: [String]) -> PartnerQuery {
                PartnerQuery(categories: categories, location: client, language: "es", limit: limit, zipTable: table, incomePercent: 150)
            }
            let shared = PartnerSelection.candidates(directory.partners(offering: Set(all)), for: query(all))
            let offerOnly = PartnerSelection.candidates(directory.partners(offering: Set(all)), for: query(all), listingDropped: false)
            for some in [["food"], ["housing"], ["employment"], ["food", "housing"], ["food", "employment"], ["housing", "employment"], all] {
                let narrowed = PartnerSelection.limit(shared, to: some, limit: limit)
                let afresh = PartnerSelection.rank(directory.partners(offering: Set(some)), for: query(some))
                #expect(narrowed.entries.map(\.partner.id) == afresh.entries.map(\.partner.id), "\(some) \(String(describing: limit))")
                #expect(narrowed.entries.map(\.outcome) == afresh.entries.map(\.outcome), "\(some) \(String(describing: limit))")
                #expect(narrowed.kept.map(\.categories) == afresh.kept.map(\.categories), "\(some) \(String(describing: limit))")
                // What an offer keeps of it: the kept partners, and those left out for income.
                let offered = PartnerOffer(PartnerSelection.limit(offerOnly, to: some, limit: limit), incomePercent: 150)
                let offeredAfresh = PartnerOffer(afresh, incomePercent: 150)
                #expect(offered.offered.map(\.partner.id) == offeredAfresh.offered.map(\.partner.id))
                #expect(offered.leftOutByIncome.map(\.id) == offeredAfresh.leftOutByIncome.map(\.id))
                // food-mid (food, employment) is over its income limit.
                #expect(offered.leftOutByIncome.map(\.id) == (some == ["housing"] ? [] : ["food-mid"]))
            }
        }
    }
}
