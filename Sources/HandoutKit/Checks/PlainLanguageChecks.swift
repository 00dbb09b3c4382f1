import Foundation

/// Checks that a handout is easy to read: reading level, sentence and paragraph length,
/// passive voice, jargon, and the PEMAT understandability items a program can check.
struct PlainLanguageChecks {
    let source: TemplateSource
    let prose: Prose
    let jargon: [Jargon]
    let log: FindingLog

    var template: HandoutTemplate { source.template }
    var path: String { template.path }
    var language: String { template.language }

    struct Jargon: Sendable {
        let phrase: String
        let plain: String
    }

    /// Reads `Resources/jargon.<lang>.tsv`: `phrase<TAB>plain alternative`, `#` comments.
    static func loadJargon(resources: String, language: String) -> [Jargon] {
        guard let text = try? String(contentsOfFile: "\(resources)/jargon.\(language).tsv", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", maxSplits: 1)
            return fields.count == 2 ? Jargon(phrase: String(fields[0]), plain: String(fields[1])) : nil
        }
    }

    func run() {
        checkReadingLevel()
        checkLengths()
        checkPassiveVoice()
        checkJargon()
        if template.frontMatter.audience == .client { checkPEMAT() }
    }

    /// The text the reader sees above the partner listing, a sentence a line: title,
    /// summary, headings, list items and paragraphs.
    var readableSentences: [String] {
        [template.frontMatter.title] + (source.summary.map(Readability.sentences(in:)) ?? []) + prose.sentences.map(\.text)
    }

    func scores() -> ReadabilityScores {
        Readability.scores(sentences: readableSentences, language: language)
    }

    /// The grade a score stands for: Flesch-Kincaid for English; for Spanish, the
    /// Fernández-Huerta score read on Flesch's table of school grades (90 and up: grade 5,
    /// 80: 6, 70: 7, 60: 8-9, 50: 10-12, 30: college), interpolated between its rows.
    static func grade(_ scores: ReadabilityScores, language: String) -> Double {
        guard language == "es" else { return scores.fleschKincaidGrade }
        let table: [(score: Double, grade: Double)] = [(100, 4), (90, 5), (80, 6), (70, 7), (60, 9), (50, 12), (30, 16), (0, 18)]
        let score = min(max(scores.fernandezHuerta, 0), 100)
        for (upper, lower) in zip(table, table.dropFirst()) where score >= lower.score {
            let fraction = (upper.score - score) / (upper.score - lower.score)
            return upper.grade + fraction * (lower.grade - upper.grade)
        }
        return 18
    }

    private func checkReadingLevel() {
        let scores = scores()
        guard scores.words > 0 else { return }
        let grade = Self.grade(scores, language: language)
        let measured = language == "es"
            ? String(format: "Fernández-Huerta %.1f (about grade %.1f)", scores.fernandezHuerta, grade)
            : String(format: "Flesch-Kincaid grade %.1f (Flesch Reading Ease %.1f, SMOG %.1f)", grade, scores.fleschReadingEase, scores.smog)
        let line = template.frontMatter.keyLines["reading_level"] ?? 1
        let advice = "use shorter sentences and everyday words"
        if template.frontMatter.audience == .client && grade > 8 {
            log.add("reading-level-max", "\(measured) is above grade 8, the most a client handout may need: \(advice)", path: path, line: line, column: 1)
        } else if let level = template.frontMatter.readingLevel, grade > level {
            log.add("reading-level", "\(measured) is above reading_level \(HandoutContext.number(level)): \(advice), or raise reading_level", path: path, line: line, column: 1)
        }
    }

    private func checkLengths() {
        for sentence in prose.paragraphs.flatMap(\.sentences) where sentence.words.count > 25 {
            log.add("long-sentence", "a sentence of \(sentence.words.count) words: split it so no sentence has more than 25",
                path: path, line: sentence.line, column: sentence.column)
        }
        for paragraph in prose.paragraphs where paragraph.sentences.count > 5 {
            log.add("long-paragraph", "a paragraph of \(paragraph.sentences.count) sentences: break it up so none has more than 5",
                path: path, line: paragraph.line, column: paragraph.column)
        }
    }

