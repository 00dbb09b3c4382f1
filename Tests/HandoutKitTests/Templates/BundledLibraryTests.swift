import Foundation
import Testing
@testable import HandoutKit

/// The handouts that ship in Templates/: each must load, carry its front matter and
/// sources, match its translation, and render in both languages with the example directory.
@Suite struct BundledLibraryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let library = TemplateLibrary(root: root + "/Templates")
    static let ids = Array(Set(library.entries().map(\.id))).sorted()

    func load(_ id: String, _ language: String) throws -> HandoutTemplate {
        let entry = try #require(Self.library.locate(id: id, language: language))
        return try HandoutTemplate.load(path: entry.path, id: id, language: entry.language)
    }

    @Test func theLibraryIsComplete() {
        #expect(Self.ids.count == 20)
    }

    @Test(arguments: ids)
    func everyTemplateIsWellFormed(id: String) throws {
        let english = try load(id, "en")
        let matter = english.frontMatter
        #expect(english.warnings.isEmpty)
        #expect(!matter.sources.isEmpty)
        #expect(!matter.checked.isEmpty, "say in the front matter what was checked")
        #expect(matter.topics.allSatisfy(Taxonomy.builtIn.contains))
        #expect(matter.reviewed != nil && matter.summary != nil)
        if matter.audience == .client {
            let spanish = try load(id, "es")
            #expect(spanish.language == "es", "client handouts ship in Spanish too")
            #expect(spanish.frontMatter.topics == matter.topics)
            #expect(spanish.frontMatter.audience == matter.audience)
            #expect(spanish.warnings.isEmpty)
        }
    }

    @Test(arguments: ids)
    func everyTemplateRendersInBothLanguages(id: String) throws {
        let project = Project.bundled(root: Self.root)
        let directory = try DirectoryLoader.load(path: project.directoryPath)
        let renderer = try HandoutRenderer(project: project, directory: directory)
        let table = try ZipTable(contentsOf: project.resourcesPath + "/zip-codes.tsv")
        for (language, zip) in [("en", "60623"), ("es", "79901")] {
            let handout = try renderer.render(RenderRequest(
                templateID: id, client: Client(name: "Ana", language: language, zip: zip),
                location: ClientLocation.resolve(zip: zip, county: nil, state: nil, table: table),
                today: Day("2026-11-29")!))
            #expect(handout.html.contains("<html lang=\""))
            #expect(!handout.partners.isEmpty, "\(id) in \(language) lists no partner")
            #expect(!handout.text.contains("{{") && !handout.html.contains("{{"))
            #expect(!handout.html.contains("raw HTML omitted"))
        }
    }
}
