import Foundation
import Testing
@testable import HandoutKit

/// `print-too-long` renders a handout once per distinct listing, not once per county: a
/// directory of many counties must not make `check` (and every site build) many times slower.
@Suite struct PrintLengthCheckTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    func renders(areas names: [String]) throws -> (renders: Int, clientTemplates: Int) {
        let loaded = LoadedProject.load(try Project.load(folder: Self.root, bundledRoot: Self.root))
        let renderer = try #require(loaded.renderer())
        let areas = names.map { Coverage.Area(name: $0, line: 1, column: 1) }
        let check = PrintLengthCheck(renderer: renderer, project: loaded.project, today: Day("2026-11-29")!, areas: areas)
        let log = FindingLog()
        let renders = check.run(loaded.templates, log: log)
        #expect(log.findings.isEmpty)
        return (renders, loaded.templates.filter { $0.frontMatter.audience == .client }.count)
    }

    @Test func countiesThatGiveTheSameListingAreRenderedOnce() throws {
        // No bundled partner serves a county of the state "ZZ": every one of them is offered
        // the same remote partners, so the same page.
        let one = try renders(areas: ["County 1, ZZ"])
        let many = try renders(areas: (1...40).map { "County \($0), ZZ" })
        #expect(one.clientTemplates > 0)
        #expect(one.renders == one.clientTemplates)
        #expect(many.renders == one.renders)
        // Another state's statewide partners make another listing, rendered once more.
        let twoStates = try renders(areas: (1...40).map { "County \($0), ZZ" } + ["Cook, IL", "Lake, IL"])
        #expect(twoStates.renders > many.renders && twoStates.renders <= 3 * many.renders)
    }

    @Test func placesInOneStateAreRenderedOnceWhateverTheirListings() throws {
        // Cook and Lake counties are offered different partners; only the listing with the
        // most to print is rendered.
        let illinois = try renders(areas: ["Cook, IL", "Lake, IL", "DuPage, IL", "Will, IL"])
        #expect(illinois.renders == illinois.clientTemplates)
    }

    @Test func theListingWithMoreToPrintWeighsMore() throws {
        let loaded = LoadedProject.load(try Project.load(folder: Self.root, bundledRoot: Self.root))
        let partners = try #require(loaded.directory?.partners)
        let all = PartnerOffer(offered: partners.map { PartnerMatch(partner: $0, area: .unchecked, language: .unchecked, categories: $0.categories, proximity: .unknown) })
        let fewer = PartnerOffer(offered: Array(all.offered.dropLast()))
        #expect(PrintLengthCheck.listingWeight(all, language: "en") > PrintLengthCheck.listingWeight(fewer, language: "en"))
        #expect(PrintLengthCheck.listingWeight(PartnerOffer(offered: []), language: "en") == 0)
    }
}
