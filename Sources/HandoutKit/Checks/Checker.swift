import Foundation

/// `handout check`: examines a project without writing anything, as a list of steps over
/// one log. `handout build` runs the same steps before it writes.
public struct Checker: Sendable {
    public let project: Project
    public let today: Day

    public init(project: Project, today: Day) {
        self.project = project
        self.today = today
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
        let library = TemplateLibrary(root: project.templatesPath)
        let entries = library.entries()
        log.add(library.misnamed(), as: "template-invalid")
        let templates = entries.compactMap { entry -> HandoutTemplate? in
            do {
                let template = try HandoutTemplate.load(path: entry.path, displayPath: PathDisplay.relative(entry.path), id: entry.id, language: entry.language)
                log.add(template.warnings, as: "front-matter-key")
                return template
            } catch let errors as InputErrors {
                log.add(errors.diagnostics, as: "template-invalid")
            } catch {}
            return nil
        }
        checkLayouts(log)
        let directory = loadDirectory(log)
        let zipTable = try? ZipTable(contentsOf: project.resourcesPath + "/zip-codes.tsv")

        let ids = Set(entries.map(\.id))
        var jargon: [String: [PlainLanguageChecks.Jargon]] = [:]
        for template in templates {
            let source = TemplateSource(template)
            TemplateChecks(source: source, knownIDs: ids, log: log).run()
            let words = jargon[template.language] ?? PlainLanguageChecks.loadJargon(resources: project.resourcesPath, language: template.language)
            jargon[template.language] = words
            PlainLanguageChecks(source: source, prose: Prose(source), jargon: words, log: log).run()
            if let directory { checkTopics(template, directory: directory, log: log) }
        }
        checkTranslations(templates, log: log)

        var coverage: Coverage?
        if let directory {
            let categories = orderedCategories(directory: directory, templates: templates)
            let table = Coverage(directory: directory, categories: categories, zipTable: zipTable)
            DirectoryChecks(directory: directory, project: project, categories: categories, coverage: table, today: today, log: log).run()
            coverage = table
        }
        return Report(findings: Self.ordered(log.findings), coverage: coverage)
    }

    /// The page layout and the partner listing follow the templates' rules (unsafe tags,
    /// partials that include themselves).
    private func checkLayouts(_ log: FindingLog) {
        do {
            _ = try Layout(project: project)
        } catch let errors as InputErrors {
            log.add(errors.diagnostics, as: "template-invalid")
        } catch {}
    }

    private func loadDirectory(_ log: FindingLog) -> Directory? {
        do {
            return try DirectoryLoader.load(path: project.directoryPath, displayPath: PathDisplay.relative(project.directoryPath))
        } catch let errors as InputErrors {
            log.add(errors.diagnostics, as: "directory-invalid")
        } catch {}
        return nil
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
    private func orderedCategories(directory: Directory, templates: [HandoutTemplate]) -> [String] {
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
