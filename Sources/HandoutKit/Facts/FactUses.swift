/// Where one template uses facts (`{{fact.KEY}}`), and what is wrong with each use. Render
/// refuses a template with a problem; `handout check` reports the same problems as findings.
struct FactUses {
    struct Use {
        let key: String
        let line: Int
        let column: Int
        /// The states of the `{{#state.XX}}` sections the use stands inside.
        let states: Set<String>
    }

    struct Problem {
        let rule: String
        let message: String
        let line: Int
        let column: Int
    }

    static let factPrefix = TemplateTag.factPrefix
    static let statePrefix = "state."

    let uses: [Use]

    /// The uses in `template`'s summary and in its body's `tags`.
    init(_ template: HandoutTemplate, tags: [TemplateTag]) {
        var uses: [Use] = []
        if let summary = template.frontMatter.summary, summary.contains("{{") {
            let line = template.frontMatter.keyLines["summary"] ?? 1
            for match in summary.matches(of: FactBook.factTag) {
                uses.append(Use(key: String(match.output[1].substring ?? ""), line: line, column: 1, states: []))
            }
        }
        var open: [String] = []  // sections opened and not yet closed
        for tag in tags {
            switch tag.kind {
            case .section, .invertedSection:
                if tag.name.hasPrefix(Self.factPrefix) { uses.append(Self.use(tag, open: open)) }
                // An inverted state section is text for clients *outside* that state.
                open.append(tag.kind == .section ? tag.name : "^" + tag.name)
            case .close:
                if let index = open.lastIndex(where: { $0 == tag.name || $0 == "^" + tag.name }) { open.remove(at: index) }
            case .variable where tag.name.hasPrefix(Self.factPrefix):
                uses.append(Self.use(tag, open: open))
            default:
                break
            }
        }
        self.uses = uses
    }

    private static func use(_ tag: TemplateTag, open: [String]) -> Use {
        let states = open.filter { $0.hasPrefix(statePrefix) }.map { String($0.dropFirst(statePrefix.count)) }
        return Use(key: String(tag.name.dropFirst(factPrefix.count)), line: tag.line, column: tag.column, states: Set(states))
    }

    /// The facts used that exist, once each.
    func facts(in book: FactBook) -> [Fact] {
        var seen: Set<String> = []
        return uses.compactMap { use in seen.insert(use.key).inserted ? book[use.key] : nil }
    }

    /// Unknown keys, values missing in the template's language, and one state's facts
    /// used where clients of other states would read them.
    func problems(language: String, book: FactBook) -> [Problem] {
        uses.compactMap { use in
            guard let fact = book[use.key] else {
                let message = NearestName.describe("unknown fact \"\(use.key)\"", name: use.key, among: book.keys)
                return Problem(rule: "unknown-fact", message: message + ": add it to facts.yml or fix the key", line: use.line, column: use.column)
            }
            if fact.value(in: language) == nil {
                return Problem(
                    rule: "fact-missing-language",
                    message: "fact \"\(fact.key)\" has no \"\(language)\" value: add \(language): to its value in \(fact.path)",
                    line: use.line, column: use.column)
            }
            if let state = fact.state, !use.states.contains(state) {
                return Problem(
                    rule: "state-specific-fact",
                    message: "fact \"\(fact.key)\" is the rule in \(state) only: use it inside {{#state.\(state)}}…{{/state.\(state)}}, so clients elsewhere never read it",
                    line: use.line, column: use.column)
            }
            return nil
        }
    }

    /// The day a reader can trust the handout's facts from: the earliest of the template's
    /// `reviewed` and the `checked` of every fact it uses.
    static func factsChecked(reviewed: Day?, facts: [Fact]) -> Day? {
        (facts.map(\.checked) + [reviewed].compactMap { $0 }).min()
    }
}

extension FactBook {
    /// Which handouts use each fact, and in which languages: fact key → handout id →
    /// languages, for `handout list facts`.
    public func usage(of templates: [HandoutTemplate]) -> [String: [String: [String]]] {
        var usage: [String: [String: [String]]] = [:]
        for template in templates {
            for key in Set(FactUses(template, tags: template.tags).uses.map(\.key)) {
                usage[key, default: [:]][template.id, default: []].append(template.language)
            }
        }
        return usage.mapValues { $0.mapValues { $0.sorted() } }
    }
}
