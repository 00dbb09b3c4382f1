import Testing

/// Each kind of bad directory, through the command line: the exact message and exit status.
@Suite struct DirectoryErrorTests {
    @Test(arguments: [
        ("malformed.json", "malformed.json:3:31: error: malformed JSON: trailing comma before '}'"),
        ("missing-name.json", "missing-name.json:3:5: error: partner \"aid\": missing required field \"name\""),
        ("no-contact.json", "no-contact.json:3:5: error: partner \"aid\": no way to make contact: give at least one of phones, website, intake_url, email or address"),
        ("duplicate-id.json", "duplicate-id.json:4:5: error: partner \"aid\": duplicate id; first used at line 3"),
        ("unknown-category.json", "unknown-category.json:3:48: error: partner \"aid\": categories[0]: unknown category \"housng\" (did you mean \"housing\"?)"),
        ("bad-phone.json", "bad-phone.json:4:30: error: partner \"legal-aid-1\": phones[0].number: \"+1 555\" is not a valid phone number"),
        ("bad-url.json", "bad-url.json:3:71: error: partner \"aid\": website: \"ftp://example.org/files\" is not an http or https URL"),
        ("bad-date.json", "bad-date.json:4:24: error: partner \"aid\": last_verified: \"2026-02-30\" is not a date (YYYY-MM-DD)"),
    ])
    func badDirectory(file: String, message: String) throws {
        let bad = Paths.fixtures + "/bad"
        for command in [["list", "partners"], ["render", "eviction", "--project", Paths.fixtures + "/clinic", "--out", "-"]] {
            let result = try handout(command + ["--directory", file], in: bad)
            #expect(result.status == 1)
            #expect(result.stderr == message + "\n")
            #expect(result.stdout == "")
        }
    }

    @Test func aMissingDirectoryFile() throws {
        let result = try handout(["list", "partners", "--directory", "nowhere.json"], in: Paths.fixtures)
        #expect(result.status == 1)
        #expect(result.stderr == "nowhere.json: error: cannot read the partner directory\n")
    }
}

@Suite struct UsageErrorTests {
    @Test(arguments: [
        (["render", "eviction", "--zip", "6062"], "Error: --zip must be a 5-digit ZIP code"),
        (["render", "eviction", "--lang", "Spanish"], "Error: --lang must be a language code: use a BCP 47 tag like \"en\", \"es\" or \"es-419\""),
        (["render", "eviction", "--lang", "../es"], "Error: --lang must be a language code: use a BCP 47 tag like \"en\", \"es\" or \"es-419\""),
        (["render", "eviction", "--today", "tomorrow"], "Error: --today must be a date written YYYY-MM-DD"),
        (["render", "eviction", "--need", "housng"], "Error: --need: unknown category \"housng\" (did you mean \"housing\"?)"),
        (["render", "eviction", "--practice-phone", "12"], "Error: --practice-phone is not a valid phone number"),
        (["render", "eviction", "--practice-website", "https://"], "Error: --practice-website must be an http or https address, like https://example.org"),
        (["render"], "Error: Missing expected argument '<template-id>'"),
        (["list", "partners", "--format", "xml"], "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'table' and 'json'."),
    ])
    func usageErrorsExit64(arguments: [String], firstLine: String) throws {
        let result = try handout(arguments + ["--project", Paths.fixtures + "/clinic"])
        #expect(result.status == 64)
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == firstLine)
    }
}
