/// Which partners fit a client, and why: the categories they need, where they are, the
/// language they speak; and how many to list.
public struct PartnerQuery: Sendable {
    /// A partner must offer at least one of these; empty means any category.
    public var categories: [String]
    public var location: ClientLocation?
    /// The client's language; nil means any.
    public var language: String?
    /// At most this many partners for each category (the handout's topics and the client's
    /// needs); nil lists every partner that fits (`--all-partners`).
    public var limit: Int?
    /// Centroids of partners' address ZIP codes, for distances when an address has no coordinates.
    public var zipTable: ZipTable?
    /// The household's income as a percent of the poverty guidelines, when known: partners
    /// whose `max_income_fpl_percent` is lower are left out.
    public var incomePercent: Double?

    public init(categories: [String] = [], location: ClientLocation? = nil, language: String? = nil, limit: Int? = nil, zipTable: ZipTable? = nil, incomePercent: Double? = nil) {
        self.incomePercent = incomePercent
        self.categories = categories
        self.location = location
        self.language = language
        self.limit = limit
        self.zipTable = zipTable
    }
}

public struct PartnerMatch: Sendable {
    /// How close the partner's service area comes to the client.
    public enum Area: Sendable, Equatable, Comparable {
        case zip(String)
        case zipPrefix(String)
        case county(String)
        case state(String)
        case remote
        /// No location was given, so the area was not checked.
        case unchecked

        fileprivate var rank: Int {
            switch self {
            case .zip: return 0
            case .zipPrefix: return 1
            case .county: return 2
            case .state: return 3
            case .remote: return 4
            case .unchecked: return 5
            }
        }

        public static func < (lhs: Area, rhs: Area) -> Bool { lhs.rank < rhs.rank }
    }

    public enum Language: Sendable, Equatable {
        case speaks(String)
        case interpretation
        case unchecked
    }

    /// How far the partner is, as a handout may say it.
    public enum Proximity: Sendable, Equatable {
        /// From the centroid of the client's ZIP code to the partner's building (or its ZIP's centroid).
        case miles(Double)
        /// Serves the client's area, with no distance to tell: a confidential location (never
        /// located), or a partner without an address.
        case inYourArea
        /// Serves the client by phone or online only.
        case remote
        /// No client location was given.
        case unknown
    }

    public let partner: Partner
    public let area: Area
    public let language: Language
    /// The query's categories this partner offers, in the partner's order.
    public let categories: [String]
    public let proximity: Proximity
}

/// Every partner the query looked at, in ranking order, kept or dropped, with the reason:
/// what `handout list partners` shows, and `kept` is what a handout lists.
public struct PartnerRanking: Sendable {
    public enum Outcome: Sendable, Equatable {
        case kept
        case inactive
        /// Offers none of the query's categories.
        case otherCategories
        /// Does not serve the client's location.
        case outsideArea
        /// Neither speaks the client's language nor offers interpreters.
        case noLanguage
        /// The household's income (a percent of poverty) is above the partner's limit.
        case overIncomeLimit(limit: Double, household: Double)
        /// Every category it offers already has `limit` nearer or better partners.
        case overLimit(categories: [String], limit: Int)
    }

    public struct Entry: Sendable {
        public let partner: Partner
        /// Nil for partners dropped before ranking (inactive, category, area, language).
        public let match: PartnerMatch?
        public let outcome: Outcome
    }

    /// Ranked partners (kept or dropped by the limit) first, then the others by name.
    public let entries: [Entry]

    public var kept: [PartnerMatch] { entries.compactMap { $0.outcome == .kept ? $0.match : nil } }
}

public enum PartnerSelection {
    /// The cap when neither handout.yml (`max_partners`) nor `--max-partners` sets one.
    public static let defaultLimit = 3

    /// The partners a handout lists, best first; see `rank`.
    public static func select(_ partners: [Partner], for query: PartnerQuery) -> [PartnerMatch] {
        rank(partners, for: query).kept
    }

    /// Active partners that offer one of the categories, serve the client's location and
    /// speak the client's language (or offer interpretation), ranked: nearest first (local
    /// partners by whole miles, then those with no distance to tell, then remote ones), then
    /// the closer service area, then those who speak the client's language over those with
    /// interpreters, then the most recently verified, then by name. For each category at
    /// most `limit` are kept. Deterministic for the same inputs.
    public static func rank(_ partners: [Partner], for query: PartnerQuery) -> PartnerRanking {
        limit(candidates(partners, for: query), to: query.categories, limit: query.limit)
    }

