import Foundation

/// `handout check`: examines a project without writing anything, as a list of steps over
/// one log. `handout build` runs the same steps before it writes.
public struct Checker: Sendable {
    public let loaded: LoadedProject
    public let today: Day

    public var project: Project { loaded.project }

    /// Checks a project already loaded (what `build` does, so it reads each file once).
    public init(loaded: LoadedProject, today: Day) {
        self.loaded = loaded
        self.today = today
    }

    public init(project: Project, today: Day) {
        self.init(loaded: .load(project), today: today)
    }

    public struct Report: Sendable {
        /// In file order, file by file.
        public let findings: [Diagnostic]
        public let coverage: Coverage?

        public init(findings: [Diagnostic], coverage: Coverage?) {
            self.findings = findings
            self.coverage = coverage
        }

        public func count(_ level: Diagnostic.Level) -> Int { findings.filter { $0.level == level }.count }

        /// "4 errors, 1 warning, 0 notes".
        public var summary: String {
            [Diagnostic.Level.error, .warning, .note].map { level in
                let count = count(level)
                return "\(count) \(level.rawValue)" + (count == 1 ? "" : "s")
            }.joined(separator: ", ")
        }

        /// Errors fail a check; under `strict`, warnings do too.
        public func failed(strict: Bool) -> Bool {
            count(.error) > 0 || (strict && count(.warning) > 0)
        }
    }

    public func run() -> Report {
        let log = FindingLog()
        log.add(loaded.findings)
        let templates = loaded.templates
        let directory = loaded.directory
        let facts = loaded.facts
        let zipTable = loaded.zipTable

        let ids = Set(loaded.entries.map(\.id))
        // Per language, built once: the facts' values and the jargon list.
        let languages = Set(templates.map(\.language))
        let factValues = Dictionary(uniqueKeysWithValues: languages.map { ($0, facts?.context(language: $0) ?? [:]) })
        let jargon = Dictionary(uniqueKeysWithValues: languages.map { ($0, PlainLanguageChecks.loadJargon(resources: project.resourcesPath, language: $0)) })
        // Each template on its own log, on all cores; the logs are joined in template order,
        // so the findings come out as they did one template after another.
        let perTemplate = templates.concurrentMapBlocking { template -> (findings: [Diagnostic], usedFacts: [String]) in
            let log = FindingLog()
            var usedFacts: [String] = []
            let source = TemplateSource(template, facts: factValues[template.language] ?? [:])
            TemplateChecks(source: source, knownIDs: ids, log: log).run()
            if let facts {
                let uses = FactChecks(source: source, book: facts, today: today, reviewAfterDays: project.reviewAfterDays, log: log).run()
                usedFacts = uses.uses.map(\.key)
            }
            // Plain language reads the text as printed, with each fact's value in place (the
            // fact checks read the tags, and what the author wrote: `bareLines`).
            PlainLanguageChecks(source: source, prose: Prose(source), jargon: jargon[template.language] ?? [], log: log).run()
            if let directory { checkTopics(template, directory: directory, log: log) }
            return (log.findings, usedFacts)
        }
        var usedFacts: Set<String> = []
        for result in perTemplate {
            log.add(result.findings)
            usedFacts.formUnion(result.usedFacts)
        }
        checkTranslations(templates, log: log)
        if let facts { checkFactReviews(facts, used: usedFacts, log: log) }

        var coverage: Coverage?
        if let directory {
            let categories = Self.orderedCategories(directory: directory, templates: templates)
            let table = Coverage(directory: directory, categories: categories, zipTable: zipTable)
            DirectoryChecks(directory: directory, project: project, categories: categories, coverage: table, today: today, log: log).run()
            if let renderer = loaded.renderer() {
                PrintLengthCheck(renderer: renderer, project: project, today: today, areas: table.areas).run(templates, log: log)
            }
            coverage = table
        }
        return Report(findings: Self.ordered(log.findings), coverage: coverage)
    }

    /// A fact past its `review_by`: every fact the templates use, and every fact in the
    /// project's own file (a bundled fact the project does not use is not its to review).
    private func checkFactReviews(_ facts: FactBook, used: Set<String>, log: FindingLog) {
        for fact in facts.byReviewDate where today > fact.reviewBy && (used.contains(fact.key) || fact.path == facts.ownPath) {
            log.add("fact-review-due",
                "fact \"\(fact.key)\": review was due \(fact.reviewBy), \(FactChecks.days(fact.reviewBy.days(until: today))) ago: check it against \(fact.citation), then update value, checked and review_by",
                path: fact.path, line: fact.reviewByLine, column: fact.reviewByColumn)
        }
    }

    private func checkTopics(_ template: HandoutTemplate, directory: Directory, log: FindingLog) {
        let line = template.frontMatter.keyLines["topics"]
        for topic in template.frontMatter.topics {
            if !directory.taxonomy.contains(topic) {
                log.add("topic-unserved", directory.taxonomy.unknownCategoryMessage(topic) + " in topics", path: template.path, line: line, column: 1)
            } else if !directory.partners.contains(where: { $0.active && $0.categories.contains(topic) }) {
                log.add("topic-unserved", "no active partner serves \"\(topic)\": this handout will list nobody for it", path: template.path, line: line, column: 1)
            }
        }
    }

    /// A client handout should exist in every language the project publishes.
    private func checkTranslations(_ templates: [HandoutTemplate], log: FindingLog) {
        for (id, versions) in Dictionary(grouping: templates, by: \.id) {
            guard let english = versions.first(where: { $0.language == "en" }), english.frontMatter.audience == .client else { continue }
            for language in project.languages where !versions.contains(where: { $0.language == language }) {
                log.add("missing-translation", "handout \"\(id)\" has no \(Strings(language: "en").languageName(language)) version: readers get the English one with a note",
                    path: english.path, line: 1, column: 1)
            }
        }
    }

    /// The taxonomy's categories that templates or partners use, in taxonomy order.
    /// The coverage page of this run (`--coverage --format html`), listings stale as of
    /// today; nil when the directory or the layouts could not be read.
    public func coveragePage(_ report: Report) -> String? {
        guard let directory = loaded.directory, let coverage = report.coverage, let renderer = loaded.renderer() else { return nil }
        return CoveragePage(project: project, directory: directory, coverage: coverage, asOf: today).render(with: renderer)
    }

    static func orderedCategories(directory: Directory, templates: [HandoutTemplate]) -> [String] {
        let used = Set(templates.flatMap(\.frontMatter.topics) + directory.partners.flatMap(\.categories))
        return directory.taxonomy.ids.filter(used.contains)
    }

    /// File by file, then by position: the order an editor would walk them.
    static func ordered(_ findings: [Diagnostic]) -> [Diagnostic] {
        findings.enumerated().sorted { a, b in
            (a.element.path, a.element.line ?? 0, a.element.column ?? 0, a.offset) < (b.element.path, b.element.line ?? 0, b.element.column ?? 0, b.offset)
        }.map(\.element)
    }
}
