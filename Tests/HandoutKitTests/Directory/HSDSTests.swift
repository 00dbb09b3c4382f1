import Foundation
import Testing
@testable import HandoutKit

/// Open Referral HSDS 3.0 in and out: the official examples, messy data, malformed data,
/// and a round trip of the bundled directory that keeps every field HSDS can hold.
@Suite struct HSDSTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = root + "/Tests/HandoutKitTests/Fixtures"
    static let examples = fixtures + "/hsds-3.0/examples"

    func messages(_ directory: Directory) -> [String] {
        directory.warnings.map { $0.description.replacingOccurrences(of: Self.fixtures + "/", with: "") }
    }

    @Test(arguments: ["service_full.json", "service_list.json", "organization_full.json", "service_at_location_full.json"])
    func eachOfficialExampleWithAServiceImportsToOnePartner(file: String) throws {
        let directory = try DirectoryLoader.load(path: Self.examples + "/" + file)
        #expect(directory.format == .hsds)
        let partner = try #require(directory.partners.first)
        #expect(directory.partners.count == 1)
        #expect(partner.id == "example-organization-inc-community-counselling")
        #expect(partner.name == "Example Organization Inc. — Community Counselling")
        #expect(partner.website == "http://example.com/counselling")
        #expect(partner.email == "email@example.com")
        #expect(partner.active)
        #expect(partner.categories.isEmpty)
        #expect(partner.eligibility?.minAge == 12 && partner.eligibility?.maxAge == 100)
        #expect(partner.eligibility?.notes?.primary.hasPrefix("This service is intended for all people aged 12") == true)
        #expect(partner.fees?.primary.hasPrefix("Non-NHS patients are expected to pay") == true)
        #expect(partner.alert?.primary.hasPrefix("Following COVID-19") == true)
        #expect(partner.lastVerified == Day("2005-01-01"))
        #expect(partner.interpretation)
        if file == "service_list.json" {
            #expect(partner.phones.isEmpty && partner.schedule.isEmpty && partner.address == nil)
            return
        }
        // The example's number is quoted inside its string: "\"+44 1234 234567\"".
        #expect(partner.phones.map(\.number.display) == ["+441234234567 ext. 100"])
        #expect(partner.phones.map(\.kind) == [.voice])
        #expect(partner.languages == ["ur"])
        #expect(partner.schedule == [Opening(days: [.thursday, .friday], opens: TimeOfDay("10:00")!, closes: TimeOfDay("18:00")!)])
        #expect(partner.hours?.primary.hasPrefix("The service is available from 10 am to 6pm weekdays.") == true)
        #expect(partner.whatToBring.count == 1)
        // Latitude 100, state "MyState" and postal code "ABC 1234" are left out with warnings.
        #expect(partner.address == Partner.Address(street: "1-30 Main Street, MyVillage", city: "MyCity", state: nil, zip: nil, coordinate: nil))
        #expect(partner.serviceArea == Partner.ServiceArea())
    }

    @Test func theServiceExampleWarnsAboutWhatItLeavesOut() throws {
        let directory = try DirectoryLoader.load(path: Self.examples + "/service_full.json")
        #expect(messages(directory) == [
            #"hsds-3.0/examples/service_full.json:1:1: warning: service "Community Counselling": no category (no mapping for "name"): map its terms to categories in a taxonomy mapping file (handout.yml taxonomy_map), or it is offered for no need"#,
            #"hsds-3.0/examples/service_full.json:67:15: warning: service "Community Counselling": service_areas[0].name: "The service is available to all residents of the MyCity area. We provide the service in our offices or via video conferencing to any who can provide evidence of their residency." is not a ZIP code, county or state handout can match (left out)"#,
            #"hsds-3.0/examples/service_full.json:153:21: warning: service "Community Counselling": service_at_locations[0].location.latitude: 100, 101 is not a place on Earth (left out)"#,
            #"hsds-3.0/examples/service_full.json:173:31: warning: service "Community Counselling": service_at_locations[0].location.addresses[0].state_province: "MyState" is not a US state (left out)"#,
            #"hsds-3.0/examples/service_full.json:174:28: warning: service "Community Counselling": service_at_locations[0].location.addresses[0].postal_code: "ABC 1234" is not a US ZIP code (left out)"#,
        ])
    }

    @Test func aTaxonomyMappingGivesTheExampleItsCategory() throws {
        let mapping = NSTemporaryDirectory() + "map-\(UUID().uuidString).yml"
        try "# the example's term\ncode: mental-health\n".write(toFile: mapping, atomically: true, encoding: .utf8)
        let directory = try DirectoryLoader.load(path: Self.examples + "/service_full.json", taxonomyMap: try TaxonomyMap.load(path: mapping))
        #expect(directory.partners.first?.categories == ["mental-health"])
        try "code: mental-helth\n\"\": food\n".write(toFile: mapping, atomically: true, encoding: .utf8)
        #expect(throws: InputErrors.self) { try TaxonomyMap.load(path: mapping, displayPath: "map.yml") }
        do { _ = try TaxonomyMap.load(path: mapping, displayPath: "map.yml") } catch let errors as InputErrors {
            #expect(errors.description == """
                map.yml:1:7: error: unknown category "mental-helth" (did you mean "mental-health"?)
                map.yml:2:1: error: a key must be a taxonomy code or term
                """)
        }
    }

    @Test func commonTermsMapByCodePrefixAndName() {
        let map = TaxonomyMap.common
        #expect(map.category(code: "BH-1800.8500", name: "Whatever") == "housing")
        #expect(map.category(code: nil, name: "Eviction Prevention") == "housing")
        #expect(map.category(code: "xx", name: "Domestic Violence") == "family-safety")
        #expect(map.category(code: "ZZ-1", name: "Astrology") == nil)
    }

    @Test func organizationsWithoutServicesAndLoneLocationsGiveNoPartners() throws {
        let organizations = try DirectoryLoader.load(path: Self.examples + "/organization_list.json")
        #expect(organizations.partners.isEmpty)
        #expect(messages(organizations) == [
            #"hsds-3.0/examples/organization_list.json:10:5: note: organization "Example Organization Inc." lists no services: no partner is read from it"#,
        ])
        let location = try DirectoryLoader.load(path: Self.examples + "/location.json")
        #expect(location.partners.isEmpty && location.warnings.count == 1)
    }

    @Test func messyDataImportsWithWarningsNotErrors() throws {
        let directory = try DirectoryLoader.load(path: Self.fixtures + "/hsds-messy/messy.json")
        #expect(directory.partners.map(\.id) == ["tenant-help", "closed-service", "texty"])
        let tenant = directory.partners[0]
        #expect(tenant.categories == ["housing"])
        #expect(tenant.phones.map(\.number.display) == ["773-555-0142 ext. 12"])
        #expect(tenant.eligibility?.minAge == 18)
        #expect(tenant.serviceArea.counties == ["Cook, IL"] && tenant.serviceArea.zips == ["60623"])
        #expect(tenant.address == Partner.Address(street: "1 Example St", city: "Chicago", state: "IL", zip: "60623",
            coordinate: Coordinate(latitude: 41.85, longitude: -87.71)))
        #expect(!directory.partners[1].active)
        let texty = directory.partners[2]
        #expect(texty.phones.map(\.kind) == [.text] && texty.website == nil && texty.languages == ["es"])
        #expect(texty.schedule == [Opening(days: [.monday, .wednesday], opens: TimeOfDay("09:00")!, closes: TimeOfDay("13:00")!)])
        let file = "hsds-messy/messy.json"
        #expect(messages(directory) == [
            #"\#(file):11:21: warning: service "Tenant Help": phones[1].number: "n/a" is not a phone number handout can dial (left out)"#,
            #"\#(file):17:87: warning: service "Tenant Help": service_areas[2].name: "Greater Westside" is not a ZIP code, county or state handout can match (left out)"#,
            #"\#(file):19:7: warning: service "Tenant Help": unknown field "favourite_colour" (left out)"#,
            #"\#(file):35:5: note: service "Closed Service": status "defunct": left out of handouts"#,
            #"\#(file):35:5: warning: service "Closed Service": no category (it has no taxonomy terms): map its terms to categories in a taxonomy mapping file (handout.yml taxonomy_map), or it is offered for no need"#,
            #"\#(file):36:5: warning: service "Nowhere": no way to make contact: no phone, url, email or address (left out)"#,
            #"\#(file):37:5: warning: service "Texty": no category (it has no taxonomy terms): map its terms to categories in a taxonomy mapping file (handout.yml taxonomy_map), or it is offered for no need"#,
            #"\#(file):40:14: warning: service "Texty": url: "ftp://example.org" is not an http or https URL (left out)"#,
            #"\#(file):42:99: warning: service "Texty": schedules[1].byday: "XX" is not a day (MO, TU, WE, TH, FR, SA, SU) (left out)"#,
        ])
    }

    @Test func malformedHSDSGetsPreciseErrors() throws {
        func problems(_ text: String) -> [String] {
            do {
                _ = try DirectoryLoader.parse(text, path: "hsds.json")
                return []
            } catch let errors as InputErrors {
                return errors.diagnostics.filter { $0.level == .error }.map(\.description)
            } catch { return ["\(error)"] }
        }
        #expect(problems(#"{"contents": [{"name": "A", "status": "active",}]}"#) == ["hsds.json:1:48: error: malformed JSON: trailing comma before '}'"])
        #expect(problems("{\"contents\": [\n  42,\n  {\"status\": \"active\", \"url\": \"https://example.org\"}\n]}") == [
            "hsds.json:2:3: error: service #1: expected an object, found a number",
            "hsds.json:3:3: error: service #2: missing required field \"name\"",
        ])
        #expect(problems(#"{"name": "A", "organization": {"name": "B"}, "service_at_locations": 7, "url": "https://example.org"}"#).isEmpty)
    }

    /// Every field HSDS can hold survives handout → HSDS → handout: all but the translations
    /// (HSDS has one language a text), the region name and a confidential location's address.
    @Test func aRoundTripKeepsEveryFieldHSDSCanHold() throws {
        let original = try DirectoryLoader.load(path: Self.root + "/Resources/directory.json")
        let output = DirectoryWriter.write(original, as: .hsds)
        #expect(output.notes == [
            "HSDS 3.0 holds one language per text: the es versions of 75 texts are left out",
            "HSDS 3.0 has no field for the directory's region name: left out",
        ])
        let back = try DirectoryLoader.parse(output.text, path: "back.json")
        #expect(back.warnings.isEmpty)
        #expect(back.partners.count == original.partners.count)
        for (before, after) in zip(original.partners, back.partners) {
            #expect(Self.holdable(before) == Self.holdable(after), "\(before.id)")
        }
        // Repeatable: the same ids, the same bytes.
        #expect(DirectoryWriter.write(original, as: .hsds).text == output.text)
        #expect(output.text.contains(#""id": "e0dd48a5-9511-51cc-b272-13ac8d43d946""#))  // uuid5(namespace, "partner/westside-tenant-law")
        // And back to handout's format reads as it was written.
        let handoutText = DirectoryWriter.write(back, as: .handout).text
        let again = try DirectoryLoader.parse(handoutText, path: "again.json")
        #expect(again.partners.map(Self.holdable) == back.partners.map(Self.holdable))
    }

    /// A partner's fields as HSDS holds them: each text in its directory language.
    static func holdable(_ partner: Partner) -> [String] {
        func text(_ value: LocalizedText?) -> String { value?.primary ?? "-" }
        let eligibility = partner.eligibility.flatMap { e in
            e.maxIncomeFPLPercent == nil && e.minAge == nil && e.maxAge == nil && e.notes == nil ? nil : e
        }
        return [
            partner.id, partner.name, partner.categories.joined(separator: ","), text(partner.description),
            partner.phones.map { "\($0.number.display) \($0.kind) \(text($0.label))" }.joined(separator: "; "),
            partner.website ?? "-", partner.intakeURL ?? "-", partner.email ?? "-",
            partner.confidentialLocation ? "confidential" : String(describing: partner.address),
            String(describing: partner.serviceArea), partner.languages.joined(separator: ","), String(partner.interpretation),
            String(describing: partner.schedule), text(partner.hours), text(partner.fees),
            eligibility.map { "\(String(describing: $0.maxIncomeFPLPercent)) \(String(describing: $0.minAge)) \(String(describing: $0.maxAge)) \(text($0.notes))" } ?? "-",
            text(partner.alert), partner.whatToBring.map(\.primary).joined(separator: "; "),
            partner.lastVerified?.description ?? "-", String(partner.active),
        ]
    }

    @Test func theConvertedExampleValidatesAgainstTheHSDSServiceSchema() throws {
        let original = try DirectoryLoader.load(path: Self.root + "/Resources/directory.json")
        let path = NSTemporaryDirectory() + "bundled-\(UUID().uuidString).hsds.json"
        try DirectoryWriter.write(original, as: .hsds).text.write(toFile: path, atomically: true, encoding: .utf8)
        let (status, printed) = try runPythonScript([Self.root + "/scripts/validate-hsds.py", Self.fixtures + "/hsds-3.0/schema/service.json", path])
        #expect(status == 0, "\(printed)")
        #expect(printed == "ok: \(path) (23 services)\n")
    }

    @Test func aConfidentialAddressIsNeverWritten() throws {
        let shelter = try DirectoryLoader.parse("""
            {"partners": [{"id": "shelter", "name": "Shelter", "categories": ["family-safety"], "phones": [{"number": "312-555-0150"}],
              "address": {"street": "9 Hidden Lane", "city": "Chicago", "state": "IL", "zip": "60623", "latitude": 41.8, "longitude": -87.7},
              "confidential_location": true}]}
            """, path: "dir.json")
        let output = DirectoryWriter.write(shelter, as: .hsds)
        #expect(!output.text.contains("Hidden") && !output.text.contains("41.8") && !output.text.contains("60623"))
        #expect(output.notes == ["partner \"shelter\": a confidential location's address is never written"])
        #expect(try DirectoryLoader.parse(output.text, path: "back.json").partners.first?.confidentialLocation == true)
    }

    @Test func nameBasedUUIDsMatchRFC9562() {
        // Python: uuid.uuid5(UUID("5b0e6a34-9c1d-4f3a-8e52-2761d40b9f13"), "partner/westside-tenant-law")
        #expect(NameBasedUUID.make("partner/westside-tenant-law") == "e0dd48a5-9511-51cc-b272-13ac8d43d946")
        #expect(SHA1.hash(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined() == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }
}