    /// The partners that fit a query before any limit: those that fit, in ranking order, and
    /// those dropped, by name. The order does not depend on the categories, so one client's
    /// several queries (a packet's sections and its listing) can share one pass over the
    /// directory for all their categories, each narrowed by `limit(_:to:limit:)`.
    public struct Candidates: Sendable {
        /// The query's categories.
        let categories: Set<String>
        let fitting: [PartnerMatch]
        let dropped: [PartnerRanking.Entry]
    }

    /// `rank`'s first step: every partner checked against the query and the fitting ones
    /// sorted. `listingDropped: false` keeps of the dropped only those over the income limit:
    /// all that an offer tells (`PartnerOffer`), without sorting the rest by name.
    public static func candidates(_ partners: [Partner], for query: PartnerQuery, listingDropped: Bool = true) -> Candidates {
        let wanted = Set(query.categories)
        var candidates: [PartnerMatch] = []
        var dropped: [PartnerRanking.Entry] = []
        for partner in partners {
            func drop(_ outcome: PartnerRanking.Outcome) {
                if listingDropped { dropped.append(.init(partner: partner, match: nil, outcome: outcome)) }
            }
            guard partner.active else { drop(.inactive); continue }
            let offered = wanted.isEmpty ? partner.categories : partner.categories.filter(wanted.contains)
            guard !offered.isEmpty else { drop(.otherCategories); continue }
            guard let area = query.location.map({ areaMatch(partner, $0) }) ?? .unchecked else { drop(.outsideArea); continue }
            guard let language = query.language.map({ languageMatch(partner, $0) }) ?? .unchecked else { drop(.noLanguage); continue }
            if let percent = query.incomePercent, IncomeEligibility.excludes(partner, incomePercent: percent) {
                dropped.append(.init(partner: partner, match: nil, outcome: .overIncomeLimit(limit: partner.eligibility?.maxIncomeFPLPercent ?? 0, household: percent)))
                continue
            }
            candidates.append(PartnerMatch(
                partner: partner, area: area, language: language, categories: offered,
                proximity: proximity(partner, area: area, query: query)))
        }
        candidates.sort(by: ranksBefore)
        // Each name lowered once, not at every comparison.
        dropped = dropped.map { (key: ($0.partner.name.lowercased(), $0.partner.id), entry: $0) }.sorted { $0.key < $1.key }.map(\.entry)
        return Candidates(categories: wanted, fitting: candidates, dropped: dropped)
    }

    /// `rank`'s second step: each candidate kept unless every one of its categories already
    /// has `limit` partners before it. `categories` are the query's, or some of them (not
    /// none): then only the partners offering one of those are looked at, as if the
    /// partners offering them had been ranked afresh; the order is the candidates'.
    public static func limit(_ candidates: Candidates, to categories: [String], limit: Int?) -> PartnerRanking {
        let wanted = Set(categories)
        let narrowing = wanted != candidates.categories
        func narrowed(_ partner: Partner) -> [String] { wanted.isEmpty ? partner.categories : partner.categories.filter(wanted.contains) }
        var counts: [String: Int] = [:]
        var entries: [PartnerRanking.Entry] = []
        for candidate in candidates.fitting {
            let offered = narrowing ? narrowed(candidate.partner) : candidate.categories
            guard !offered.isEmpty else { continue }
            let match = offered == candidate.categories ? candidate : PartnerMatch(
                partner: candidate.partner, area: candidate.area, language: candidate.language, categories: offered,
                proximity: candidate.proximity)
            // Without categories in the query, the whole list is one group.
            let groups = wanted.isEmpty ? [""] : match.categories
            if let limit, groups.allSatisfy({ counts[$0, default: 0] >= limit }) {
                entries.append(.init(partner: match.partner, match: match, outcome: .overLimit(categories: match.categories, limit: limit)))
                continue
            }
            for group in groups { counts[group, default: 0] += 1 }
            entries.append(.init(partner: match.partner, match: match, outcome: .kept))
        }
        entries += narrowing ? candidates.dropped.filter { !narrowed($0.partner).isEmpty } : candidates.dropped
        return PartnerRanking(entries: entries)
    }

