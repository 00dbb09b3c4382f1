import Foundation
import Testing
@testable import HandoutKit

/// A handout never mixes languages silently: every partner text is in the handout's language
/// or marked with the language it is in.
@Suite struct PartnerLanguageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Whitespace as one space, so texts compare across the 72-column wrapping.
    static func flat(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The clinic fixture mixes translated and English-only texts; the bundled directory is
    /// translated throughout.
    @Test(arguments: ["Tests/handoutTests/Fixtures/clinic", ""])
    func aSpanishHandoutHasNoUnmarkedEnglishPartnerText(folder: String) throws {
        let project = try Project.load(folder: Self.root + "/" + folder, bundledRoot: Self.root)
        let directory = try DirectoryLoader.load(path: project.directoryPath)
        let renderer = try HandoutRenderer(project: project, directory: directory)
        let template = folder.isEmpty ? "housing-eviction" : "eviction"
        let handout = try renderer.render(RenderRequest(
            templateID: template, client: Client(language: "es"), today: Day("2026-11-29")!, partnerLimit: nil))
        let text = Self.flat(handout.text)
        #expect(!handout.partners.isEmpty)
        var marked = 0
        for match in handout.partners {
            for item in match.partner.clientTexts {
                let english = Self.flat(item.resolve("en").text)
                if let spanish = item.texts["es"] {
                    #expect(text.contains(Self.flat(spanish)))
                    #expect(!text.contains(english) || english == Self.flat(spanish), "unmarked English: \(english)")
                } else {
                    #expect(text.contains(english + " (en inglés)") || text.contains(english + ", en inglés"), "not marked: \(english)")
                    marked += 1
                }
            }
        }
        #expect(folder.isEmpty ? marked == 0 : marked == 4)
    }

    @Test func hoursAreToldInWordsInTheHandoutsLanguage() {
        let openings = [
            Opening(days: [.monday, .tuesday, .wednesday, .thursday, .friday], opens: TimeOfDay("09:00")!, closes: TimeOfDay("17:00")!),
            Opening(days: [.saturday], opens: TimeOfDay("10:00")!, closes: TimeOfDay("12:00")!),
            Opening(days: [.tuesday, .thursday], opens: TimeOfDay("17:30")!, closes: TimeOfDay("19:00")!),
            Opening(days: [.sunday], opens: TimeOfDay("10:00")!, closes: TimeOfDay("12:00")!),
        ]
        #expect(Self.flat(Strings(language: "en").hours(openings))
            == "Monday to Friday, 9 a.m. to 5 p.m.; Saturday and Sunday, 10 a.m. to noon; Tuesday and Thursday, 5:30 p.m. to 7 p.m.")
        #expect(Self.flat(Strings(language: "es").hours(openings))
            == "lunes a viernes, de 9 a. m. a 5 p. m.; sábado y domingo, de 10 a. m. a 12 del mediodía; martes y jueves, de 5:30 p. m. a 7 p. m.")
    }

    @Test func aTextMissingInTheHandoutsLanguageFallsBackToEnglishThenTheFirstLanguage() {
        let text = LocalizedText(["es": "Gratis", "pl": "Za darmo"])!
        #expect(Strings(language: "es").localized(text) == "Gratis")
        #expect(Strings(language: "en").localized(text) == "Gratis (in Spanish)")
        #expect(Strings(language: "es").localized(LocalizedText("Free")) == "Free (en inglés)")
        #expect(LocalizedText(["es-MX": "Gratis"])!.resolve("es") == ("Gratis", "es-MX"))
    }
}
