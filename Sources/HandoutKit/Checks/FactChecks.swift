/// Checks that keep a template's facts right: each fact it uses exists in its language and
/// stays in its state, the template was reviewed recently, and it does not write out a
/// number that a fact holds.
struct FactChecks {
    let source: TemplateSource
    let book: FactBook
    let today: Day
    let reviewAfterDays: Int
    let log: FindingLog

    var template: HandoutTemplate { source.template }

    /// Runs the checks and returns the template's uses, for the review of the facts.
    func run() -> FactUses {
        let uses = FactUses(template, tags: source.tags)
        for problem in uses.problems(language: template.language, book: book) {
            log.add(problem.rule, problem.message, path: template.path, line: problem.line, column: problem.column)
        }
        checkReviewed()
        checkWrittenOutValues()
        return uses
    }

    private func checkReviewed() {
        guard let reviewed = template.frontMatter.reviewed else { return }
        let age = reviewed.days(until: today)
        guard age > reviewAfterDays else { return }
        log.add("handout-review-due",
            "reviewed \(reviewed), \(Self.days(age)) ago (more than \(reviewAfterDays)): check every fact against its source, then update reviewed",
            path: template.path, line: template.frontMatter.keyLines["reviewed"], column: 1)
    }

    /// A number or amount in the text that equals a fact's value in this language, written
    /// out instead of `{{fact.KEY}}`: it would not change when the fact does. Read in the
    /// summary and in the body as written (tags blanked, link targets and code left out).
    private func checkWrittenOutValues() {
        var keysByValue: [String: [String]] = [:]
        for fact in book.facts.values {
            guard let value = fact.value(in: template.language), value.contains(where: \.isASCIIDigit) else { continue }
            keysByValue[value, default: []].append(fact.key)
        }
        guard !keysByValue.isEmpty else { return }
        // The summary's findings point at its key: YAML may fold it over several lines.
        var texts: [(text: String, line: Int, inFrontMatter: Bool)] = []
        if let summary = template.frontMatter.summary {
            texts.append((summary.replacing(FactBook.factTag) { _ in " " }, template.frontMatter.keyLines["summary"] ?? 1, true))
        }
        var inCode = false
        for (offset, line) in source.bareLines.enumerated() {
            if line.trimmed.hasPrefix("```") || line.trimmed.hasPrefix("~~~") { inCode.toggle() }
            if inCode { continue }
            // Most lines have no link: the regex runs only on those that may.
            let seen = line.contains("](") ? line.replacing(Self.linkTarget) { String(repeating: " ", count: line[$0.range].count) } : line
            texts.append((seen, template.bodyFirstLine + offset, false))
        }
        // Every value holds ASCII digits, which Unicode normalization never changes: a text
        // lacking one of a value's runs of digits cannot hold the value, so most lines are
        // passed over without a search.
        let valueDigits = keysByValue.keys.map { (value: $0, runs: Self.digitRuns(in: $0)) }
        for (text, line, inFrontMatter) in texts {
            let textDigits = Self.digitRuns(in: text)
            guard !textDigits.isEmpty else { continue }
            var found: [(range: Range<String.Index>, value: String)] = []
            for (value, runs) in valueDigits where runs.allSatisfy({ run in textDigits.contains { $0.firstRange(of: run) != nil } }) {
                found += Self.wholeMatches(of: value, in: text).map { ($0, value) }
            }
            // The longest match wins: "January 1, 2027" is one fact, not also the fact "1".
            var kept: [(range: Range<String.Index>, value: String)] = []
            for match in found.sorted(by: { $0.value.count > $1.value.count }) where !kept.contains(where: { $0.range.overlaps(match.range) }) {
                kept.append(match)
            }
            for (range, value) in kept.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                let keys = keysByValue[value, default: []].sorted()
                let uses = keys.map { "{{fact.\($0)}}" }.joined(separator: " or ")
                let names = keys.map { "\"\($0)\"" }.joined(separator: ", ")
                log.add("fact-not-used",
                    "\"\(value)\" is the value of fact \(names): write \(uses), so the handout changes when the fact does",
                    path: template.path, line: line, column: inFrontMatter ? 1 : text.distance(from: text.startIndex, to: range.lowerBound) + 1)
            }
        }
    }

    /// The runs of ASCII digits in `text`, as bytes: "$1,250" has "1" and "250".
    static func digitRuns(in text: String) -> [[UInt8]] {
        var runs: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                current.append(byte)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// `](https://…/273.13)`: where a link goes is not text a reader sees.
    nonisolated(unsafe) static let linkTarget = try! Regex(#"\]\([^)]*\)"#)

    /// Where `value` stands in `text` as a whole number, amount or phrase: "10" matches in
    /// "10 days" and "10-day", never in "100", "$10", "10%", "1.10", "3-10" or "10th", nor
    /// as the day of a date ("January 10", "10 de enero") or a step's number ("10. Call").
    static func wholeMatches(of value: String, in text: String) -> [Range<String.Index>] {
        var matches: [Range<String.Index>] = []
        var from = text.startIndex
        while let range = text[from...].firstRange(of: value) {
            from = range.upperBound
            if let before = text[..<range.lowerBound].last, before.isLetterOrDigit || "$.,-/:+=#?&_@".contains(before) { continue }
            let after = text[range.upperBound...]
            if let next = after.first {
                if next.isLetterOrDigit || next == "%" { continue }
                // "10.5", "10,000", "10-12", "10/12": the number goes on.
                if ".,-/".contains(next), after.dropFirst().first?.isASCIIDigit ?? false { continue }
            }
            if value.allSatisfy(\.isASCIIDigit) {
                if isDayOfADate(range, in: text) { continue }
                // "## 3. Bring partners in", "2) Call": a step's number, not a count.
                if text[..<range.lowerBound].allSatisfy({ " #>*-+".contains($0) }), let next = after.first, next == "." || next == ")" { continue }
            }
            matches.append(range)
        }
        return matches
    }

    static let englishMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    static let spanishMonths = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]

    /// "January 1" or "1 de enero": the number is a day, not a fact's count.
    static func isDayOfADate(_ range: Range<String.Index>, in text: String) -> Bool {
        let before = text[..<range.lowerBound].lowercased()
        if before.hasSuffix(" ") || before.hasSuffix("\u{00A0}") {
            let word = before.dropLast().reversed().prefix(while: \.isLetter).reversed()
            if englishMonths.contains(String(word)) { return true }
        }
        let after = text[range.upperBound...].lowercased()
        return spanishMonths.contains { after.hasPrefix(" de \($0)") }
    }
}

extension FactChecks {
    /// "1 day", "181 days".
    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }
}

private extension Character {
    var isLetterOrDigit: Bool { isLetter || isNumber }
}
