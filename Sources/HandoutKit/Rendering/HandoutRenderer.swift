import Foundation
import Mustache

/// What to render: which handout, for whom, and the day to print on it.
public struct RenderRequest: Sendable {
    public var templateID: String
    public var client: Client
    public var practice: Practice
    /// Where the client is; nil lists partners wherever they serve.
    public var location: ClientLocation?
    public var today: Day
    /// At most this many partners for each need (`PartnerSelection.defaultLimit` unless
    /// handout.yml or `--max-partners` says otherwise); nil lists every partner that fits.
    public var partnerLimit: Int?
    /// A page of a published site rather than a handout prepared for someone: the clock
    /// never reaches it. Its date is the newest its inputs carry (the template's `reviewed`,
    /// the listed partners' `last_verified`), and its footer names the publisher, undated.
    public var published: Bool
    /// Where a published page lives online (the site's `base_url` and the page's file): a QR
    /// code at its foot leads there from the printed page. Nil draws none.
    public var pageAddress: String?

    public init(
        templateID: String, client: Client, practice: Practice = Practice(), location: ClientLocation? = nil, today: Day,
        partnerLimit: Int? = nil, published: Bool = false, pageAddress: String? = nil
    ) {
        self.templateID = templateID
        self.client = client
        self.practice = practice
        self.location = location
        self.today = today
        self.partnerLimit = partnerLimit
        self.published = published
        self.pageAddress = pageAddress
    }
}

public struct RenderedHandout: Sendable {
    public let templateID: String
    /// The language asked for; it names the files.
    public let language: String
    /// The language the text is in: English when the template fell back.
    public let contentLanguage: String
    public let html: String
    public let text: String
    public let partners: [PartnerMatch]
    /// Problems worth printing that did not stop rendering.
    public let warnings: [Diagnostic]
    /// The earliest of the template's `reviewed` and the `checked` of each fact it uses:
    /// printed in the footer, and in `<meta name="handout-facts-checked">`.
    public let factsChecked: Day?

    /// `<template-id>.<lang>`: never anything about the client.
    public var fileStem: String { "\(templateID).\(language)" }
}

/// fill (Mustache) → parse (cmark) → render HTML and text → layout.
public struct HandoutRenderer: Sendable {
    public let project: Project
    public let directory: Directory
    /// For distances to partners whose address has no coordinates; nil gives no distances.
    public let zipTable: ZipTable?
    public let facts: FactBook
    let layout: Layout
    let library: TemplateLibrary
    /// The `fact` values per language, built once rather than for every handout.
    private let factContexts: [String: [String: String]]
    /// For clients whose household is given; without it (a site build) nobody's income is
    /// compared with a partner's limit.
    let guidelines: PovertyGuidelines?

    /// `facts` defaults to the project's facts files.
    public init(project: Project, directory: Directory, zipTable: ZipTable? = nil, facts: FactBook? = nil) throws {
        self.init(
            project: project, directory: directory, zipTable: zipTable, layout: try Layout(project: project),
            facts: try facts ?? FactBook.load(project: project),
            guidelines: try PovertyGuidelines(contentsOf: project.resourcesPath + "/poverty-guidelines.tsv"))
    }

    init(project: Project, directory: Directory, zipTable: ZipTable?, layout: Layout, facts: FactBook, guidelines: PovertyGuidelines? = nil) {
        self.guidelines = guidelines
        self.project = project
        self.directory = directory
        self.zipTable = zipTable
        self.layout = layout
        self.library = TemplateLibrary(root: project.templatesPath)
        self.facts = facts
        let languages = Set(library.entries().map(\.language) + project.languages + ["en"])
        self.factContexts = Dictionary(uniqueKeysWithValues: languages.map { ($0, facts.context(language: $0)) })
    }

    public func render(_ request: RenderRequest) throws -> RenderedHandout {
        try render(try loadTemplate(id: request.templateID, language: request.client.language), request: request)
    }

    /// The template for `id` in `language`, else in English; an unknown id is an error
    /// naming the nearest one. Both end up in file names: anything but a name is refused
    /// before any file is read.
    public func loadTemplate(id: String, language: String) throws -> HandoutTemplate {
        if let problem = Identifier.problem(id, kind: "handout id") {
            throw InputErrors([Diagnostic(.error, problem, path: PathDisplay.relative(project.templatesPath))])
        }
        guard LanguageCode.isValid(language) else {
            throw InputErrors([Diagnostic(.error, "the client's language is not a language code: \(LanguageCode.advice)", path: "handout")])
        }
        guard let entry = library.locate(id: id, language: language) else {
            let known = Set(library.entries().map(\.id))
            let message = NearestName.describe("no template \"\(id)\"", name: id, among: known)
            throw InputErrors([Diagnostic(.error, message, path: PathDisplay.relative(project.templatesPath))])
        }
        return try HandoutTemplate.load(path: entry.path, displayPath: PathDisplay.relative(entry.path), id: entry.id, language: entry.language)
    }

