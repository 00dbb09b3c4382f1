import Foundation
import Mustache

/// Several handouts for one client in one document.
public struct PacketRequest: Sendable {
    /// The handouts, in order; empty means one per need of the client (see `handoutIDs(forNeeds:)`).
    public var handoutIDs: [String]
    public var client: Client
    public var practice: Practice
    public var location: ClientLocation?
    public var today: Day
    /// Adds ruled lines headed "Notes" for the clinician and client to write on.
    public var notes: Bool
    /// At most this many partners for each need in the combined listing; nil lists all.
    public var partnerLimit: Int?

    public init(handoutIDs: [String] = [], client: Client, practice: Practice = Practice(), location: ClientLocation? = nil, today: Day, notes: Bool = false, partnerLimit: Int? = nil) {
        self.partnerLimit = partnerLimit
        self.handoutIDs = handoutIDs
        self.client = client
        self.practice = practice
        self.location = location
        self.today = today
        self.notes = notes
    }
}

public struct RenderedPacket: Sendable {
    /// The client's language; it names the files.
    public let language: String
    public let handoutIDs: [String]
    public let html: String
    public let text: String
    /// At most `PacketRenderer.smsLimit` characters.
    public let sms: String
    public let partners: [PartnerMatch]

    /// `packet.<lang>.html`, `.txt` and `.sms.txt`: never anything about the client.
    public var files: [(name: String, contents: String)] {
        [("packet.\(language).html", html), ("packet.\(language).txt", text), ("packet.\(language).sms.txt", sms)]
    }
}

/// A cover (the client's preferred name, the practice, the date, a table of contents), each
/// handout as a section, one combined partner listing, the practice's footer. Every handout
/// is filled by `HandoutRenderer.fill`, the step `render` uses; the templates are loaded and
/// parsed once, when the packet renderer is made, so a batch shares them across rows.
public struct PacketRenderer: Sendable {
    public let renderer: HandoutRenderer
    /// Loaded templates by "id/language", and the errors of those that failed to load
    /// (raised only when a packet asks for one).
    private let templates: [String: HandoutTemplate]
    private let failures: [String: InputErrors]
    private let ids: [String]
    /// The id and topics of each client handout, by id: what `handoutIDs(forNeeds:)` picks from.
    private let clientHandouts: [(id: String, topics: [String])]

    /// Two SMS segments.
    public static let smsLimit = 320
    /// As many as the layout (handout.html) draws.
    static let notesLines = 8

    public init(renderer: HandoutRenderer) {
        self.renderer = renderer
        let entries = renderer.library.entries()
        // Read and parsed on every core: with a thousand templates this is most of a small
        // batch's start. The results come back in the library's order.
        let loaded = entries.concurrentMapBlocking { entry -> Result<HandoutTemplate, InputErrors> in
            do {
                return .success(try HandoutTemplate.load(path: entry.path, displayPath: PathDisplay.relative(entry.path), id: entry.id, language: entry.language))
            } catch let errors as InputErrors {
                return .failure(errors)
            } catch {
                return .failure(InputErrors([Diagnostic(.error, "\(error)", path: PathDisplay.relative(entry.path))]))
            }
        }
        var templates: [String: HandoutTemplate] = [:]
        var failures: [String: InputErrors] = [:]
        for (entry, result) in zip(entries, loaded) {
            let key = "\(entry.id)/\(entry.language)"
            switch result {
            case .success(let template): templates[key] = template
            case .failure(let errors): failures[key] = errors
            }
        }
        self.templates = templates
        self.failures = failures
        let ids = Array(Set(entries.map(\.id))).sorted()
        self.ids = ids
        self.clientHandouts = ids.compactMap { id in
            (templates["\(id)/en"] ?? templates.first { $0.key.hasPrefix(id + "/") }?.value)
        }.filter { $0.frontMatter.audience == .client }.map { ($0.id, $0.frontMatter.topics) }
    }

    /// The template for `id` in `language`, else in English.
    func template(id: String, language: String) throws -> HandoutTemplate {
        for candidate in [language, "en"] {
            if let template = templates["\(id)/\(candidate)"] { return template }
            if let errors = failures["\(id)/\(candidate)"] { throw errors }
        }
        let message = NearestName.describe("no template \"\(id)\"", name: id, among: Set(ids))
        throw InputErrors([Diagnostic(.error, message, path: PathDisplay.relative(renderer.project.templatesPath))])
    }

