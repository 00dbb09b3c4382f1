import Foundation

/// The pages of a site and how each is rendered: the plan and render steps of `SiteBuild`.
/// Every page lists only the partners that serve the project's region, and takes its dates
/// from its inputs.
struct Site: Sendable {
    /// One page of the plan; each renders to one or more files.
    enum Page: Sendable, Hashable {
        /// `index.html`: the home page of the project's first language.
        case root
        /// The home page of one language: the handouts by need.
        case home(language: String)
        /// A handout as HTML and plain text: English, with a note, where a translation is missing.
        case handout(id: String, language: String)
        /// The partner directory: its categories.
        case directory(language: String)
        /// Every partner of one category.
        case category(id: String, language: String)
        /// Coverage for the organization's staff, when handout.yml asks for it.
        case coverage
        case notFound
        /// Needs `base_url`.
        case sitemap
    }

    let loaded: LoadedProject
    /// The directory with only the partners that serve the region.
    let directory: Directory
    let renderer: HandoutRenderer
    /// The renderable templates by id, then language.
    let templates: [String: [String: HandoutTemplate]]
    let practice: Practice
    /// The directory's date: its newest `last_verified`. Listings are stale against it,
    /// never against the clock.
    let asOf: Day?
    /// What every page depends on (`inputs(_:)`): the tool, handout.yml, the layouts, the
    /// facts, the taxonomy.
    let sharedInputs: Fingerprint
    /// Each template's content (`Site.fingerprint(_:)`), by id, then language.
    let templateInputs: [String: [String: Fingerprint]]
    /// Each partner's content, by id.
    let partnerInputs: [String: Fingerprint]

    var project: Project { loaded.project }