    /// The partners a client is offered for `categories`: those that serve the client's
    /// place and language, less those whose income limit the household is above, at most
    /// `limit` for each category.
    public func offer(categories: [String], client: Client, location: ClientLocation?, today: Day, limit: Int?) -> PartnerOffer {
        let query = PartnerQuery(
            categories: Array(Set(categories)).sorted(), location: location, language: client.language, limit: limit, zipTable: zipTable)
        return PartnerOffer.make(directory, query: query, household: client.household, guidelines: guidelines, today: today)
    }

    /// What one client is offered for several lists of categories (a packet's sections and
    /// its listing): the directory is checked and ranked once for all of `categories`, and
    /// each offer is that ranking narrowed, the same as `offer(categories:…)` would give.
    /// Made for one client and dropped with its packet.
    struct ClientOffers {
        let categories: Set<String>
        let candidates: PartnerSelection.Candidates
        let incomePercent: Double?
        let limit: Int?

        /// Nil for categories it was not made for (or none): ask `offer(categories:…)`.
        func offer(categories wanted: [String]) -> PartnerOffer? {
            let wanted = Set(wanted)
            guard !wanted.isEmpty, wanted.isSubset(of: categories) else { return nil }
            return PartnerOffer(PartnerSelection.limit(candidates, to: wanted.sorted(), limit: limit), incomePercent: incomePercent)
        }
    }

    func offers(categories: [String], client: Client, location: ClientLocation?, today: Day, limit: Int?) -> ClientOffers {
        let query = PartnerOffer.withIncome(
            PartnerQuery(categories: Array(Set(categories)).sorted(), location: location, language: client.language, limit: limit, zipTable: zipTable),
            household: client.household, guidelines: guidelines, today: today)
        return ClientOffers(
            categories: Set(query.categories), candidates: PartnerSelection.candidates(directory.partners(offering: Set(query.categories)), for: query, listingDropped: false),
            incomePercent: query.incomePercent, limit: limit)
    }

    /// The partners a handout lists for a request: its topics and the client's needs.
    func offer(for template: HandoutTemplate, request: RenderRequest) -> PartnerOffer {
        offer(
            categories: template.frontMatter.topics + request.client.needs, client: request.client, location: request.location,
            today: request.today, limit: request.partnerLimit)
    }

    /// Renders an already loaded template (the static-site build loads each once). Throws
    /// when it uses a fact that does not exist, lacks its language, or is another state's.
    /// `pageValues` go to the page layout beside the handout's own: a site's navigation
    /// and language links.
    public func render(_ template: HandoutTemplate, request: RenderRequest, pageValues: [String: Any] = [:]) throws -> RenderedHandout {
        let language = request.client.language
        let documents = try self.documents(template, request: request)
        let section = documents.section
        let matter = template.frontMatter
        let matches = section.offer.offered
        let parts = [documents.header, documents.callFirst, documents.body]
        let html = parts.enumerated().map { index, part in
            guard let part else { return "" }
            return index == 1 ? "<section class=\"call-first\">\n" + part.html + "</section>\n" : part.html
        }.joined()

        var text = parts.compactMap { $0.map { PlainTextRenderer().render($0.root) } }.filter { !$0.isEmpty }.joined(separator: "\n")
        if let fallbackNote = section.fallbackNote {
            text = PlainTextRenderer().wrap(fallbackNote, width: 72).joined(separator: "\n") + "\n\n" + text
        }
        var page = pageValues.merging(["lang": template.language, "title": matter.title]) { $1 }.merging(printValues(request.practice)) { $1 }
        page["facts_checked"] = section.factsChecked?.description
        if let fallbackNote = section.fallbackNote {
            page["fallback_note"] = fallbackNote
            page["fallback_lang"] = language
        }
        return RenderedHandout(
            templateID: template.id, language: language, contentLanguage: template.language,
            html: layout.render(page, content: html), text: text, partners: matches, warnings: template.warnings,
            factsChecked: section.factsChecked)
    }

    /// What the page layout needs for paper: the practice's name and contact at the foot of
    /// every page (`print_footer`), and the site's address (`base_url`) that a relative link
    /// is printed after, as the address a reader can type (`print_base`). Both are CSS strings.
    func printValues(_ practice: Practice) -> [String: Any] {
        var values: [String: Any] = [:]
        if let name = practice.name {
            values["print_footer"] = Layout.cssString(([name] + [practice.phone?.display, practice.website].compactMap { $0 }).joined(separator: " · "))
        }
        if let base = project.baseURL {
            values["print_base"] = Layout.cssString(base.hasSuffix("/") ? base : base + "/")
        }
        return values
    }

