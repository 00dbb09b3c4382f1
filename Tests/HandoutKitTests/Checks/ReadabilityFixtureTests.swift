import Foundation
import Testing
@testable import HandoutKit

/// Reference values written by `scripts/readability-reference.py` (textstat 0.7.3).
struct ReferenceFile: Decodable {
    struct Sample: Decodable {
        let language: String
        let sentences: Int
        let words: Int
        let syllables: Int
        let polysyllables: Int
        let fleschKincaidGrade: Double
        let fleschReadingEase: Double
        let smogIndex: Double
        let fernandezHuerta: Double
    }
    let textstatVersion: String
    let samples: [String: Sample]
}

enum Fixtures {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/readability")
    }

    static func reference() throws -> ReferenceFile {
        let data = try Data(contentsOf: directory.appendingPathComponent("reference.json"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ReferenceFile.self, from: data)
    }

    /// One sentence per line, blank lines ignored.
    static func sentences(_ name: String) throws -> [String] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        return text.components(separatedBy: .newlines).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    static let names = [
        "en-eviction.txt", "en-benefits-appeal.txt", "en-medical-bills.txt",
        "es-desalojo.txt", "es-apelacion-beneficios.txt", "es-facturas-medicas.txt",
    ]
}

@Suite("Fixtures against textstat 0.7.3")
struct FixtureTests {

    @Test func referenceCoversEveryFixture() throws {
        let reference = try Fixtures.reference()
        #expect(reference.textstatVersion == "0.7.3")
        #expect(Set(reference.samples.keys) == Set(Fixtures.names))
        for name in Fixtures.names {
            let words = try Fixtures.sentences(name).joined(separator: " ")
                .split(whereSeparator: \.isWhitespace).count
            #expect((150...500).contains(words), "\(name) has \(words) words")
        }
    }

    @Test(arguments: Fixtures.names)
    func scoresAgreeWithTextstat(name: String) throws {
        let expected = try #require(try Fixtures.reference().samples[name])
        let ours = Readability.scores(sentences: try Fixtures.sentences(name), language: expected.language)

        print("""
            \(name): sentences \(ours.sentences)/\(expected.sentences) words \(ours.words)/\(expected.words) \
            syllables \(ours.syllables)/\(expected.syllables) polysyllables \(ours.polysyllables)/\(expected.polysyllables) \
            FK \(ours.fleschKincaidGrade)/\(expected.fleschKincaidGrade) FRE \(ours.fleschReadingEase)/\(expected.fleschReadingEase) \
            SMOG \(ours.smog)/\(expected.smogIndex) FH \(ours.fernandezHuerta)/\(expected.fernandezHuerta) (ours/textstat)
            """)

        // Word and sentence counting are exact ports of textstat's code.
        #expect(ours.words == expected.words)
        #expect(ours.sentences == expected.sentences)
        // Syllables come from a heuristic standing in for pyphen: close, not exact.
        let tolerance = max(2, expected.syllables / 100)
        #expect(abs(ours.syllables - expected.syllables) <= tolerance,
                "syllables \(ours.syllables) vs textstat \(expected.syllables)")

        if expected.language == "en" {
            #expect(abs(ours.fleschKincaidGrade - expected.fleschKincaidGrade) <= 0.5,
                    "FK grade \(ours.fleschKincaidGrade) vs textstat \(expected.fleschKincaidGrade)")
        } else {
            #expect(abs(ours.fernandezHuerta - expected.fernandezHuerta) <= 3,
                    "Fernández-Huerta \(ours.fernandezHuerta) vs textstat \(expected.fernandezHuerta)")
        }
    }

    /// Given textstat's own counts, the formulas reproduce textstat's numbers exactly.
    @Test(arguments: Fixtures.names)
    func formulasMatchTextstatExactly(name: String) throws {
        let expected = try #require(try Fixtures.reference().samples[name])
        let scores = Readability.compute(
            sentences: expected.sentences, words: expected.words, syllables: expected.syllables,
            polysyllables: expected.polysyllables, spanish: expected.language == "es")
        #expect(scores.fleschKincaidGrade == expected.fleschKincaidGrade)
        #expect(scores.fleschReadingEase == expected.fleschReadingEase)
        #expect(scores.smog == expected.smogIndex)
        #expect(scores.fernandezHuerta == expected.fernandezHuerta)
    }
}
