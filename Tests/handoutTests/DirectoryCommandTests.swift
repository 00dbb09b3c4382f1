import Foundation
import Testing

/// `handout directory convert` and `validate`, and an HSDS directory through the one pipeline.
@Suite struct DirectoryCommandTests {
    static let messy = Paths.packageRoot + "/Tests/HandoutKitTests/Fixtures/hsds-messy/messy.json"
    static let example = Paths.packageRoot + "/Tests/HandoutKitTests/Fixtures/hsds-3.0/examples/service_full.json"

    @Test func validateReportsEveryProblemAtOnce() throws {
        let folder = try temporaryFolder()
        try "{\"partners\": [\n  {\"id\": \"A b\", \"name\": \"\", \"categories\": [\"housng\"], \"email\": \"nope\"}\n]}\n"
            .write(toFile: folder + "/dir.json", atomically: true, encoding: .utf8)
        let bad = try handout(["directory", "validate", "dir.json"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.stdout == "")
        #expect(bad.stderr == """
            dir.json:2:10: error: partner "A b": id: "A b" is not a valid partner id: use lowercase letters, digits and dashes, like "legal-aid-housing"
            dir.json:2:25: error: partner "A b": name: must not be empty
            dir.json:2:44: error: partner "A b": categories[0]: unknown category "housng" (did you mean "housing"?)
            dir.json:2:64: error: partner "A b": email: "nope" is not an email address

            """)

        let messy = try handout(["directory", "validate", Self.messy])
        #expect(messy.status == 0)
        #expect(messy.stdout == "\(Self.messy): Open Referral HSDS 3.0, 3 partners, 8 warnings\n")
        #expect(messy.stderr.split(separator: "\n").count == 9)
    }

    @Test func convertBothWaysIsRepeatable() throws {
        let folder = try temporaryFolder()
        let first = try handout(["directory", "convert", "Resources/directory.json", "--to", "hsds", "--out", folder + "/a.json"])
        #expect(first.status == 0)
        #expect(first.stdout == "wrote \(folder)/a.json: 23 partners\n")
        #expect(first.stderr == """
            Resources/directory.json: note: HSDS 3.0 holds one language per text: the es versions of 75 texts are left out
            Resources/directory.json: note: HSDS 3.0 has no field for the directory's region name: left out

            """)
        _ = try handout(["directory", "convert", "Resources/directory.json", "--to", "hsds", "--out", folder + "/b.json"])
        #expect(try read(folder + "/a.json") == read(folder + "/b.json"))
        let back = try handout(["directory", "convert", folder + "/a.json", "--to", "handout"])
        #expect(back.status == 0 && back.stderr == "")
        #expect(back.stdout.hasPrefix("{\n  \"partners\": [\n    {\n      \"id\": \"westside-tenant-law\",\n      \"name\": \"Westside Tenant Law Project\",\n"))
    }

    @Test func anHSDSDirectoryRendersThroughTheSamePipeline() throws {
        let folder = try temporaryFolder()
        try "code: mental-health\n".write(toFile: folder + "/terms.yml", atomically: true, encoding: .utf8)
        let result = try handout(["list", "partners", "--directory", Self.example, "--taxonomy-map", folder + "/terms.yml", "--need", "mental-health"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("1     example-organization-inc-community-counselling  Example Organization Inc. — Community Counselling  -         -     -         2005-01-01  kept\n"))
        // What the import left out is said once, as warnings, on standard error.
        #expect(result.stderr.split(separator: "\n").count == 4)
    }
}
