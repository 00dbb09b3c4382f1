import Foundation
import Testing

@Suite struct ListCommandTests {
    let clinic = Paths.fixtures + "/clinic"

    @Test func partnersAsATableClosestFirst() throws {
        let result = try handout(["list", "partners", "--need", "housing", "--zip", "60623", "--lang", "es"], in: clinic)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            ID                NAME                   AREA             LANGUAGE      CATEGORIES
            westside-tenants  Westside Tenant Law    ZIP 606*         speaks es     housing
            safe-harbor       Safe Harbor House      county Cook, IL  interpreters  housing
            statewide-line    Illinois Housing Line  state IL         speaks es     housing
            3 of 6 partners

            """)
    }

    @Test func partnersAsJSON() throws {
        let result = try handout(["list", "partners", "--need", "food", "--need", "benefits", "--zip", "60623", "--format", "json"], in: clinic)
        #expect(result.status == 0)
        #expect(result.stdout == """
            [
              {
                "area" : {
                  "by" : "zip",
                  "value" : "60623"
                },
                "categories" : [
                  "food"
                ],
                "id" : "food-bank",
                "language" : {
                  "by" : "any"
                },
                "name" : "Little Village Food Bank"
              },
              {
                "area" : {
                  "by" : "state",
                  "value" : "IL"
                },
                "categories" : [
                  "benefits"
                ],
                "id" : "statewide-line",
                "language" : {
                  "by" : "any"
                },
                "name" : "Illinois Housing Line"
              }
            ]

            """)
    }

    @Test func aStateOverridesWhatTheZipImplies() throws {
        let result = try handout(["list", "partners", "--need", "housing", "--zip", "79901", "--format", "json"], in: clinic)
        let ids = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(ids?.compactMap { $0["id"] as? String } == ["texas-aid", "statewide-line"])
    }

    @Test func templatesWithTheirLanguages() throws {
        let result = try handout(["list", "templates"], in: clinic)
        #expect(result.status == 0)
        #expect(result.stdout == """
            ID        LANGUAGES  AUDIENCE  TITLE
            eviction  en es      client    If you get an eviction notice
            repairs   en         client    Repairs at home
            2 handouts in 2 languages

            """)
    }

    @Test func theBundledLibraryIsListedInBothLanguages() throws {
        let result = try handout(["list", "templates", "--format", "json"], in: NSTemporaryDirectory())
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count >= 19)
        for row in rows where row["audience"] as? String == "client" {
            #expect(row["languages"] as? [String] == ["en", "es"], "\(row["id"] ?? "")")
        }
    }
}
