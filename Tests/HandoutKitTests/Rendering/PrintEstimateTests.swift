import Foundation
import Testing
@testable import HandoutKit

/// The page estimate behind `print-too-long` against Chromium's real pages.
///
/// `Fixtures/print-calibration.json` holds, for every bundled client handout printed by
/// scripts/print-check.py (ZIP 60623, the default partner cap, Lakeside Counseling), the
/// pages Chromium filled: whole pages plus how far down the last one the text ends (its
/// `page-fill.json`). After editing a handout or the print stylesheet, run print-check and
/// copy `.build-print/page-fill.json` over the fixture. `PRINT_ESTIMATE_TABLE=1` prints
/// both side by side.
@Suite struct PrintEstimateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let calibration: [String: Double] = {
        let data = FileManager.default.contents(atPath: root + "/Tests/HandoutKitTests/Fixtures/print-calibration.json") ?? Data()
        return (try? JSONDecoder().decode([String: Double].self, from: data)) ?? [:]
    }()
    /// How far the estimate may be from Chromium, in pages.
    static let tolerance = 0.1

    @Test func theEstimateFollowsChromiumOnEveryBundledClientHandout() throws {
        let project = Project.bundled(root: Self.root)
        let directory = try DirectoryLoader.load(path: project.directoryPath)
        let renderer = try HandoutRenderer(project: project, directory: directory)
        let table = try ZipTable(contentsOf: project.resourcesPath + "/zip-codes.tsv")
        let location = ClientLocation.resolve(zip: "60623", county: nil, state: nil, table: table)
        var rows: [String] = []
        var compared = 0
        for entry in TemplateLibrary(root: project.templatesPath).entries() {
            let template = try HandoutTemplate.load(path: entry.path, id: entry.id, language: entry.language)
            guard template.frontMatter.audience == .client else { continue }
            let request = RenderRequest(
                templateID: entry.id, client: Client(language: entry.language, zip: "60623"),
                practice: Practice(name: "Lakeside Counseling", phone: PhoneNumber("+1 312 555 0100")), location: location,
                today: Day("2026-12-01")!, partnerLimit: PartnerSelection.defaultLimit)
            for estimate in try renderer.printEstimates(template, request: request) {
                let key = "\(entry.id).\(entry.language).\(estimate.paper == .letter ? "letter" : "a4")"
                let chromium = try #require(Self.calibration[key], "no Chromium figure for \(key): run scripts/print-check.py")
                rows.append("\(key)\t\(String(format: "%.2f", estimate.pages))\t\(chromium)")
                #expect(abs(estimate.pages - chromium) <= Self.tolerance, "\(key): estimated \(estimate.pages) pages, Chromium \(chromium)")
                #expect(estimate.sheets <= PrintEstimate.maximumPages, "\(key)")
                compared += 1
            }
        }
        #expect(compared == Self.calibration.count)
        if ProcessInfo.processInfo.environment["PRINT_ESTIMATE_TABLE"] == "1" {
            print((["handout\testimate\tchromium"] + rows).joined(separator: "\n"))
        }
    }

    @Test func aLongTextTakesMorePagesOnLetterThanOnA4() throws {
        let paragraph = "Call the legal aid office today and ask about your rights. " + String(repeating: "Bring every letter you got. ", count: 8)
        let body = MarkdownDocument(markdown: Array(repeating: "## A heading\n\n" + paragraph + "\n\n" + paragraph, count: 30).joined(separator: "\n\n")).root
        let header = MarkdownDocument(markdown: "# A long handout\n\nWhat it is for.\n").root
        let letter = PrintEstimate(header: header, callFirst: nil, body: body, paper: .letter)
        let a4 = PrintEstimate(header: header, callFirst: nil, body: body, paper: .a4)
        #expect(letter.sheets > PrintEstimate.maximumPages)
        #expect(letter.pages > a4.pages)
        // Twice the text, about twice the pages.
        let double = MarkdownDocument(markdown: Array(repeating: "## A heading\n\n" + paragraph + "\n\n" + paragraph, count: 60).joined(separator: "\n\n")).root
        let twice = PrintEstimate(header: header, callFirst: nil, body: double, paper: .letter)
        #expect(abs(twice.pages / letter.pages - 2) < 0.1)
    }

    @Test func wordsWrapAtArialWidths() {
        var words = Words()
        // "m" is 833/1000 of an em: twelve of them at 10 pt take 99.96 pt.
        words.add("mmmmmmmmmmmm mmmmmmmmmmmm", size: 10, bold: false)
        #expect(words.lineCount(width: 100) == 2)
        #expect(words.lineCount(width: 203) == 1)
        // A web address longer than the line breaks anywhere.
        var address = Words()
        address.add(String(repeating: "m", count: 30), size: 10, bold: false)
        #expect(address.lineCount(width: 100) == 3)
    }
}