    /// A handout's three parts: the title and summary, the "who to call first" box (nil
    /// without partners), and the body with its footer. Three documents, so the box can stand
    /// in its own <section> between them.
    struct Documents {
        let section: FilledHandout
        let header: MarkdownDocument
        let callFirst: MarkdownDocument?
        let body: MarkdownDocument
    }

    func documents(_ template: HandoutTemplate, request: RenderRequest, offers: ClientOffers? = nil) throws -> Documents {
        let language = request.client.language
        let section = try fill(template, request: request, partials: layout.partials, offers: offers)
        let matter = template.frontMatter
        let matches = section.offer.offered
        let strings = section.strings
        var footer = section.incomeNote.map { "\n\n" + MarkdownEscaping.escape($0) } ?? ""
        footer += "\n\n* * *\n\n" + footerMarkdown(
            matter: matter, factsChecked: section.factsChecked, practice: request.practice, today: request.today, published: request.published,
            pageAddress: request.pageAddress, matches: matches, strings: strings)
        let needs = (matter.topics + request.client.needs).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return Documents(
            section: section,
            header: MarkdownDocument(markdown: section.header),
            callFirst: CallFirst.markdown(needs: needs, matches: matches, taxonomy: directory.taxonomy, strings: strings).map { MarkdownDocument(markdown: $0) },
            body: MarkdownDocument(
                markdown: section.body + footer, lineOffset: template.bodyFirstLine - 1,
                rewriteLink: { HandoutLink.rewrite($0, language: language) }))
    }

    /// How many pages the handout prints on, on US Letter and on A4: an estimate without a
    /// browser (`PrintEstimate`). `offers`: the client's ranking, when the caller has it.
    func printEstimates(_ template: HandoutTemplate, request: RenderRequest, offers: ClientOffers? = nil) throws -> [PrintEstimate] {
        let documents = try documents(template, request: request, offers: offers)
        return PrintEstimate.Paper.all.map {
            PrintEstimate(header: documents.header.root, callFirst: documents.callFirst?.root, body: documents.body.root, paper: $0)
        }
    }

    /// One handout filled in for one client: its title, summary and body as Markdown, before
    /// the footer and the page around it. `render` and packets both start here.
    struct FilledHandout {
        let template: HandoutTemplate
        let strings: Strings
        let offer: PartnerOffer
        /// `# title` and the summary.
        let header: String
        /// The filled body; its first line is the template's line `bodyFirstLine`.
        let body: String
        /// Said in the client's language when the template fell back to English.
        let fallbackNote: String?
        /// The earliest of the template's `reviewed` and the `checked` of each fact it uses.
        let factsChecked: Day?

        /// Title, summary and body: a packet's section.
        var markdown: String { header + body }

        /// "Some programs were left out because of income limits.", when some were.
        var incomeNote: String? { offer.leftOutByIncome.isEmpty ? nil : strings["income_left_out"] }
    }

    /// Checks the template's facts, picks the partners, and fills the body (Mustache).
    func fill(_ template: HandoutTemplate, request: RenderRequest, partials: MustacheLibrary, offers: ClientOffers? = nil) throws -> FilledHandout {
        let language = request.client.language
        let strings = Strings(language: template.language)
        let matter = template.frontMatter
        let factUses = FactUses(template, tags: template.tags)
        let problems = factUses.problems(language: template.language, book: facts)
        if !problems.isEmpty {
            throw InputErrors(problems.map { Diagnostic(.error, $0.message, path: template.path, line: $0.line, column: $0.column) })
        }
        let factValues = factContexts[template.language] ?? facts.context(language: template.language)
        let factsChecked = FactUses.factsChecked(reviewed: matter.reviewed, facts: factUses.facts(in: facts))
        let offer = offers?.offer(categories: matter.topics + request.client.needs) ?? offer(for: template, request: request)
        let date = request.published ? Self.inputDate(matter: matter, matches: offer.offered) ?? request.today : request.today
        let context = HandoutContext.make(
            client: request.client, practice: request.practice, topics: matter.topics, matches: offer.offered,
            directory: directory, today: date, strings: strings,
            facts: factValues,
            state: request.location?.state)
        let filled = template.fill(context, library: partials)
        let header = "# \(MarkdownEscaping.escape(matter.title))\n\n" + (summary(template).map { MarkdownEscaping.escape($0) + "\n\n" } ?? "")
        let clientStrings = Strings(language: language)
        let fallbackNote = template.language == language ? nil : clientStrings["fallback"].filling(clientStrings.languageName(language))
        return FilledHandout(
            template: template, strings: strings, offer: offer, header: header, body: filled,
            fallbackNote: fallbackNote, factsChecked: factsChecked)
    }

