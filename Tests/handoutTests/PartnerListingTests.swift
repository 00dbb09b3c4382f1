import Foundation
import Testing

/// A listing a client can act on: the nearest few for each need, with how far they are.
@Suite struct PartnerListingTests {
    /// 60 housing partners in one ZIP, each half a mile farther north than the one before.
    static func sixtyPartners() throws -> String {
        let partners = (1...60).map { number in
            """
              {"id": "housing-\(number)", "name": "Housing Help \(number)", "categories": ["housing"],
               "phones": [{"number": "+1 773 555 \(String(format: "%04d", number))"}],
               "address": {"street": "\(number) Example St", "city": "Chicago", "state": "IL", "zip": "60623",
                           "latitude": \(41.848 + Double(number) * 0.5 / 69.05), "longitude": -87.717},
               "service_area": {"zips": ["60623"]}, "languages": ["en", "es"], "last_verified": "2026-10-01"}
            """
        }
        let path = try temporaryFolder() + "/directory.json"
        try "{\"region\": {\"name\": \"Test\"}, \"partners\": [\n\(partners.joined(separator: ",\n"))\n]}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func listed(_ text: String) -> [String] {
        text.split(separator: "\n").filter { $0.hasPrefix("Housing Help ") }.map(String.init)
    }

    @Test func sixtyPartnersInOneZipGiveTheNearestThreeAndAllPartnersGivesSixty() throws {
        let directory = try Self.sixtyPartners()
        let base = ["render", "housing-eviction", "--directory", directory, "--zip", "60623", "--today", "2026-11-29", "--out", "-"]
        let capped = try handout(base)
        #expect(capped.status == 0)
        #expect(Self.listed(capped.stdout) == ["Housing Help 1", "Housing Help 2", "Housing Help 3"])
        #expect(capped.stdout.contains("Housing Help 2\n~~~~~~~~~~~~~~\n\n- About 1 mile away\n"))
        #expect(capped.stdout.contains("Housing Help 3\n~~~~~~~~~~~~~~\n\n- About 2 miles away\n"))
        #expect(Self.listed(try handout(base + ["--all-partners"]).stdout).count == 60)
        #expect(Self.listed(try handout(base + ["--max-partners", "5"]).stdout).count == 5)

        let list = try handout(["list", "partners", "--directory", directory, "--need", "housing", "--zip", "60623"])
        #expect(list.stdout.hasSuffix("3 kept, 57 dropped (at most 3 for each need); 60 partners in all\n"))
    }

    @Test func handoutYmlSetsTheDefaultLimit() throws {
        let project = try temporaryFolder()
        try "directory: \(try Self.sixtyPartners())\nmax_partners: 2\n".write(toFile: project + "/handout.yml", atomically: true, encoding: .utf8)
        let result = try handout(["render", "housing-eviction", "--project", project, "--zip", "60623", "--today", "2026-11-29", "--out", "-"])
        #expect(Self.listed(result.stdout) == ["Housing Help 1", "Housing Help 2"])
        try "max_partners: 0\n".write(toFile: project + "/handout.yml", atomically: true, encoding: .utf8)
        let bad = try handout(["render", "housing-eviction", "--project", project, "--out", "-"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasSuffix("handout.yml:1:15: error: max_partners must be a whole number, 1 or more\n"))
    }
}
