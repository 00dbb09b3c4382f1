import Foundation

/// A client handout should fit on two sheets of paper. It is rendered as for a client in
/// each area the directory names (its partners there, at the project's cap), and its pages
/// estimated at the print stylesheet's metrics (`PrintEstimate`; no browser runs); the
/// longest is reported.
///
/// A place changes the page only through the partners it is offered and its state (for
/// `{{#state.XX}}` sections, when the template has any), so of the places in one state the
/// one whose listing has the most to print gives the longest page: that one is rendered
/// and estimated (`listingWeight`), one render per template and state whatever the number
/// of counties and partners. (Rendering every distinct listing made `check` of a
/// 1,000-template project with 1,000 partners take five minutes.)
struct PrintLengthCheck: Sendable {
    let renderer: HandoutRenderer
    let project: Project
    let today: Day
    let areas: [Coverage.Area]

    typealias Place = (name: String?, location: ClientLocation?)

    /// The places a client may be in: every "County, ST" area, or nowhere in particular.
    var places: [Place] {
        let named: [Place] = areas.compactMap { area in
            area.county.map { (area.name, ClientLocation(county: $0.name, state: $0.state)) }
        }
        return named.isEmpty ? [(name: nil, location: nil)] : named
    }

    /// Logs `print-too-long` for each client handout that is; returns how many handouts it
    /// rendered and estimated (what the check costs, for tests).
    @discardableResult
    func run(_ templates: [HandoutTemplate], log: FindingLog) -> Int {
        let places = self.places
        let clientTemplates = templates.filter { $0.frontMatter.audience == .client }
        // The offer depends on the template only through its topics and language. Each place
        // is ranked once per language for every topic, and narrowed to each template's topics
        // (`ClientOffers`, what a packet does), not ranked again for each set of topics.
        var offers: [String: [PartnerOffer]] = [:]
        var rankings: [String: [HandoutRenderer.ClientOffers]] = [:]
        for (language, templates) in Dictionary(grouping: clientTemplates, by: \.language) {
            let topics = Array(Set(templates.flatMap(\.frontMatter.topics)))
            let ranked = places.map {
                renderer.offers(categories: topics, client: Client(language: language), location: $0.location, today: today, limit: project.maxPartners)
            }
            rankings[language] = ranked
            for template in templates where offers[Self.offerKey(template)] == nil {
                offers[Self.offerKey(template)] = zip(places, ranked).map { place, ranked in
                    ranked.offer(categories: template.frontMatter.topics) ?? renderer.offer(for: template, request: request(template, at: place.location))
                }
            }
        }
        let offersByKey = offers, rankingsByLanguage = rankings
        // Each template on all cores; the findings joined in template order, as before.
        let results = clientTemplates.concurrentMapBlocking { template -> (finding: String?, renders: Int) in
            // Per state (one group when the template shows nothing by state), the first place
            // whose listing weighs the most.
            let byState = template.tags.contains { $0.name == "state" || $0.name.hasPrefix("state.") }
            var heaviest: [String: (place: Int, weight: Int)] = [:]
            var states: [String] = []
            for (index, offer) in (offersByKey[Self.offerKey(template)] ?? []).enumerated() {
                let state = byState ? places[index].location?.state ?? "" : ""
                let weight = Self.listingWeight(offer, language: template.language)
                if let current = heaviest[state] {
                    if weight > current.weight { heaviest[state] = (index, weight) }
                } else {
                    heaviest[state] = (index, weight)
                    states.append(state)
                }
            }
            var renders = 0
            var longest: (place: String?, estimates: [PrintEstimate])?
            for index in states.compactMap({ heaviest[$0]?.place }) {
                renders += 1
                let place = places[index]
                // A template that cannot render has findings of its own.
                guard let estimates = try? renderer.printEstimates(
                    template, request: request(template, at: place.location), offers: rankingsByLanguage[template.language]?[index])
                else { break }
                if estimates.map(\.pages).max()! > (longest?.estimates.map(\.pages).max() ?? 0) { longest = (place.name, estimates) }
            }
            guard let longest, longest.estimates.contains(where: { $0.sheets > PrintEstimate.maximumPages }) else { return (nil, renders) }
            let pages = longest.estimates.enumerated().map { "\($0.element.sheets) \($0.offset == 0 ? "pages " : "")on \($0.element.paper.name)" }
                .joined(separator: " and ")
            let client = longest.place.map { " for a client in \($0)" } ?? ""
            return ("handout \"\(template.id)\" prints on about \(pages)\(client) (estimated; a client handout should fit on \(PrintEstimate.maximumPages) pages): shorten it, or split it in two", renders)
        }
        for (template, result) in zip(clientTemplates, results) {
            if let finding = result.finding { log.add("print-too-long", finding, path: template.path, line: 1, column: 1) }
        }
        return results.reduce(0) { $0 + $1.renders }
    }

    static func offerKey(_ template: HandoutTemplate) -> String {
        Set(template.frontMatter.topics).sorted().joined(separator: "\n") + "\t" + template.language
    }

    private func request(_ template: HandoutTemplate, at location: ClientLocation?) -> RenderRequest {
        RenderRequest(templateID: template.id, client: Client(language: template.language), location: location, today: today, partnerLimit: project.maxPartners)
    }

    /// How much a listing prints, roughly: the characters of each offered partner's name,
    /// texts (in the handout's language), contacts and address, a line's worth more for each
    /// entry and each of its phones, and a line for the note on partners left out by income.
    static func listingWeight(_ offer: PartnerOffer, language: String) -> Int {
        let line = 60
        var weight = offer.leftOutByIncome.isEmpty ? 0 : line
        for match in offer.offered {
            let partner = match.partner
            weight += line * (1 + partner.phones.count) + partner.names.resolve(language).text.utf8.count
            weight += partner.clientTexts.reduce(0) { $0 + $1.resolve(language).text.utf8.count }
            weight += [partner.website, partner.intakeURL, partner.email, partner.address?.street, partner.address?.city]
                .reduce(0) { $0 + ($1?.utf8.count ?? 0) }
        }
        return weight
    }
}