    /// A page that is not a handout (the site's index) in the same layout.
    public func page(title: String, language: String, markdown: String, pageValues: [String: Any] = [:]) -> String {
        let document = MarkdownDocument(markdown: "# \(MarkdownEscaping.escape(title))\n\n" + markdown)
        return page(title: title, language: language, html: document.html, pageValues: pageValues)
    }

    /// A page whose content is HTML already (the coverage table, which Markdown cannot write).
    func page(title: String, language: String, html: String, pageValues: [String: Any] = [:]) -> String {
        layout.render(pageValues.merging(["lang": language, "title": title]) { $1 }, content: html)
    }

    /// The partner directory's listing (`directory.md`) for `partners`, as Markdown.
    func directoryListing(_ partners: [[String: Any]], language: String) -> String {
        let strings = Strings(language: language)
        return layout.directory.render(EscapedValues.markdown(["partners": partners, "labels": strings.labels]))
    }

    /// "Published by …" with the publisher's phone and website: the last line of a site page.
    func publisherMarkdown(_ practice: Practice, language: String) -> String? {
        practice.name.map { "\(Strings(language: language)["published_by"]) \(MarkdownEscaping.escape($0))" + contactMarkdown(practice) + "." }
    }

    /// The template's summary with its facts filled in, as every page prints it.
    public func summary(_ template: HandoutTemplate) -> String? {
        template.frontMatter.summary.map { FactBook.fill($0, values: factContexts[template.language] ?? facts.context(language: template.language)) }
    }

    /// The newest date a published page's inputs carry: nil when they carry none.
    static func inputDate(matter: FrontMatter, matches: [PartnerMatch]) -> Day? {
        ([matter.reviewed] + matches.map(\.partner.lastVerified)).compactMap { $0 }.max()
    }

    /// "Prepared by …, <day>." (or "Published by …" with no day on a site page), then the
    /// handout's facts lines, escaped like every other value.
    private func footerMarkdown(
        matter: FrontMatter, factsChecked: Day?, practice: Practice, today: Day, published: Bool, pageAddress: String?,
        matches: [PartnerMatch], strings: Strings
    ) -> String {
        var lines: [String] = []
        if let pageAddress { lines.append(Self.qrCodeMarkdown(pageAddress, strings: strings)) }
        if published {
            if let line = publisherMarkdown(practice, language: strings.language) { lines.append(line) }
        } else {
            lines.append(preparedLine(practice: practice, today: today, strings: strings))
        }
        lines += factsLines(matter, factsChecked: factsChecked, published: published, matches: matches, strings: strings)
        return lines.joined(separator: "\n\n") + "\n"
    }

    /// A QR code for `address` (see `MarkdownDocument.qrScheme`), named "QR code for <address>".
    static func qrCodeMarkdown(_ address: String, strings: Strings) -> String {
        let escaped = MarkdownEscaping.escape(address)
        return "![\(MarkdownEscaping.escape(strings["qr_code_for"])) \(escaped)](<\(MarkdownDocument.qrScheme)\(escaped)>)"
    }

    /// "Prepared by … (phone, website), <day>." or "Prepared on <day>.".
    func preparedLine(practice: Practice, today: Day, strings: Strings) -> String {
        var prepared = practice.name.map { "\(strings["prepared_by"]) \(MarkdownEscaping.escape($0))" } ?? strings["prepared_on"]
        if practice.name != nil { prepared += contactMarkdown(practice) + "," }
        return prepared + " " + MarkdownEscaping.escape(strings.format(today)) + "."
    }

    /// "Facts reviewed …" (`factsChecked`: never later than the oldest check of a fact
    /// used), "Listings checked …" (site pages), "Sources: …".
    func factsLines(_ matter: FrontMatter, factsChecked: Day?, published: Bool, matches: [PartnerMatch], strings: Strings) -> [String] {
        let escape = MarkdownEscaping.escape
        var lines: [String] = []
        if let factsChecked { lines.append("\(strings["reviewed"]): \(escape(strings.format(factsChecked))).") }
        if published, let checked = matches.compactMap(\.partner.lastVerified).max() {
            lines.append("\(strings["listings_checked"]): \(escape(strings.format(checked))).")
        }
        if !matter.sources.isEmpty { lines.append("\(strings["sources"]): \(matter.sources.map(escape).joined(separator: "; ")).") }
        return lines
    }

    /// " (phone, website)" after the practice's name, or nothing.
    func contactMarkdown(_ practice: Practice) -> String {
        let escape = MarkdownEscaping.escape
        var contacts: [String] = []
        if let phone = practice.phone { contacts.append("[\(escape(phone.display))](\(phone.telURL))") }
        if let website = practice.website { contacts.append("[\(escape(website))](\(escape(website)))") }
        return contacts.isEmpty ? "" : " (" + contacts.joined(separator: ", ") + ")"
    }
}