    /// Nil when the project cannot be rendered (the check findings say why).
    init?(_ loaded: LoadedProject) {
        guard loaded.isRenderable, let full = loaded.directory else { return nil }
        let directory = full.restricted(to: loaded.project.region, zipTable: loaded.zipTable)
        guard let renderer = loaded.renderer(directory: directory) else { return nil }
        self.loaded = loaded
        self.directory = directory
        self.renderer = renderer
        var templates: [String: [String: HandoutTemplate]] = [:]
        for template in loaded.templates { templates[template.id, default: [:]][template.language] = template }
        self.templates = templates
        let contact = loaded.project.contact
        practice = Practice(
            name: contact?.name ?? loaded.project.organization,
            phone: contact?.phone.flatMap(PhoneNumber.init), website: contact?.website)
        asOf = directory.partners.filter(\.active).compactMap(\.lastVerified).max()
        var shared = Self.toolInputs
        var settings = loaded.project
        settings.outputPath = ""  // where the site goes is not what is on its pages
        shared.add(contentsOf: settings)
        shared.add(renderer.layout.fingerprint)
        shared.add(contentsOf: renderer.facts)
        shared.add(contentsOf: directory.taxonomy)
        shared.add(contentsOf: directory.regionName as Any)
        sharedInputs = shared
        templateInputs = templates.mapValues { $0.mapValues(Self.fingerprint) }
        partnerInputs = Dictionary(directory.partners.map { partner in
            var fingerprint = Fingerprint()
            fingerprint.add(contentsOf: partner)
            return (partner.id, fingerprint)
        }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: - Plan

    /// Every page, in a stable order: each language's pages, then the site's own.
    func plan() -> [Page] {
        var pages: [Page] = [.root]
        for language in project.languages {
            pages.append(.home(language: language))
            pages += handoutIDs(in: language).map { .handout(id: $0, language: language) }
            pages.append(.directory(language: language))
            pages += categories.map { .category(id: $0, language: language) }
        }
        if project.coveragePage { pages.append(.coverage) }
        pages.append(.notFound)
        if project.baseURL != nil { pages.append(.sitemap) }
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

    /// The categories some active partner in the region offers, in taxonomy order.
    var categories: [String] {
        let offered = Set(directory.partners.filter(\.active).flatMap(\.categories))
        return directory.taxonomy.ids.filter(offered.contains)
    }

    /// The files of a page in each language it exists in, for `hreflang` links.
    func path(_ page: Page) -> String {
        switch page {
        case .root: return "index.html"
        case .home(let language): return "index.\(language).html"
        case .handout(let id, let language): return "\(id).\(language).html"
        case .directory(let language): return "partners.\(language).html"
        case .category(let id, let language): return "partners-\(id).\(language).html"
        case .coverage: return "coverage.html"
        case .notFound: return "404.html"
        case .sitemap: return "sitemap.xml"
        }
    }

    /// The same page in every language of the project that has it.
    func versions(of page: Page) -> [(language: String, page: Page)] {
        switch page {
        case .root, .home:
            return project.languages.map { ($0, .home(language: $0)) }
        case .handout(let id, _):
            return project.languages.filter { template(id, $0) != nil }.map { ($0, .handout(id: id, language: $0)) }
        case .directory:
            return project.languages.map { ($0, .directory(language: $0)) }
        case .category(let id, _):
            return project.languages.map { ($0, .category(id: id, language: $0)) }
        case .coverage, .notFound, .sitemap:
            return []
        }
    }

    // MARK: - Inputs

    /// The files a page renders to.
    func files(_ page: Page) -> [String] {
        if case .handout(let id, let language) = page { return [path(page), "\(id).\(language).txt"] }
        return [path(page)]
    }

    /// A fingerprint of everything a page's bytes depend on, so a build can leave a page whose
    /// inputs did not change unrendered (`OutputWriter.current(_:)`). A handout depends on its
    /// template, the languages it exists in, and the partners it lists; a partner page on the
    /// partners of its category; the home pages on the templates; and every page on the
    /// tool, handout.yml, the layouts, the facts and the taxonomy.
    func inputs(_ page: Page) -> String {
        var inputs = sharedInputs
        inputs.add(path(page))
        switch page {
        case .handout(let id, let language):
            let template = template(id, language)!
            inputs.add(templateInputs[id]![template.language]!)
            for version in versions(of: page) { inputs.add(version.language) }
            for match in renderer.offer(for: template, request: handoutRequest(id, language)).offered {
                inputs.add(partnerInputs[match.partner.id]!)
            }
        case .root, .home:
            addTemplates(to: &inputs)
        case .directory:
            inputs.add(contentsOf: asOf as Any)
            addPartners(directory.partners, to: &inputs)
        case .category(let id, _):
            inputs.add(contentsOf: asOf as Any)
            addPartners(partners(in: id).map(\.partner), to: &inputs)
        case .coverage:
            inputs.add(contentsOf: asOf as Any)
            addTemplates(to: &inputs)
            addPartners(directory.partners, to: &inputs)
        case .notFound:
            break
        case .sitemap:
            for other in plan() { inputs.add(path(other)) }
        }
        return inputs.description
    }

    private func addTemplates(to inputs: inout Fingerprint) {
        for id in templateInputs.keys.sorted() {
            for (language, fingerprint) in templateInputs[id]!.sorted(by: { $0.key < $1.key }) {
                inputs.add(language)
                inputs.add(fingerprint)
            }
        }
    }

    private func addPartners(_ partners: [Partner], to inputs: inout Fingerprint) {
        for partner in partners { inputs.add(partnerInputs[partner.id]!) }
    }

    /// What a template's pages are made from: its text and what its front matter says.
    static func fingerprint(_ template: HandoutTemplate) -> Fingerprint {
        var fingerprint = Fingerprint.of(template.id, template.language, template.path, template.body, String(template.bodyFirstLine))
        fingerprint.add(contentsOf: template.frontMatter)
        return fingerprint
    }

    /// The tool itself: its bundled library, and the executable (a rebuilt binary may render
    /// differently, so its pages are made again once).
    static let toolInputs: Fingerprint = {
        var fingerprint = Fingerprint.of("handout", EmbeddedLibrary.contentHash)
        var status = stat()
        if let executable = Bundle.main.executablePath, stat(executable, &status) == 0 {
            #if canImport(Darwin)
            let modified = status.st_mtimespec
            #else
            let modified = status.st_mtim
            #endif
            fingerprint.add("\(executable):\(status.st_size):\(modified.tv_sec).\(modified.tv_nsec)")
        }
        return fingerprint
    }()

    // MARK: - Render

    /// The pages with the fingerprints of their inputs, which the manifest keeps beside each file.
    func render(_ pages: [(page: Page, inputs: String)], progress: SiteBuild.Progress?) async throws -> [OutputFile] {
        let total = pages.count
        var perPage: (@Sendable (Int) -> Void)?
        if let progress { perPage = { done in progress(done, total) } }
        let site = self
        let rendered = try await pages.concurrentMap(progress: perPage) { page, inputs in
            try site.render(page).map { OutputFile(path: $0.path, contents: $0.contents, inputs: inputs) }
        }
        return rendered.flatMap { $0 }
    }

    func render(_ page: Page) throws -> [OutputFile] {
        let file = path(page)
        switch page {
        case .handout(let id, let language):
            let handout = try renderer.render(template(id, language)!, request: handoutRequest(id, language), pageValues: pageValues(page, language: language))
            return [OutputFile(path: file, contents: handout.html), OutputFile(path: "\(handout.fileStem).txt", contents: handout.text)]
        case .root:
            return [OutputFile(path: file, contents: homePage(project.languages[0], page: page))]
        case .home(let language):
            return [OutputFile(path: file, contents: homePage(language, page: page))]
        case .directory(let language):
            return [OutputFile(path: file, contents: directoryPage(language, page: page))]
        case .category(let id, let language):
            return [OutputFile(path: file, contents: categoryPage(id, language: language, page: page))]
        case .coverage:
            return [OutputFile(path: file, contents: coveragePage())]
        case .notFound:
            return [OutputFile(path: file, contents: notFoundPage())]
        case .sitemap:
            return [OutputFile(path: file, contents: sitemap())]
        }
    }

    /// A handout page is rendered for nobody in particular, on no particular day.
    private func handoutRequest(_ id: String, _ language: String) -> RenderRequest {
        RenderRequest(
            templateID: id, client: Client(language: language), practice: practice, today: Day(dayNumber: 0), published: true,
            pageAddress: baseURL.map { $0 + path(.handout(id: id, language: language)) })
    }

    /// What every page's layout gets: the site's navigation, and links to the page in the
    /// project's other languages (`hreflang`).
    private func pageValues(_ page: Page, language: String) -> [String: Any] {
        let strings = Strings(language: language)
        var site: [String: Any] = [
            "navigation_label": strings["site_navigation"],
            "home": path(.home(language: language)), "home_label": strings["home"],
            "directory": path(.directory(language: language)), "directory_label": strings["partner_directory"],
        ]
        let versions = versions(of: page)
        guard versions.count > 1 else { return ["site": site] }
        site["switcher"] = [
            "label": strings["language_navigation"],
            "items": versions.map { version -> [String: Any] in
                ["hreflang": version.language, "href": path(version.page), "name": Strings.endonym(version.language), "current": version.language == language]
            },
        ]
        return ["site": site, "alternates": versions.map { ["hreflang": $0.language, "href": path($0.page)] }]
    }

    /// The publisher's line that ends every page, and the date the page's inputs carry.
    private func footer(_ language: String, checked: Day? = nil) -> String {
        let strings = Strings(language: language)
        var lines = ["* * *"]
        if let publisher = renderer.publisherMarkdown(practice, language: language) { lines.append(publisher) }
        if let checked { lines.append("\(strings["listings_checked"]): \(MarkdownEscaping.escape(strings.format(checked))).") }
        return lines.count == 1 ? "" : "\n" + lines.joined(separator: "\n\n") + "\n"
    }

    private func homePage(_ language: String, page: Page) -> String {
        let strings = Strings(language: language)
        return renderer.page(
            title: project.title ?? strings["site_title"], language: language,
            markdown: homeMarkdown(language) + footer(language), pageValues: pageValues(page, language: language))
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
        markdown += "## [\(escape(strings["partner_directory"]))](\(path(.directory(language: language))))\n"
        return markdown
    }

    /// The active partners offering a category, by name.
    private func partners(in category: String) -> [PartnerMatch] {
        PartnerSelection.select(directory.partners, for: PartnerQuery(categories: [category]))
            .sorted { ($0.partner.name.lowercased(), $0.partner.id) < ($1.partner.name.lowercased(), $1.partner.id) }
    }

    private func directoryPage(_ language: String, page: Page) -> String {
        let escape = MarkdownEscaping.escape
        let strings = Strings(language: language)
        var markdown = escape(strings["directory_intro"]) + "\n\n"
        for category in categories {
            let count = partners(in: category).count
            let label = directory.taxonomy.label(category, language: language)
            let counted = count == 1 ? strings["partner_count_one"] : strings["partner_count"].filling(String(count))
            markdown += "- [\(escape(label))](\(path(.category(id: category, language: language)))): \(escape(counted))\n"
        }
        return renderer.page(
            title: strings["partner_directory"], language: language, markdown: markdown + footer(language, checked: asOf),
            pageValues: pageValues(page, language: language))
    }

    private func categoryPage(_ category: String, language: String, page: Page) -> String {
        let strings = Strings(language: language)
        let matches = partners(in: category)
        let values = matches.map { match -> [String: Any] in
            var values = HandoutContext.partnerValues(match, taxonomy: directory.taxonomy, strings: strings)
            let area = strings.serviceArea(match.partner.serviceArea)
            if !area.isEmpty { values["service_area"] = area }
            if let note = staleNote(match.partner, strings: strings) { values["stale"] = note }
            return values
        }
        let label = directory.taxonomy.label(category, language: language)
        let checked = matches.compactMap(\.partner.lastVerified).max()
        return renderer.page(
            title: label, language: language,
            markdown: renderer.directoryListing(values, language: language) + footer(language, checked: checked),
            pageValues: pageValues(page, language: language))
    }

    /// Why a listing may be out of date, or nil: not checked within `stale_after_days` of the
    /// directory's newest check, or never.
    private func staleNote(_ partner: Partner, strings: Strings) -> String? {
        guard let verified = partner.lastVerified else { return strings["unverified_note"] }
        guard let asOf, verified.days(until: asOf) > project.staleAfterDays else { return nil }
        return strings["stale_note"].filling(String(project.staleAfterDays))
    }

    private func coveragePage() -> String {
        let categories = Checker.orderedCategories(directory: directory, templates: loaded.templates)
        let coverage = Coverage(directory: directory, categories: categories, zipTable: loaded.zipTable)
        return CoveragePage(project: project, directory: directory, coverage: coverage, asOf: asOf).render(with: renderer)
    }

    /// Links home in every language: absolute when the site has a `base_url`, since a host
    /// shows this page at any depth.
    private func notFoundPage() -> String {
        let language = project.languages[0]
        let strings = Strings(language: language)
        var markdown = MarkdownEscaping.escape(strings["not_found_text"]) + "\n\n"
        for other in project.languages {
            markdown += "- [\(MarkdownEscaping.escape(Strings.endonym(other)))](\(baseURL ?? "")\(path(.home(language: other))))\n"
        }
        return renderer.page(title: strings["not_found"], language: language, markdown: markdown + footer(language))
    }

    /// `base_url`, ending in "/".
    private var baseURL: String? {
        project.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// Every page a reader may land on (not the 404 or the staff's coverage page).
    private func sitemap() -> String {
        let locations = plan().filter { page in
            switch page {
            case .coverage, .notFound, .sitemap: return false
            default: return true
            }
        }.map { "<url><loc>\(HTMLEscaping.escape((baseURL ?? "") + path($0)))</loc></url>\n" }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + locations.joined() + "</urlset>\n"
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