    private static func ranksBefore(_ a: PartnerMatch, _ b: PartnerMatch) -> Bool {
        let keyA = distanceKey(a.proximity), keyB = distanceKey(b.proximity)
        if keyA != keyB { return keyA < keyB }
        if a.area != b.area { return a.area < b.area }
        let languageA = languageRank(a.language), languageB = languageRank(b.language)
        if languageA != languageB { return languageA < languageB }
        if a.partner.lastVerified != b.partner.lastVerified {
            guard let dayA = a.partner.lastVerified else { return false }
            guard let dayB = b.partner.lastVerified else { return true }
            return dayA > dayB
        }
        let nameA = a.partner.name.lowercased(), nameB = b.partner.name.lowercased()
        if nameA != nameB { return nameA < nameB }
        return a.partner.id < b.partner.id
    }

    /// Whole miles as a handout prints them, so "about 2 miles" ties and the next rule decides.
    private static func distanceKey(_ proximity: PartnerMatch.Proximity) -> (Int, Int) {
        switch proximity {
        case .miles(let miles): return (0, Int(miles.rounded()))
        case .inYourArea: return (1, 0)
        case .remote: return (2, 0)
        case .unknown: return (3, 0)
        }
    }

    private static func languageRank(_ language: PartnerMatch.Language) -> Int {
        switch language {
        case .speaks: return 0
        case .interpretation: return 1
        case .unchecked: return 2
        }
    }

    /// A confidential location is never located; a partner reached only as remote is remote
    /// wherever its office is.
    static func proximity(_ partner: Partner, area: PartnerMatch.Area, query: PartnerQuery) -> PartnerMatch.Proximity {
        guard let location = query.location else { return .unknown }
        if area == .remote { return .remote }
        if partner.confidentialLocation { return .inYourArea }
        if let from = location.centroid, let to = coordinate(of: partner, zipTable: query.zipTable) { return .miles(from.miles(to: to)) }
        return partner.address == nil && partner.serviceArea.remote ? .remote : .inYourArea
    }

    /// The building's coordinates, else its ZIP code's centroid; never for a confidential location.
    public static func coordinate(of partner: Partner, zipTable: ZipTable?) -> Coordinate? {
        guard !partner.confidentialLocation, let address = partner.address else { return nil }
        return address.coordinate ?? address.zip.flatMap { zipTable?.lookup($0)?.centroid }
    }

    /// The closest way the partner's service area reaches the client, or nil.
    static func areaMatch(_ partner: Partner, _ client: ClientLocation) -> PartnerMatch.Area? {
        let area = partner.serviceArea
        if let zip = client.zip {
            if let exact = area.zips.first(where: { ZipPattern.isExact($0) && $0 == zip }) { return .zip(exact) }
            if let prefix = area.zips.first(where: { !ZipPattern.isExact($0) && ZipPattern.matches($0, zip: zip) }) {
                return .zipPrefix(prefix)
            }
        }
        if let county = client.county {
            let wanted = CountyName.normalized(county)
            for entry in area.counties {
                let (name, state) = CountyName.parse(entry)
                guard CountyName.normalized(name) == wanted else { continue }
                // "Cook" alone is ambiguous across states: use the entry's own state, else the
                // partner's states or address, to tell Cook, IL from Cook, GA.
                let partnerStates = state.map { [$0] } ?? (area.states.isEmpty ? [partner.address?.state].compactMap { $0 } : area.states)
                if partnerStates.isEmpty || client.state.map(partnerStates.contains) ?? true {
                    return .county(entry)
                }
            }
        }
        if let state = client.state, area.states.contains(state) { return .state(state) }
        if area.remote { return .remote }
        return nil
    }

    /// Whether the partner can serve someone speaking `language`: staff who speak it
    /// (comparing the main language subtag, so "zh-Hant" serves "zh"), or interpreters.
    /// A partner that lists no languages is taken to work in English.
    static func languageMatch(_ partner: Partner, _ language: String) -> PartnerMatch.Language? {
        let wanted = primarySubtag(language)
        let spoken = partner.languages.isEmpty ? ["en"] : partner.languages
        if spoken.contains(where: { primarySubtag($0) == wanted }) { return .speaks(language) }
        return partner.interpretation ? .interpretation : nil
    }

    private static func primarySubtag(_ code: String) -> String {
        String(code.lowercased().split(separator: "-").first ?? "")
    }
}
