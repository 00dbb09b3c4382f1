import Foundation

/// The pages of a site and how each is rendered: the plan and render steps of `SiteBuild`.
struct Site: Sendable {
    /// One page of the plan; each renders to one or more files.
    enum Page: Sendable, Hashable {
        /// A handout as HTML and plain text: English, with a note, where a translation is missing.
        case handout(id: String, language: String)
        /// The home page of one language: the handouts by need.
        case home(language: String)
        /// `index.html`: the home page of the project's first language.
        case root
    }

    let loaded: LoadedProject
    let renderer: HandoutRenderer
    /// The renderable templates by id, then language.
    let templates: [String: [String: HandoutTemplate]]
    let practice: Practice

    var project: Project { loaded.project }

    /// Nil when the project cannot be rendered (the check findings say why).
    init?(_ loaded: LoadedProject) {
        guard loaded.isRenderable, let renderer = loaded.renderer() else { return nil }
        self.loaded = loaded
        self.renderer = renderer
        var templates: [String: [String: HandoutTemplate]] = [:]
        for template in loaded.templates { templates[template.id, default: [:]][template.language] = template }
        self.templates = templates
        let contact = loaded.project.contact
        practice = Practice(
            name: contact?.name ?? loaded.project.organization,
            phone: contact?.phone.flatMap(PhoneNumber.init), website: contact?.website)
    }

    // MARK: - Plan

    /// Every page, in a stable order: each language's home and handouts, then the rest.
    func plan() -> [Page] {
        var pages: [Page] = [.root]
        for language in project.languages {
            pages.append(.home(language: language))
            pages += handoutIDs(in: language).map { .handout(id: $0, language: language) }
        }
        return pages
    }

    /// The handouts a language's pages list: those in that language or in English.
    func handoutIDs(in language: String) -> [String] {
        templates.keys.sorted().filter { template($0, language) != nil }
    }

    /// The template for a handout in a language, else its English one.
    func template(_ id: String, _ language: String) -> HandoutTemplate? {
        templates[id]?[language] ?? templates[id]?["en"]
    }

    // MARK: - Render

    func render(_ pages: [Page], progress: SiteBuild.Progress?) async throws -> [OutputFile] {
        let total = pages.count
        var perPage: (@Sendable (Int) -> Void)?
        if let progress { perPage = { done in progress(done, total) } }
        let site = self
        let rendered = try await pages.concurrentMap(progress: perPage) { page in try site.render(page) }
        return rendered.flatMap { $0 }
    }

    func render(_ page: Page) throws -> [OutputFile] {
        switch page {
        case .handout(let id, let language):
            let request = RenderRequest(templateID: id, client: Client(language: language), practice: practice, today: Day(dayNumber: 0), published: true)
            let handout = try renderer.render(template(id, language)!, request: request)
            return [
                OutputFile(path: "\(handout.fileStem).html", contents: handout.html),
                OutputFile(path: "\(handout.fileStem).txt", contents: handout.text),
            ]
        case .home(let language):
            return [OutputFile(path: "index.\(language).html", contents: homePage(language))]
        case .root:
            return [OutputFile(path: "index.html", contents: homePage(project.languages[0]))]
        }
    }

    private func homePage(_ language: String) -> String {
        let strings = Strings(language: language)
        return renderer.page(title: project.title ?? strings["site_title"], language: language, markdown: homeMarkdown(language))
    }

    /// The handouts for clients by need, grouped by I-HELP domain, then those for clinicians;
    /// each with its summary and a link to its plain text.
    private func homeMarkdown(_ language: String) -> String {
        let escape = MarkdownEscaping.escape
        let strings = Strings(language: language)
        let listed = handoutIDs(in: language).compactMap { template($0, language) }
        var groups: [(heading: String, templates: [HandoutTemplate])] = IHelpDomain.allCases.map { domain in
            (strings["domain_" + domain.rawValue], listed.filter { $0.frontMatter.audience == .client && IHelpDomain.of($0.frontMatter.topics) == domain })
        }
        groups.append((strings["other_needs"], listed.filter { $0.frontMatter.audience == .client && IHelpDomain.of($0.frontMatter.topics) == nil }))
        groups.append((strings["for_clinicians"], listed.filter { $0.frontMatter.audience == .clinician }))
        var markdown = ""
        for group in groups where !group.templates.isEmpty {
            markdown += "## \(escape(group.heading))\n\n"
            for template in group.templates {
                let stem = "\(template.id).\(language)"
                markdown += "- [\(escape(template.frontMatter.title))](\(stem).html)"
                if let summary = renderer.summary(template) { markdown += ": " + escape(summary) }
                markdown += " ([\(escape(strings["plain_text"]))](\(stem).txt))\n"
            }
            markdown += "\n"
        }
        return markdown
    }
}

/// The I-HELP screening domains that group a site's handouts by need: Income, Housing,
/// Education, Legal status, Personal stability.
enum IHelpDomain: String, CaseIterable, Sendable {
    case income, housing, education, legal, personal

    static let categories: [String: IHelpDomain] = [
        "benefits": .income, "food": .income, "health-coverage": .income, "medical-debt": .income,
        "housing": .housing, "utilities": .housing,
        "education": .education, "employment": .education,
        "immigration": .legal,
        "family-safety": .personal, "disability": .personal, "mental-health": .personal,
    ]

    /// The domain of a handout's first topic that has one.
    static func of(_ topics: [String]) -> IHelpDomain? {
        topics.lazy.compactMap { categories[$0] }.first
    }
}
