import Foundation
import Testing
@testable import HandoutKit

/// Our readability scores agree with textstat 0.7.3 on the bundled library.
///
/// `Fixtures/readability-library/` holds the text `handout check` scores for each handout,
/// a sentence a line, and `reference.json`, the values textstat computed once from those
/// files. After editing a handout, write the files anew and recompute the reference:
///
///     WRITE_READABILITY_SENTENCES=1 swift test --filter BundledReadability
///     pip install 'textstat==0.7.3'
///     python3 scripts/readability-reference.py Tests/HandoutKitTests/Fixtures/readability-library/*.txt \
///         > Tests/HandoutKitTests/Fixtures/readability-library/reference.json
@Suite struct BundledReadabilityTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = root + "/Tests/HandoutKitTests/Fixtures/readability-library"
    static let entries = TemplateLibrary(root: root + "/Templates").entries()
    /// The bundled facts, whose values stand in for `{{fact.KEY}}` as `handout check` reads them.
    static let facts = FactBook((try? FactBook.parse(String(contentsOfFile: root + "/Resources/facts.yml", encoding: .utf8), path: "Resources/facts.yml")) ?? [])

    static func sentences(_ entry: TemplateLibrary.Entry) throws -> [String] {
        let template = try HandoutTemplate.load(path: entry.path, id: entry.id, language: entry.language)
        let source = TemplateSource(template, facts: Self.facts.context(language: entry.language))
        return PlainLanguageChecks(source: source, prose: Prose(source), jargon: [], log: FindingLog()).readableSentences
    }

    static func fileName(_ entry: TemplateLibrary.Entry) -> String { "\(entry.language)-\(entry.id).txt" }

    @Test(arguments: entries)
    func theStoredTextIsTheLibrarysText(entry: TemplateLibrary.Entry) throws {
        let text = try Self.sentences(entry).joined(separator: "\n") + "\n"
        let path = Self.fixtures + "/" + Self.fileName(entry)
        if ProcessInfo.processInfo.environment["WRITE_READABILITY_SENTENCES"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "regenerate the readability fixtures (see the comment above)")
    }

    @Test(arguments: entries)
    func scoresAgreeWithTextstatWithinHalfAGrade(entry: TemplateLibrary.Entry) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/reference.json"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let reference = try #require(try decoder.decode(ReferenceFile.self, from: data).samples[Self.fileName(entry)])
        let ours = Readability.scores(sentences: try Self.sentences(entry), language: entry.language)
        #expect(abs(ours.fleschKincaidGrade - reference.fleschKincaidGrade) <= 0.5)
        if entry.language == "es" {
            let theirs = ReadabilityScores(
                sentences: reference.sentences, words: reference.words, syllables: reference.syllables,
                polysyllables: reference.polysyllables, fleschKincaidGrade: reference.fleschKincaidGrade,
                fleschReadingEase: reference.fleschReadingEase, smog: reference.smogIndex, fernandezHuerta: reference.fernandezHuerta)
            #expect(abs(PlainLanguageChecks.grade(ours, language: "es") - PlainLanguageChecks.grade(theirs, language: "es")) <= 0.5)
        }
    }
}

extension TemplateLibrary.Entry: CustomTestStringConvertible {
    public var testDescription: String { "\(language)/\(id)" }
}
