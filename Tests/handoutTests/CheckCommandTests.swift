import Foundation
import Testing

@Suite struct CheckCommandTests {
    let fixture = Paths.fixtures + "/check-project"

    func check(_ arguments: [String], in folder: String? = nil) throws -> CommandResult {
        try handout(["check", "--today", "2026-11-29"] + arguments, in: folder ?? fixture)
    }

    @Test func oneOfEachFindingAsText() throws {
        let result = try check(["--coverage"])
        #expect(result.status == 1)
        #expect(result.stderr == "")
        try expectGolden(result.stdout, "check.txt")
    }

    @Test func asJSON() throws {
        let result = try check(["--format", "json"])
        #expect(result.status == 1)
        try expectGolden(result.stdout, "check.json")
    }

    @Test func asSARIFThatValidatesAgainstTheSchema() throws {
        let result = try check(["--format", "sarif"])
        #expect(result.status == 1)
        try expectGolden(result.stdout, "check.sarif")
        let file = try temporaryFolder() + "/check.sarif"
        try result.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let validation = Process()
        validation.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validation.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft4Validator(schema).validate(json.load(open(sys.argv[2])))
            print("valid")
            """, Paths.fixtures + "/sarif/sarif-2.1.0.json", file]
        let output = Pipe()
        validation.standardOutput = output
        validation.standardError = output
        try validation.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        validation.waitUntilExit()
        #expect(printed == "valid\n")
    }

    @Test func theBundledLibraryAndDirectoryPassStrictWithoutAWarning() throws {
        let result = try check(["--strict"], in: NSTemporaryDirectory())
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("\n0 errors, 0 warnings, \(result.stdout.split(separator: "\n").count - 1) notes\n"))
        // The default directory has no finding at all, not even a note.
        #expect(!result.stdout.contains("Resources/directory.json"))
        #expect(result.stdout.split(separator: "\n").dropLast().allSatisfy { $0.hasSuffix("[passive-voice]") })
    }

    /// The page count is `PrintEstimate`'s (no browser runs); the bundled handouts, which
    /// fit on two pages in Chromium, have no such finding (the test above).
    @Test func aHandoutTooLongForTwoPagesIsAFindingWithItsPageCount() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/Templates/en", withIntermediateDirectories: true)
        try "title: Long\ntemplates: Templates\nlanguages: [en]\n".write(toFile: folder + "/handout.yml", atomically: true, encoding: .utf8)
        let step = "Call the legal aid office today. Ask them what your rights are. Bring every letter you got from your landlord. Write down the date on each letter. Keep a copy of each paper you send."
        func write(steps count: Int) throws {
            let steps = (1...count).map { "## Step \($0): what to do\n\n\(step)" }.joined(separator: "\n\n")
            try """
                ---
                title: A long handout
                summary: What to do about a notice, step by step.
                topics: [housing]
                audience: client
                reading_level: 6
                reviewed: 2026-11-01
                sources:
                  - "Nowhere: a test"
                ---
                You can get help.

                1. Read this.
                2. Call us.

                \(steps)

                {{> partners}}

                """.write(toFile: folder + "/Templates/en/long.md", atomically: true, encoding: .utf8)
        }
        try write(steps: 30)
        let result = try check([], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == """
            Templates/en/long.md:1:1: warning: handout "long" prints on about 3 pages on US Letter and 3 on A4 for a client in El Paso, TX \
            (estimated; a client handout should fit on 2 pages): shorten it, or split it in two [print-too-long]
            0 errors, 1 warning, 0 notes

            """)
        // Half as long, it fits.
        try write(steps: 15)
        #expect(try check(["--strict"], in: folder).stdout == "0 errors, 0 warnings, 0 notes\n")
    }

    @Test func warningsFailOnlyUnderStrict() throws {
        let root = Paths.packageRoot
        let relaxed = try check(["--directory", root + "/Resources/directory-problems.json"], in: NSTemporaryDirectory())
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("warning: partner \"old-town-tenant-clinic\": last verified 2024-06-01, 911 days ago (more than 365): call them, check every field, and update last_verified [stale-listing]"))
        let strict = try check(["--strict", "--directory", root + "/Resources/directory-problems.json"], in: NSTemporaryDirectory())
        #expect(strict.status == 1)
    }

    @Test func aBadProjectFileIsAFindingWithItsLine() throws {
        let result = try check([], in: Paths.fixtures + "/bad-project")
        #expect(result.status == 1)
        #expect(result.stdout == """
            handout.yml:3:1: error: unknown key "directroy" (did you mean "directory"?) [project-config]
            1 error, 0 warnings, 0 notes

            """)
    }

    @Test func anInvalidDirectoryIsAFindingWithItsPosition() throws {
        let result = try check(["--directory", "../bad/bad-phone.json"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("../bad/bad-phone.json:4:30: error: partner \"legal-aid-1\": phones[0].number: \"+1 555\" is not a valid phone number [directory-invalid]\n"))
        // Without a directory there is nothing to check coverage or staleness against.
        #expect(!result.stdout.contains("[stale-listing]") && !result.stdout.contains("[coverage-gap]"))
    }

    @Test func coverageAsJSONIsOneJSONDocumentWithTheTableInside() throws {
        let result = try check(["--coverage", "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let coverage = try #require(object["coverage"] as? [String: Any])
        #expect(coverage["areas"] as? [String] == ["Cook, IL", "El Paso, TX"])
        let categories = try #require(coverage["categories"] as? [String])
        let counts = try #require(coverage["counts"] as? [[Int]])
        #expect(counts.count == categories.count && counts.allSatisfy { $0.count == 2 })
        #expect(categories == ["housing", "food", "employment"] && counts == [[1, 1], [1, 0], [0, 0]])
        // Beside SARIF the table goes to standard error, so standard output stays SARIF.
        let sarif = try check(["--coverage", "--format", "sarif"])
        #expect(sarif.stderr.hasPrefix("CATEGORY "))
        #expect(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) is [String: Any])
    }

    @Test func checkWritesNothing() throws {
        let before = try FileManager.default.subpathsOfDirectory(atPath: fixture).sorted()
        _ = try check(["--format", "sarif"])
        #expect(try FileManager.default.subpathsOfDirectory(atPath: fixture).sorted() == before)
    }
}