    /// One client handout per need, in the needs' order: the first (by id) whose main, first
    /// topic is the need, else the first that has the need among its topics.
    public func handoutIDs(forNeeds needs: [String]) -> [String] {
        var chosen: [String] = []
        for need in needs {
            let pick = clientHandouts.first { $0.topics.first == need }
                ?? clientHandouts.first { $0.topics.contains(need) }
            if let pick, !chosen.contains(pick.id) { chosen.append(pick.id) }
        }
        return chosen
    }

    public func render(_ request: PacketRequest) throws -> RenderedPacket {
        let strings = Strings(language: request.client.language)
        let ids = request.handoutIDs.isEmpty ? handoutIDs(forNeeds: request.client.needs) : request.handoutIDs
        guard !ids.isEmpty else {
            throw InputErrors([Diagnostic(.error, "no handout covers the client's needs: name the handouts by id", path: "handout")])
        }
        let templates = try ids.map { try template(id: $0, language: request.client.language) }
        var topics: [String] = []
        for topic in templates.flatMap(\.frontMatter.topics) + request.client.needs where !topics.contains(topic) {
            topics.append(topic)
        }
        // Every section's partners and the listing's come from one ranking of the directory.
        let offers = renderer.offers(
            categories: topics, client: request.client, location: request.location, today: request.today, limit: request.partnerLimit)
        var sections: [HandoutRenderer.FilledHandout] = []
        for template in templates {
            let handoutRequest = RenderRequest(
                templateID: template.id, client: request.client, practice: request.practice, location: request.location,
                today: request.today, partnerLimit: request.partnerLimit)
            sections.append(try renderer.fill(template, request: handoutRequest, partials: renderer.layout.packetPartials, offers: offers))
        }
        let offer = offers.offer(categories: topics) ?? renderer.offer(
            categories: topics, client: request.client, location: request.location, today: request.today, limit: request.partnerLimit)
        let listing = listingMarkdown(offer, topics: topics, request: request, strings: strings)
        let footer = "* * *\n\n" + renderer.preparedLine(practice: request.practice, today: request.today, strings: strings) + "\n"

        let html = pageHTML(sections, listing: listing, footer: footer, request: request, strings: strings)
        let text = plainText(sections, listing: listing, footer: footer, request: request, strings: strings)
        let sms = smsSummary(sections, offer: offer, request: request, strings: strings)
        return RenderedPacket(language: request.client.language, handoutIDs: ids, html: html, text: text, sms: sms, partners: offer.offered)
    }

    // MARK: - Parts

    private func coverMarkdown(_ sections: [HandoutRenderer.FilledHandout], request: PacketRequest, strings: Strings, linked: Bool) -> String {
        let escape = MarkdownEscaping.escape
        var markdown = "# \(escape(strings["packet_title"]))\n\n"
        if let name = request.client.name { markdown += escape(strings["prepared_for"].filling(name)) + "\n\n" }
        markdown += renderer.preparedLine(practice: request.practice, today: request.today, strings: strings) + "\n" + "\n"
        markdown += "## \(escape(strings["in_this_packet"]))\n\n"
        for (index, section) in sections.enumerated() {
            let title = escape(section.template.frontMatter.title)
            markdown += "\(index + 1). " + (linked ? "[\(title)](#\(section.template.id))" : title) + "\n"
        }
        return markdown
    }

    /// A handout's Markdown as a packet section: a fallback note under its title when it
    /// is in English for a client reading another language, its sources at its end.
    private func sectionMarkdown(_ section: HandoutRenderer.FilledHandout) -> String {
        var markdown = section.markdown
        if let note = section.fallbackNote, let titleEnd = markdown.range(of: "\n\n") {
            markdown.insert(contentsOf: MarkdownEscaping.escape(note) + "\n\n", at: titleEnd.upperBound)
        }
        let facts = renderer.factsLines(section.template.frontMatter, factsChecked: section.factsChecked, published: false, matches: [], strings: section.strings)
        return markdown + facts.map { "\n\n" + $0 }.joined() + "\n"
    }

    /// The standard listing for every partner the packet's topics and the client's needs
    /// call for, each once; the income line under its heading when some were left out.
    private func listingMarkdown(_ offer: PartnerOffer, topics: [String], request: PacketRequest, strings: Strings) -> String {
        let context = HandoutContext.make(
            client: request.client, practice: request.practice, topics: topics, matches: offer.offered,
            directory: renderer.directory, today: request.today, strings: strings, state: request.location?.state)
        var listing = renderer.layout.listing(context)
        if !offer.leftOutByIncome.isEmpty {
            let note = MarkdownEscaping.escape(strings["income_left_out"]) + "\n\n"
            // The listing opens with its heading; the line goes right under it.
            if listing.hasPrefix("#"), let headingEnd = listing.range(of: "\n\n") {
                listing.insert(contentsOf: note, at: headingEnd.upperBound)
            } else {
                listing = note + listing
            }
        }
        return listing
    }

