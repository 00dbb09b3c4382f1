import Foundation
import Yams

/// Every fact a project's templates can use: the bundled `Resources/facts.yml`, then the
/// project's own `facts.yml` beside its handout.yml, whose keys replace or add to the
/// bundled ones.
public struct FactBook: Sendable {
    public private(set) var facts: [String: Fact] = [:]
    /// The most specific file read (the project's own, else the bundled one): every fact
    /// written there is the project's to review, used or not.
    public private(set) var ownPath: String?

    public init(_ facts: [Fact] = []) {
        for fact in facts { self.facts[fact.key] = fact }
    }

    public var keys: [String] { facts.keys.sorted() }

    public subscript(key: String) -> Fact? { facts[key] }

    /// Every fact, soonest review first, then by key: the order a reviewer works in.
    public var byReviewDate: [Fact] {
        facts.values.sorted { ($0.reviewBy, $0.key) < ($1.reviewBy, $1.key) }
    }

    /// The `fact` values a template in `language` sees, escaped later like every value.
    /// A fact whose value has no text in `language` is left out.
    public func context(language: String) -> [String: String] {
        facts.compactMapValues { $0.value(in: language) }
    }

    /// `{{fact.KEY}}` in front-matter text (a summary), which is not a Mustache template.
    nonisolated(unsafe) static let factTag = try! Regex(#"\{\{\s*fact\.([a-z0-9-]*)\s*\}\}"#)

    /// Front-matter text with each known fact's value put in; unknown keys are left as
    /// written (check and render report them first).
    static func fill(_ text: String, values: [String: String]) -> String {
        guard text.contains("{{") else { return text }
        return text.replacing(factTag) { match in
            values[String(match.output[1].substring ?? "")] ?? String(text[match.range])
        }
    }

    /// Reads the project's fact files in order; a later file's key replaces an earlier one's.
    public static func load(project: Project) throws -> FactBook {
        var book = FactBook()
        var problems: [Diagnostic] = []
        for path in project.factsPaths {
            let shown = PathDisplay.relative(path)
            do {
                let text = try InputFile.read(path, displayPath: shown, what: "the facts file")
                for fact in try parse(text, path: shown) { book.facts[fact.key] = fact }
                book.ownPath = shown
            } catch let errors as InputErrors {
                problems += errors.diagnostics
            }
        }
        if problems.contains(where: { $0.level == .error }) { throw InputErrors(problems) }
        return book
    }

    static let entryKeys = ["value", "citation", "checked", "review_by", "url", "note", "state"]

    /// Parses one facts file; every problem is reported at its line and column.
    static func parse(_ yaml: String, path: String) throws -> [Fact] {
        let log = DiagnosticLog(path: path)
        let root = try YAMLProblem.compose(yaml, path: path, textOnly: true)
        guard let root else { return [] }  // an empty file holds no facts
        guard case .mapping(let mapping) = root else {
            throw InputErrors([Diagnostic(.error, "a facts file maps each fact's key to its value, citation, checked and review_by", path: path, line: 1, column: 1)])
        }
        func fail(_ node: Node, _ message: String) { log.add(.error, message, line: node.mark?.line, column: node.mark?.column) }

        var facts: [Fact] = []
        for (keyNode, entry) in mapping {
            let key = keyNode.scalar?.string ?? ""
            // Fact keys follow the one id rule, so they are safe in names and messages.
            if let problem = Identifier.problem(key, kind: "fact key", example: "snap-notice-days") {
                fail(keyNode, problem)
                continue
            }
            guard case .mapping(let fields) = entry else {
                fail(entry, "fact \"\(key)\" must have value, citation, checked and review_by")
                continue
            }
            var value: Fact.Value?
            var citation: String?, url: String?, note: String?, state: String?
            var checked: Day?, reviewBy: Day?
            var reviewByMark: Mark?
            func text(_ node: Node, _ field: String) -> String? {
                guard let text = node.scalar?.string.trimmed, !text.isEmpty else {
                    fail(node, "fact \"\(key)\": \(field) must be text")
                    return nil
                }
                return text
            }
            func day(_ node: Node, _ field: String) -> Day? {
                guard let day = node.scalar.flatMap({ Day($0.string) }) else {
                    fail(node, "fact \"\(key)\": \(field) must be a date, YYYY-MM-DD")
                    return nil
                }
                return day
            }
            for (fieldNode, fieldValue) in fields {
                let field = fieldNode.scalar?.string ?? ""
                switch field {
                case "value": value = parseValue(fieldValue, key: key, fail: fail)
                case "citation": citation = text(fieldValue, field)
                case "url":
                    url = text(fieldValue, field)
                    if let given = url, !WebAddress.isHTTP(given) {
                        fail(fieldValue, "fact \"\(key)\": url must be an http or https address")
                    }
                case "note": note = text(fieldValue, field)
                case "checked": checked = day(fieldValue, field)
                case "review_by":
                    reviewBy = day(fieldValue, field)
                    reviewByMark = fieldValue.mark
                case "state":
                    state = text(fieldValue, field)
                    if let given = state, !StateCode.isValid(given, capitalsOnly: true) {
                        fail(fieldValue, "fact \"\(key)\": state must be a two-letter state code in capitals, like GA")
                    }
                default:
                    fail(fieldNode, NearestName.describe("fact \"\(key)\": unknown key \"\(field)\"", name: field, among: entryKeys))
                }
            }
            let given = Set(fields.map { $0.key.scalar?.string ?? "" })
            for required in ["value", "citation", "checked", "review_by"] where !given.contains(required) {
                fail(keyNode, "fact \"\(key)\": missing \(required)")
            }
            if let checked, let reviewBy, reviewBy < checked {
                log.add(.error, "fact \"\(key)\": review_by \(reviewBy) is before checked \(checked)", line: reviewByMark?.line, column: reviewByMark?.column)
            }
            guard let value, let citation, let checked, let reviewBy else { continue }
            facts.append(Fact(
                key: key, value: value, citation: citation, url: url, note: note, checked: checked, reviewBy: reviewBy,
                state: state, path: path, line: keyNode.mark?.line ?? 1,
                reviewByLine: reviewByMark?.line ?? keyNode.mark?.line ?? 1, reviewByColumn: reviewByMark?.column ?? 1))
        }
        try log.throwIfErrors()
        return facts
    }

    /// `value: "10"`, or `value: { en: "10 days", es: "10 días" }` (English required, since
    /// a handout missing in a language falls back to English).
    private static func parseValue(_ node: Node, key: String, fail: (Node, String) -> Void) -> Fact.Value? {
        if let text = node.scalar?.string.trimmed {
            guard !text.isEmpty else { fail(node, "fact \"\(key)\": value must not be empty"); return nil }
            return .everyLanguage(text)
        }
        guard case .mapping(let languages) = node else {
            fail(node, "fact \"\(key)\": value must be text, or a language code for each text, like { en: \"10 days\", es: \"10 días\" }")
            return nil
        }
        var texts: [String: String] = [:]
        var valid = true
        for (languageNode, textNode) in languages {
            let language = languageNode.scalar?.string ?? ""
            if let problem = LanguageCode.problem(language) {
                fail(languageNode, "fact \"\(key)\": " + problem)
                valid = false
                continue
            }
            guard let text = textNode.scalar?.string.trimmed, !text.isEmpty else {
                fail(textNode, "fact \"\(key)\": value.\(language) must be text")
                valid = false
                continue
            }
            texts[language] = text
        }
        guard valid else { return nil }
        guard texts["en"] != nil else {
            fail(node, "fact \"\(key)\": value needs an en text")
            return nil
        }
        return .perLanguage(texts)
    }
}
