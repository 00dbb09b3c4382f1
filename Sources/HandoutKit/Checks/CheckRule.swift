/// A rule of `handout check`: a stable id (for SARIF, suppression and scripts), the level
/// its findings have, and what it looks for.
public struct CheckRule: Sendable, Equatable {
    public let id: String
    public let level: Diagnostic.Level
    public let summary: String

    /// Every rule, in the order the documentation lists them.
    public static let all: [CheckRule] = [
        // Inputs that cannot be used at all.
        CheckRule(id: "project-config", level: .error, summary: "handout.yml cannot be read or has an unknown key"),
        CheckRule(id: "directory-invalid", level: .error, summary: "the partner directory is malformed or fails validation"),
        CheckRule(id: "directory-import", level: .warning, summary: "an HSDS field left out or read with a guess on import"),
        CheckRule(id: "template-invalid", level: .error, summary: "a template's front matter or Mustache cannot be parsed"),
        CheckRule(id: "template-unsafe-tag", level: .error, summary: "a template or layout tag that could switch escaping off: {{{, {{&, {{% or {{="),
        CheckRule(id: "front-matter-key", level: .warning, summary: "a front-matter key handout does not know"),
        // Plain language.
        CheckRule(id: "reading-level", level: .warning, summary: "the text reads above the template's reading_level"),
        CheckRule(id: "reading-level-max", level: .error, summary: "a client handout reads above grade 8"),
        CheckRule(id: "long-sentence", level: .warning, summary: "a sentence of more than 25 words"),
        CheckRule(id: "long-paragraph", level: .warning, summary: "a paragraph of more than 5 sentences"),
        CheckRule(id: "passive-voice", level: .note, summary: "a sentence that may be in the passive voice"),
        CheckRule(id: "jargon", level: .warning, summary: "a word or phrase with a plainer alternative"),
        CheckRule(id: "pemat-summary", level: .warning, summary: "no summary at the top (PEMAT)"),
        CheckRule(id: "pemat-headings", level: .warning, summary: "too few informative headings (PEMAT)"),
        CheckRule(id: "pemat-action", level: .warning, summary: "no action the reader can take (PEMAT)"),
        CheckRule(id: "pemat-numbered-steps", level: .warning, summary: "no numbered steps (PEMAT)"),
        CheckRule(id: "pemat-you", level: .warning, summary: "the text does not speak to the reader as \"you\" (PEMAT)"),
        // Templates.
        CheckRule(id: "unknown-variable", level: .warning, summary: "a Mustache variable that no handout provides"),
        CheckRule(id: "unknown-partial", level: .error, summary: "a partial that does not exist"),
        CheckRule(id: "topic-unserved", level: .warning, summary: "a topic no active partner serves"),
        CheckRule(id: "broken-link", level: .error, summary: "a link to a handout that does not exist"),
        CheckRule(id: "vague-link-text", level: .warning, summary: "link text that does not say where it goes"),
        CheckRule(id: "heading-skip", level: .warning, summary: "a heading that skips a level"),
        CheckRule(id: "missing-translation", level: .note, summary: "a handout missing in one of the project's languages"),
        CheckRule(id: "print-too-long", level: .warning, summary: "a client handout that would print on more than two pages (an estimate)"),
        // The directory.
        CheckRule(id: "stale-listing", level: .warning, summary: "a listing not verified within stale_after_days"),
        CheckRule(id: "coverage-gap", level: .warning, summary: "an area the directory names with no active partner for a category"),
        CheckRule(id: "language-gap", level: .note, summary: "a category with no partner speaking one of the site's languages"),
        CheckRule(id: "partner-translation", level: .note, summary: "partner texts with no version in one of the project's languages"),
        // Facts (facts.yml and the templates that use them).
        CheckRule(id: "facts-invalid", level: .error, summary: "a facts.yml is malformed or a fact lacks a field"),
        CheckRule(id: "unknown-fact", level: .error, summary: "{{fact.KEY}} names a fact that facts.yml does not have"),
        CheckRule(id: "fact-missing-language", level: .error, summary: "a fact used in a template has no value in the template's language"),
        CheckRule(id: "state-specific-fact", level: .error, summary: "one state's fact used outside that state's {{#state.XX}} section"),
        CheckRule(id: "fact-review-due", level: .warning, summary: "a fact past its review_by date"),
        CheckRule(id: "handout-review-due", level: .warning, summary: "a template reviewed longer ago than review_after_days"),
        CheckRule(id: "fact-not-used", level: .warning, summary: "a number or amount written out that a fact holds"),
    ]

    public static func named(_ id: String) -> CheckRule {
        guard let rule = all.first(where: { $0.id == id }) else { preconditionFailure("no check rule \(id)") }
        return rule
    }
}

/// Collects findings for one check run.
final class FindingLog {
    private(set) var findings: [Diagnostic] = []

    func add(_ ruleID: String, _ message: String, path: String, line: Int? = nil, column: Int? = nil, level: Diagnostic.Level? = nil) {
        let rule = CheckRule.named(ruleID)
        findings.append(Diagnostic(level ?? rule.level, message, path: path, line: line, column: column, rule: rule.id))
    }

    /// Findings made elsewhere (by the load step), as they are.
    func add(_ findings: [Diagnostic]) {
        self.findings += findings
    }

    /// Input diagnostics (from loading a file) become findings of `ruleID`.
    func add(_ diagnostics: [Diagnostic], as ruleID: String) {
        for diagnostic in diagnostics {
            var finding = diagnostic
            finding.rule = diagnostic.rule ?? ruleID
            findings.append(finding)
        }
    }
}
