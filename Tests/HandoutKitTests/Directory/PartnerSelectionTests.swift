import Testing
@testable import HandoutKit

@Suite struct PartnerSelectionTests {
    let directory: Directory = try! DirectoryLoader.parse("""
        {"partners": [
          {"id": "zip-exact", "name": "Zeta Exact", "categories": ["housing"], "email": "a@example.org",
           "service_area": {"zips": ["60623"]}, "languages": ["en"]},
          {"id": "zip-prefix", "name": "Alpha Prefix", "categories": ["housing"], "email": "a@example.org",
           "service_area": {"zips": ["606*"]}, "languages": ["en", "es"]},
          {"id": "county", "name": "Beta County", "categories": ["housing", "food"], "email": "a@example.org",
           "service_area": {"counties": ["Cook"], "states": ["IL"]}, "languages": ["es"]},
          {"id": "county-ga", "name": "Cook Georgia", "categories": ["housing"], "email": "a@example.org",
           "service_area": {"counties": ["Cook, GA"]}},
          {"id": "state", "name": "Gamma State", "categories": ["housing"], "email": "a@example.org",
           "service_area": {"states": ["IL"]}, "interpretation": true},
          {"id": "remote", "name": "Delta Remote", "categories": ["housing"], "email": "a@example.org",
           "service_area": {"remote": true}, "languages": ["zh-Hant", "en"]},
          {"id": "texas", "name": "Texas Only", "categories": ["housing"], "email": "a@example.org",
           "service_area": {"states": ["TX"]}},
          {"id": "closed", "name": "Closed", "categories": ["housing"], "email": "a@example.org",
           "service_area": {"zips": ["60623"]}, "active": false},
          {"id": "food-only", "name": "Food Only", "categories": ["food"], "email": "a@example.org",
           "service_area": {"zips": ["60623"]}}
        ]}
        """, path: "dir.json")

    let chicago = ClientLocation(zip: "60623", county: "Cook", state: "IL")

    func ids(_ query: PartnerQuery) -> [String] {
        PartnerSelection.select(directory.partners, for: query).map(\.partner.id)
    }

    @Test func closestFirstThenByName() {
        #expect(ids(PartnerQuery(categories: ["housing"], location: chicago)) == ["zip-exact", "zip-prefix", "county", "state", "remote"])
    }

    @Test func reasonsAreReported() {
        let matches = PartnerSelection.select(directory.partners, for: PartnerQuery(categories: ["housing"], location: chicago, language: "es"))
        #expect(matches.map(\.area) == [.zipPrefix("606*"), .county("Cook"), .state("IL")])
        #expect(matches.map(\.language) == [.speaks("es"), .speaks("es"), .interpretation])
    }

    @Test func aCountyNameMatchesOnlyInItsOwnState() {
        let georgia = ClientLocation(zip: "31620", county: "Cook", state: "GA")
        #expect(ids(PartnerQuery(categories: ["housing"], location: georgia)) == ["county-ga", "remote"])
    }

    @Test func languageMatchesTheMainSubtag() {
        #expect(ids(PartnerQuery(categories: ["housing"], location: chicago, language: "zh")) == ["state", "remote"])
    }

    @Test func needsWidenTheCategories() {
        #expect(ids(PartnerQuery(categories: ["food"], location: chicago)) == ["food-only", "county"])
    }

    @Test func anUnknownZipMatchesOnlyZipPatternsAndRemotePartners() {
        let location = ClientLocation.resolve(zip: "60699", county: nil, state: nil, table: ZipTable(tsv: "60623\tIL\tCook\n"))
        #expect(!location.zipKnown)
        #expect(ids(PartnerQuery(categories: ["housing"], location: location)) == ["zip-prefix", "remote"])
    }

    @Test func theZipImpliesCountyAndStateUnlessOverridden() {
        let table = ZipTable(tsv: "# comment\n60623\tIL\tCook\n79901\tTX\tEl Paso\n")
        #expect(ClientLocation.resolve(zip: "60623", county: nil, state: nil, table: table) == ClientLocation(zip: "60623", county: "Cook", state: "IL"))
        #expect(ClientLocation.resolve(zip: "60623", county: "Lake", state: nil, table: table) == ClientLocation(zip: "60623", county: "Lake", state: "IL"))
    }

    @Test func withoutALocationEveryAreaIsOfferedByName() {
        #expect(ids(PartnerQuery(categories: ["housing"])) == ["zip-prefix", "county", "county-ga", "remote", "state", "texas", "zip-exact"])
    }
}
