/// Which partners fit a client, and why: the categories they need, where they are, the
/// language they speak.
public struct PartnerQuery: Sendable {
    /// A partner must offer at least one of these; empty means any category.
    public var categories: [String]
    public var location: ClientLocation?
    /// The client's language; nil means any.
    public var language: String?

    public init(categories: [String] = [], location: ClientLocation? = nil, language: String? = nil) {
        self.categories = categories
        self.location = location
        self.language = language
    }
}

public struct PartnerMatch: Sendable {
    /// How close the partner's service area comes to the client; the listing's order.
    public enum Area: Sendable, Equatable, Comparable {
        case zip(String)
        case zipPrefix(String)
        case county(String)
        case state(String)
        case remote
        /// No location was given, so the area was not checked.
        case unchecked

        private var rank: Int {
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

    public let partner: Partner
    public let area: Area
    public let language: Language
    /// The query's categories this partner offers, in the partner's order.
    public let categories: [String]
}

public enum PartnerSelection {
    /// Active partners that offer one of the categories, serve the client's location and
    /// speak the client's language (or offer interpretation), closest first (ZIP, then
    /// county, then state, then remote), then by name: deterministic for the same inputs.
    public static func select(_ partners: [Partner], for query: PartnerQuery) -> [PartnerMatch] {
        let wanted = Set(query.categories)
        let matches = partners.compactMap { partner -> PartnerMatch? in
            guard partner.active else { return nil }
            let offered = wanted.isEmpty ? partner.categories : partner.categories.filter(wanted.contains)
            guard !offered.isEmpty,
                let area = query.location.map({ areaMatch(partner, $0) }) ?? .unchecked,
                let language = query.language.map({ languageMatch(partner, $0) }) ?? .unchecked
            else { return nil }
            return PartnerMatch(partner: partner, area: area, language: language, categories: offered)
        }
        return matches.sorted { a, b in
            if a.area != b.area { return a.area < b.area }
            let nameA = a.partner.name.lowercased(), nameB = b.partner.name.lowercased()
            if nameA != nameB { return nameA < nameB }
            return a.partner.id < b.partner.id
        }
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