    private func pageHTML(_ sections: [HandoutRenderer.FilledHandout], listing: String, footer: String, request: PacketRequest, strings: Strings) -> String {
        var content = MarkdownDocument(markdown: coverMarkdown(sections, request: request, strings: strings, linked: true)).html
        let inPacket = Set(sections.map(\.template.id))
        // A link to a handout in the packet goes to its section; to another, to its file.
        let rewrite = { (destination: String) -> String? in
            guard let id = HandoutLink.target(of: destination) else { return nil }
            return inPacket.contains(id) ? "#" + id : HandoutLink.rewrite(destination, language: request.client.language)
        }
        for section in sections {
            let language = section.template.language
            let document = MarkdownDocument(markdown: sectionMarkdown(section), headingShift: 1, rewriteLink: rewrite)
            let lang = language == strings.language ? "" : " lang=\"\(language)\""
            content += "<section id=\"\(section.template.id)\"\(lang)>\n" + document.html + "</section>\n"
        }
        content += MarkdownDocument(markdown: listing).html + MarkdownDocument(markdown: footer).html
        // The practice's name and contact at the foot of every printed page, as for a handout.
        var page: [String: Any] = renderer.printValues(request.practice).merging(["lang": strings.language, "title": strings["packet_title"]]) { $1 }
        // The packet's facts are as old as its oldest section's.
        page["facts_checked"] = sections.compactMap(\.factsChecked).min()?.description
        // The layout draws the ruled lines under this heading.
        if request.notes { page["notes_title"] = strings["notes"] }
        return renderer.layout.render(page, content: content)
    }

    private func plainText(_ sections: [HandoutRenderer.FilledHandout], listing: String, footer: String, request: PacketRequest, strings: Strings) -> String {
        let text = PlainTextRenderer()
        var parts = [text.render(MarkdownDocument(markdown: coverMarkdown(sections, request: request, strings: strings, linked: false)).root)]
        for section in sections {
            parts.append(text.render(MarkdownDocument(markdown: sectionMarkdown(section), headingShift: 1).root))
        }
        parts.append(text.render(MarkdownDocument(markdown: listing).root))
        parts.append(text.render(MarkdownDocument(markdown: footer).root))
        if request.notes {
            let title = strings["notes"]
            let rule = String(repeating: "_", count: text.width)
            parts.append(title + "\n" + String(repeating: "-", count: title.count) + "\n\n"
                + Array(repeating: rule, count: Self.notesLines).joined(separator: "\n\n") + "\n")
        }
        return parts.joined(separator: "\n")
    }

    /// "Lakeside Counseling: titles. Housing: partner phone. …" in the client's language,
    /// shortened step by step (a count for the titles, then phones without names, then
    /// fewer needs) until it fits in two SMS segments.
    private func smsSummary(_ sections: [HandoutRenderer.FilledHandout], offer: PartnerOffer, request: PacketRequest, strings: Strings) -> String {
        let opening = request.practice.name ?? strings["packet_title"]
        let titles = sections.map(\.template.frontMatter.title).joined(separator: "; ")
        let count = strings["handout_count"].filling(String(sections.count))
        var needs = request.client.needs
        if needs.isEmpty {
            for section in sections { if let topic = section.template.frontMatter.topics.first, !needs.contains(topic) { needs.append(topic) } }
        }
        let contacts = needs.map { need -> (label: String, name: String?, phone: String) in
            let label = renderer.directory.taxonomy.label(need, language: strings.language)
            guard let match = offer.offered.first(where: { $0.categories.contains(need) }),
                let phone = match.partner.phones.first(where: { $0.kind == .voice }) ?? match.partner.phones.first
            else { return (label, nil, "211") }
            return (label, match.partner.name, phone.number.display)
        }
        func compose(_ heading: String, names: Bool, needCount: Int) -> String {
            let lines = contacts.prefix(needCount).map { contact in
                "\(contact.label): " + (names ? contact.name.map { $0 + " " } ?? "" : "") + contact.phone + "."
            }
            return ([opening + ": " + heading + "."] + lines).joined(separator: " ")
        }
        var attempts = [compose(titles, names: true, needCount: contacts.count), compose(count, names: true, needCount: contacts.count)]
        attempts += (0...contacts.count).reversed().map { compose(count, names: false, needCount: $0) }
        let fitting = attempts.first { $0.count <= Self.smsLimit } ?? String(attempts.last!.prefix(Self.smsLimit))
        return fitting
    }
}