    /// A form of "to be" (or "ser") and a participle: a hint, since many such pairs are
    /// adjectives ("you are uninsured"), which `adjectives` leaves out.
    nonisolated(unsafe) private static let passive: [String: Regex<AnyRegexOutput>] = [
        "en": try! Regex(#"(?i)\b(am|is|are|was|were|be|been|being|get|gets|got|gotten)\s+(\w+ed|born|built|done|given|known|made|paid|seen|sent|shown|taken|told|written|held|heard|kept|left|lost|sold|spent|brought|bought|found|hurt)\b"#),
        "es": try! Regex(#"(?i)\b(es|son|fue|fueron|será|serán|sido|era|eran)\s+\w+(ado|ada|ados|adas|ido|ida|idos|idas)\b"#),
    ]

    static let auxiliaries: [String: Set<Substring>] = [
        "en": ["am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten"],
        "es": ["es", "son", "fue", "fueron", "será", "serán", "sido", "era", "eran"],
    ]

    static let adjectives: Set<String> = [
        "uninsured", "insured", "worried", "married", "tired", "scared", "confused", "interested", "concerned",
        "called", "named", "located", "supposed", "used", "qualified", "disabled", "grandfathered", "dated", "divorced",
        "llamado", "llamada", "casado", "casada", "preocupado", "preocupada", "cansado", "cansada", "ubicado", "ubicada",
    ]

    static let passiveAdvice = [
        "en": "say who does what (\"the agency sends a notice\", not \"a notice is sent\")",
        "es": "diga quién hace qué (\"la agencia envía un aviso\", no \"un aviso es enviado\")",
    ]

    private func checkPassiveVoice() {
        guard let pattern = Self.passive[language], let auxiliaries = Self.auxiliaries[language] else { return }
        for sentence in prose.sentences {
            // The regex is slow; most sentences have no auxiliary at all.
            let words = Set(sentence.text.lowercased().split(whereSeparator: { !$0.isLetter }))
            guard !words.isDisjoint(with: auxiliaries) else { continue }
            let hits = sentence.text.matches(of: pattern).filter { match in
                let participle = sentence.text[match.range].split(separator: " ").last.map { $0.lowercased() } ?? ""
                return !Self.adjectives.contains(participle)
            }
            guard let match = hits.first else { continue }
            log.add("passive-voice", "\"\(sentence.text[match.range])\" may be passive: \(Self.passiveAdvice[language] ?? "")",
                path: path, line: sentence.line, column: sentence.column)
        }
    }

    /// Matches jargon word by word: each phrase is looked up by its first word, so a line
    /// is read once however long the list is.
    private func checkJargon() {
        var byFirstWord: [String: [(words: [String], entry: Jargon)]] = [:]
        for entry in jargon {
            let words = entry.phrase.lowercased().split(separator: " ").map(String.init)
            if let first = words.first { byFirstWord[first, default: []].append((words, entry)) }
        }
        for (offset, line) in source.proseLines.enumerated() {
            let words = Self.words(in: line)
            for (index, word) in words.enumerated() {
                for candidate in byFirstWord[word.text] ?? [] {
                    let end = index + candidate.words.count
                    guard end <= words.count, zip(candidate.words, words[index..<end]).allSatisfy({ $0 == $1.text }) else { continue }
                    log.add("jargon", "\"\(candidate.entry.phrase)\" is jargon: say \"\(candidate.entry.plain)\"",
                        path: path, line: template.bodyFirstLine + offset, column: word.column)
                }
            }
        }
    }

    /// The words of a line, lowercased, with the column each starts at.
    static func words(in line: Substring) -> [(text: String, column: Int)] {
        var words: [(text: String, column: Int)] = []
        var current = "", start = 0
        for (column, character) in line.enumerated() {
            if character.isLetter {
                if current.isEmpty { start = column + 1 }
                current += character.lowercased()
            } else if !current.isEmpty {
                words.append((current, start))
                current = ""
            }
        }
        if !current.isEmpty { words.append((current, start)) }
        return words
    }

    static let imperatives: [String: Set<String>] = [
        "en": ["call", "ask", "write", "keep", "bring", "read", "go", "apply", "tell", "contact", "get", "take", "save",
               "make", "find", "check", "talk", "file", "send", "sign", "fill", "look", "use", "visit", "show", "put", "give", "request"],
        "es": ["llame", "pida", "escriba", "guarde", "lleve", "lea", "vaya", "solicite", "diga", "comuníquese", "busque", "hable",
               "presente", "envíe", "firme", "llene", "revise", "use", "visite", "muestre", "anote", "tome", "haga", "pregunte", "consiga"],
    ]

    static let secondPerson: [String: Set<String>] = [
        "en": ["you", "your", "yours", "yourself"],
        "es": ["usted", "ustedes", "su", "sus", "le", "les"],
    ]

    static let vagueHeadings: Set<String> = ["information", "info", "details", "more", "other", "misc", "información", "detalles", "más", "otros", "otro"]

    private func checkPEMAT() {
        let matter = template.frontMatter
        let line = matter.keyLines["title"] ?? 1
        if (matter.summary ?? "").trimmed.isEmpty {
            log.add("pemat-summary", "no summary: add `summary:` to the front matter, two or three lines saying what the handout is for", path: path, line: line, column: 1)
        }
        let informative = prose.headings.filter { !Self.vagueHeadings.contains($0.text.lowercased().trimmedOfPunctuation) }
        if informative.count < 2 {
            log.add("pemat-headings", "fewer than two informative headings: break the text into sections under headings that say what they hold", path: path, line: line, column: 1)
        }
        let firstWords = prose.sentences.compactMap { $0.words.first?.lowercased().trimmedOfPunctuation }
        let orderedLists = source.document.root.descendants().filter { if case .list(ordered: true, _, _) = $0.kind { return true }; return false }
        if orderedLists.isEmpty && !firstWords.contains(where: { Self.imperatives[language]?.contains($0) ?? false }) {
            log.add("pemat-action", "no action for the reader: say what to do (\"Call legal aid today\")", path: path, line: line, column: 1)
        }
        if orderedLists.isEmpty {
            log.add("pemat-numbered-steps", "no numbered steps: write what to do as a numbered list", path: path, line: line, column: 1)
        }
        let words = prose.sentences.flatMap(\.words).map { $0.lowercased().trimmedOfPunctuation }
        let addressed = words.filter { Self.secondPerson[language]?.contains($0) ?? false }.count
        if !words.isEmpty && Double(addressed) / Double(words.count) < 0.01 {
            log.add("pemat-you", "the text rarely speaks to the reader: write to \"you\" (\"you can ask\", not \"tenants can ask\")", path: path, line: line, column: 1)
        }
    }
}
