import Testing
@testable import HandoutKit

@Suite struct DirectoryLoaderTests {
    /// The diagnostics loading `json` produces, as printed.
    func problems(_ json: String) -> [String] {
        do {
            _ = try DirectoryLoader.parse(json, path: "dir.json")
            return []
        } catch let errors as InputErrors {
            return errors.diagnostics.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    /// A directory with one partner whose fields are `fields` (one per line, from line 3).
    func partner(_ fields: String) -> String {
        "{\"partners\": [\n  {\n" + fields + "\n  }\n]}\n"
    }

    let valid = """
        "id": "aid", "name": "Aid", "categories": ["housing"],
        "phones": [{"number": "+1 312 555 0100"}]
        """

    @Test func aValidPartnerLoads() throws {
        let directory = try DirectoryLoader.parse(partner(valid), path: "dir.json")
        #expect(directory.partners.map(\.id) == ["aid"])
        #expect(directory.partners[0].phones[0].number.display == "312-555-0100")
        #expect(directory.partners[0].line == 2 && directory.partners[0].column == 3)
    }

    @Test func malformedJSONPointsAtTheCharacter() {
        #expect(problems("{\n  \"partners\": [\n    {\"id\": \"a\",}\n  ]\n}") == [
            "dir.json:3:16: error: malformed JSON: trailing comma before '}'"
        ])
        #expect(problems("{\"partners\": [\n  {\"id\": 'a'}]}") == [
            "dir.json:2:10: error: malformed JSON: unexpected character ''', expected a value"
        ])
        #expect(problems("{\"partners\": [") == ["dir.json:1:15: error: malformed JSON: unexpected end of file, expected a value"])
        #expect(problems("{\"name\": \"Ñandú\" \"x\"}") == ["dir.json:1:18: error: malformed JSON: expected ',' or '}' after an object member"])
    }

    @Test func missingRequiredFields() {
        #expect(problems(partner(#"    "id": "aid", "phones": [{"number": "312-555-0100"}]"#)) == [
            "dir.json:2:3: error: partner \"aid\": missing required field \"name\"",
            "dir.json:2:3: error: partner \"aid\": missing required field \"categories\"",
        ])
        #expect(problems(partner(#"    "name": "No id", "categories": ["food"], "website": "https://example.org""#)) == [
            "dir.json:2:3: error: partner #1: missing required field \"id\""
        ])
    }

    @Test func noWayToMakeContact() {
        #expect(problems(partner(#"    "id": "aid", "name": "Aid", "categories": ["housing"]"#)) == [
            "dir.json:2:3: error: partner \"aid\": no way to make contact: give at least one of phones, website, intake_url, email or address"
        ])
        // A confidential address does not count as a way to reach the partner.
        #expect(problems(partner(#"    "id": "aid", "name": "Aid", "categories": ["housing"], "confidential_location": true, "address": {"city": "Chicago"}"#)) == [
            "dir.json:2:3: error: partner \"aid\": no way to make contact: give at least one of phones, website, intake_url, email or address"
        ])
    }

    @Test func duplicateID() {
        let json = """
            {"partners": [
              {"id": "aid", "name": "A", "categories": ["food"], "email": "a@example.org"},
              {"id": "aid", "name": "B", "categories": ["food"], "email": "b@example.org"}
            ]}
            """
        #expect(problems(json) == ["dir.json:3:3: error: partner \"aid\": duplicate id; first used at line 2"])
    }

    @Test func unknownCategorySuggestsTheNearest() {
        #expect(problems(partner(#"    "id": "aid", "name": "Aid", "categories": ["housing", "houssing", "astrology"], "email": "a@example.org""#)) == [
            "dir.json:3:59: error: partner \"aid\": categories[1]: unknown category \"houssing\" (did you mean \"housing\"?)",
            "dir.json:3:71: error: partner \"aid\": categories[2]: unknown category \"astrology\"",
        ])
    }

    @Test func aSchemaReferenceIsAllowed() throws {
        let directory = try DirectoryLoader.parse(#"{"$schema": "directory.schema.json", "partners": []}"#, path: "dir.json")
        #expect(directory.partners.isEmpty)
    }

    @Test func directoryCanAddCategories() throws {
        let json = """
            {"categories": [{"id": "tax-help", "labels": {"en": "Tax help", "es": "Ayuda con impuestos"}}],
             "partners": [{"id": "vita", "name": "Tax site", "categories": ["tax-help"], "email": "t@example.org"}]}
            """
        let directory = try DirectoryLoader.parse(json, path: "dir.json")
        #expect(directory.taxonomy.label("tax-help", language: "es") == "Ayuda con impuestos")
    }

    @Test func anAddedCategoryIDFollowsTheIDRule() {
        let json = """
            {"categories": [{"id": "../tax", "labels": {"en": "Tax help"}}],
             "partners": [{"id": "vita", "name": "Tax site", "categories": ["housing"], "email": "t@example.org"}]}
            """
        #expect(problems(json) == [
            "dir.json:1:24: error: directory: categories[0].id: \"../tax\" is not a valid category id: use lowercase letters, digits and dashes, like \"tenant-rights\""
        ])
    }

    @Test func malformedPhoneNumber() {
        #expect(problems(partner(#"    "id": "legal-aid-1", "name": "Aid", "categories": ["housing"],"# + "\n" + #"    "phones": [{"number": "+1 555"}]"#)) == [
            "dir.json:4:27: error: partner \"legal-aid-1\": phones[0].number: \"+1 555\" is not a valid phone number"
        ])
    }

    @Test(arguments: ["ftp://example.org", "javascript:alert(1)", "example.org", "https://"])
    func urlsMustBeHTTP(url: String) {
        #expect(problems(partner(#"    "id": "aid", "name": "Aid", "categories": ["food"], "website": "\#(url)""#)) == [
            "dir.json:3:68: error: partner \"aid\": website: \"\(url)\" is not an http or https URL"
        ])
    }

    @Test(arguments: ["2026-13-01", "2026-02-30", "15/09/2026", "2026-9-15"])
    func badDates(date: String) {
        #expect(problems(partner(valid + #", "last_verified": "\#(date)""#)) == [
            "dir.json:4:61: error: partner \"aid\": last_verified: \"\(date)\" is not a date (YYYY-MM-DD)"
        ])
    }

    @Test func wrongTypesAndUnknownFields() {
        #expect(problems(partner(valid + #", "languages": "es", "phone": "312-555-0100", "service_area": {"zip": ["60623"]}"#)) == [
            "dir.json:4:57: error: partner \"aid\": languages: expected an array, found a string",
            "dir.json:4:63: error: partner \"aid\": unknown field \"phone\" (did you mean \"phones\"?)",
            "dir.json:4:105: error: partner \"aid\": service_area: unknown field \"zip\" (did you mean \"zips\"?)",
        ])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let json = """
            {"partners": [
              {"id": "a", "name": "A", "categories": ["nope"], "email": "a@example.org"},
              {"id": "b", "name": "B", "categories": ["food"], "website": "ftp://x"}
            ]}
            """
        #expect(problems(json).count == 2)
    }
}

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("+1 312 555 0100", "312-555-0100", "tel:+13125550100"),
        ("(312) 555-0100", "312-555-0100", "tel:+13125550100"),
        ("1-800-799-7233", "800-799-7233", "tel:+18007997233"),
        ("312.555.0100", "312-555-0100", "tel:+13125550100"),
        ("988", "988", "tel:988"),
        ("211", "211", "tel:211"),
        ("+44 20 7946 0958", "+442079460958", "tel:+442079460958"),
        ("312-555-0100 x12", "312-555-0100 ext. 12", "tel:+13125550100;ext=12"),
        ("(312) 555-0100 ext. 4", "312-555-0100 ext. 4", "tel:+13125550100;ext=4"),
    ])
    func validNumbers(input: String, display: String, tel: String) throws {
        let number = try #require(PhoneNumber(input))
        #expect(number.display == display)
        #expect(number.telURL == tel)
    }

    @Test(arguments: ["+1 555", "555-0100", "call us", "123-456-7890", "(312 555-0100", "", "312-555-0100 ext", "x12"])
    func invalidNumbers(input: String) {
        #expect(PhoneNumber(input) == nil)
    }
}
