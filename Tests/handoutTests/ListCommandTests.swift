import Foundation
import Testing

@Suite struct ListCommandTests {
    let clinic = Paths.fixtures + "/clinic"

    @Test func partnersAsATableNearestFirstWithWhyEachWasKeptOrDropped() throws {
        let result = try handout(["list", "partners", "--need", "housing", "--zip", "60623", "--lang", "es"], in: clinic)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            RANK  ID                NAME                   DISTANCE      AREA             LANGUAGE      VERIFIED    RESULT
            1     westside-tenants  Westside Tenant Law    0.0 mi        ZIP 606*         speaks es     2026-09-15  kept
            2     safe-harbor       Safe Harbor House      in your area  county Cook, IL  interpreters  2026-11-01  kept
            3     statewide-line    Illinois Housing Line  remote        state IL         speaks es     2026-10-01  kept
            -     english-only      English Only Clinic    -             -                -             -           dropped: language (no staff or interpreters for it)
            -     texas-aid         Texas Aid              -             -                -             -           dropped: area (serves TX)
            3 kept, 2 dropped, 1 offer none of the needs (at most 3 for each need); 6 partners in all

            """)
    }

    @Test func theLimitDropsTheFarthestAndAllPartnersKeepsThem() throws {
        let capped = try handout(["list", "partners", "--need", "housing", "--zip", "60623", "--max-partners", "1"], in: clinic)
        #expect(capped.stdout.contains("2     english-only      English Only Clinic    in your area  ZIP 60623        -         -           dropped: limit (1 ranked higher for housing)\n"))
        #expect(capped.stdout.hasSuffix("1 kept, 4 dropped, 1 offer none of the needs (at most 1 for each need); 6 partners in all\n"))
        let all = try handout(["list", "partners", "--need", "housing", "--zip", "60623", "--all-partners"], in: clinic)
        #expect(all.stdout.hasSuffix("4 kept, 1 dropped, 1 offer none of the needs; 6 partners in all\n"))
        let both = try handout(["list", "partners", "--max-partners", "2", "--all-partners"], in: clinic)
        #expect(both.status == 64)
        #expect(both.stderr.contains("give --max-partners or --all-partners, not both"))
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
                "distance" : {
                  "by" : "in-your-area"
                },
                "id" : "food-bank",
                "language" : {
                  "by" : "any"
                },
                "name" : "Little Village Food Bank",
                "rank" : 1,
                "result" : {
                  "kept" : true
                }
              },
              {
                "area" : {
                  "by" : "state",
                  "value" : "IL"
                },
                "categories" : [
                  "benefits"
                ],
                "distance" : {
                  "by" : "remote"
                },
                "id" : "statewide-line",
                "language" : {
                  "by" : "any"
                },
                "last_verified" : "2026-10-01",
                "name" : "Illinois Housing Line",
                "rank" : 2,
                "result" : {
                  "kept" : true
                }
              }
            ]

            """)
    }

    @Test func aStateOverridesWhatTheZipImplies() throws {
        let result = try handout(["list", "partners", "--need", "housing", "--zip", "79901", "--format", "json"], in: clinic)
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        let kept = rows?.filter { ($0["result"] as? [String: Any])?["kept"] as? Bool == true }
        #expect(kept?.compactMap { $0["id"] as? String } == ["texas-aid", "statewide-line"])
    }

    /// Names and service areas from a directory are printed the way the text handout prints
    /// them: no terminal escape sequence, bell, NUL or direction override, and a line break
    /// or tab inside a field is one space, so a row stays one row with its columns in order.
    @Test func partnerTablesDropControlAndDirectionCharacters() throws {
        let folder = try temporaryFolder()
        try #"""
            {"partners": [
              {"id": "escape-clinic", "name": "\u001b[2J\u001b[31mRed\u001b[0m Clinic\u0007\u0000",
               "categories": ["housing"], "phones": [{"number": "312-555-0100"}],
               "service_area": {"zips": ["60623"]}, "languages": ["en"]},
              {"id": "override-aid", "name": "Aid \u202e0010-555-213\u202c\nSecond line\tand tab",
               "categories": ["housing"], "phones": [{"number": "312-555-0101"}],
               "service_area": {"counties": ["Lake\u202e County\u2066, IL", "Kane\r\nCounty, IL"]}, "languages": ["en"]}
            ]}
            """#.write(toFile: folder + "/directory.json", atomically: true, encoding: .utf8)
        let result = try handout(["list", "partners", "--directory", "directory.json", "--need", "housing", "--zip", "60623"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            RANK  ID             NAME                                  DISTANCE      AREA       LANGUAGE  VERIFIED  RESULT
            1     escape-clinic  [2J[31mRed[0m Clinic                  in your area  ZIP 60623  -         -         kept
            -     override-aid   Aid 0010-555-213 Second line and tab  -             -          -         -         dropped: area (serves Lake County, IL; Kane County, IL)
            1 kept, 1 dropped (at most 3 for each need); 2 partners in all

            """)
    }

    /// Found beside a fuzzer finding (a Double too large for an Int): an income of 1e300
    /// dollars is a valid number, and trapped when shown as a percent of the poverty line.
    @Test func anIncomeTooLargeForAnIntIsShownNotTrapped() throws {
        let result = try handout(["list", "partners", "--need", "housing", "--zip", "60623", "--today", "2026-11-29",
                                  "--household-size", "3", "--annual-income", "1e300"], in: NSTemporaryDirectory())
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.contains("  dropped: income (limit 200% of poverty, household at 1000000+%)\n"))
        #expect(result.stdout.hasSuffix("; household income at 1000000+% of the poverty guidelines; 23 partners in all\n"))
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
