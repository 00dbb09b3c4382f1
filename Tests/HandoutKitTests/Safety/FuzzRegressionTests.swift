import Foundation
import Testing
@testable import HandoutKit

/// Every input the fuzzer crashed on (Fixtures/fuzz/TARGET-*), replayed the way its target in
/// Fuzz/Sources/HandoutFuzz feeds it to HandoutKit: a trap ends the test run, a thrown
/// diagnostic is the right answer. Then the diagnostics each finding now gives.
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let folder = root + "/Tests/HandoutKitTests/Fixtures/fuzz"
    static let inputs = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0 != "README.md" }.sorted()

    static func text(_ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: folder + "/" + name) ?? Data(), as: UTF8.self)
    }

    @Test func thereAreInputsToReplay() {
        #expect(Self.inputs.contains("directory-hsds-minimum-age-overflow.json"))
    }

    @Test(arguments: inputs) func replaysWithoutATrap(name: String) throws {
        let text = Self.text(name)
        switch name.prefix(while: { $0 != "-" }) {
        case "directory":
            _ = try? DirectoryLoader.parse(text, path: "fuzz.json")
        case "template":
            _ = try? HandoutTemplate.parse(text, path: "fuzz.md", id: "fuzz", language: "en")
        case "render":
            // The first line is the client's name, the rest the template.
            let name = String(text.prefix { $0 != "\n" })
            let project = Project.bundled(root: Self.root)
            let renderer = try HandoutRenderer(project: project, directory: DirectoryLoader.load(path: project.directoryPath))
            guard let template = try? HandoutTemplate.parse(String(text.dropFirst(name.count + 1)), path: "fuzz.md", id: "fuzz", language: "en") else { return }
            let request = RenderRequest(
                templateID: "fuzz", client: Client(name: name, language: "en", zip: "60623"), practice: Practice(name: name),
                location: ClientLocation(zip: "60623", county: "Cook", state: "IL"), today: Day("2026-12-01")!)
            if let handout = try? renderer.render(template, request: request) {
                #expect(!handout.html.lowercased().contains("<script"))
            }
        default:
            Issue.record("\(name): name a fuzz input after its target: directory-, template- or render-")
        }
    }

    /// HSDS is read leniently: an age that is no whole number of years is left out, with a warning.
    @Test func anHSDSAgeTooLargeForAnIntIsLeftOutWithAWarning() throws {
        let directory = try DirectoryLoader.parse(Self.text("directory-hsds-minimum-age-overflow.json"), path: "fuzz.json")
        let ages = directory.warnings.map(\.description).filter { $0.contains("age") }
        #expect(ages == [
            "fuzz.json:13:22: warning: service \"Tenant Help\": minimum_age: 1.8777777777777776e+110 is not a whole number from 0 to 130 (left out)",
        ])
        #expect(directory.partners.first?.eligibility?.minAge == nil)
    }

    /// handout's own format: the same ages are errors, at the value.
    @Test func ageIsAWholeNumberOfYears() throws {
        func problems(_ eligibility: String) -> String {
            let json = """
                {"partners": [{"id": "aid", "name": "Aid", "categories": ["housing"], "phones": [{"number": "312-555-0100"}],
                "eligibility": \(eligibility)}]}
                """
            do {
                _ = try DirectoryLoader.parse(json, path: "directory.json")
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(problems(#"{"min_age": 1e300}"#) == "directory.json:2:28: error: partner \"aid\": eligibility.min_age: 1e+300 is not a whole number from 0 to 130")
        #expect(problems(#"{"min_age": 18, "max_age": 24.5}"#) == "directory.json:2:43: error: partner \"aid\": eligibility.max_age: 24.5 is not a whole number from 0 to 130")
        #expect(problems(#"{"max_age": -1}"#) == "directory.json:2:28: error: partner \"aid\": eligibility.max_age: -1 is not a whole number from 0 to 130")
        #expect(problems(#"{"min_age": 18, "max_age": 24}"#) == "no error")
    }

    @Test func anIncomeFarOverAnyLimitIsShownNotTrapped() {
        #expect(IncomeEligibility.display(1e302) == "1000000+")
        #expect(IncomeEligibility.display(187.44) == "187.4")
        #expect(IncomeEligibility.display(200) == "200")
        #expect(HandoutContext.number(1e300) == "1e+300")
        #expect(HandoutContext.number(-3) == "-3")
    }
}
