/// Checks of the partner directory: stale listings, coverage gaps, language gaps.
struct DirectoryChecks {
    let directory: Directory
    let project: Project
    /// Categories the project cares about: its templates' topics and its partners' categories.
    let categories: [String]
    let coverage: Coverage
    let today: Day
    let log: FindingLog

    var path: String { directory.path }

    func run() {
        checkStaleListings()
        for gap in coverage.gaps {
            log.add("coverage-gap", "no active partner serves \"\(gap.category)\" in \(gap.area.name): add one, or widen a partner's service_area",
                path: path, line: gap.area.line, column: gap.area.column)
        }
        checkLanguages()
        checkTranslations()
    }

    /// Per language of the project, how many texts a client reads have no version in it:
    /// a handout in that language prints them marked "(en inglés)".
    private func checkTranslations() {
        let texts = directory.partners.filter(\.active).flatMap(\.clientTexts)
        for language in project.languages where language != LocalizedText.defaultLanguage {
            let missing = texts.filter { !$0.has(language) }.count
            guard missing > 0 else { continue }
            let name = Strings(language: "en").languageName(language)
            log.add("partner-translation", "\(missing) of \(texts.count) partner texts have no \(name) version: \(name) handouts print them in English, marked as such",
                path: path, line: 1, column: 1)
        }
    }

    private func checkStaleListings() {
        for partner in directory.partners where partner.active {
            guard let verified = partner.lastVerified else {
                log.add("stale-listing", "partner \"\(partner.id)\": no last_verified date: check the listing and add the date",
                    path: path, line: partner.line, column: partner.column)
                continue
            }
            let age = verified.days(until: today)
            if age > project.staleAfterDays {
                log.add("stale-listing", "partner \"\(partner.id)\": last verified \(verified), \(age) days ago (more than \(project.staleAfterDays)): call them, check every field, and update last_verified",
                    path: path, line: partner.line, column: partner.column)
            }
        }
    }

    private func checkLanguages() {
        for language in project.languages where language != "en" {
            let name = Strings(language: "en").languageName(language)
            for category in categories {
                let offering = directory.partners.filter { $0.active && $0.categories.contains(category) }
                guard !offering.isEmpty, !offering.contains(where: { PartnerSelection.languageMatch($0, language) != nil }) else { continue }
                log.add("language-gap", "no partner for \"\(category)\" speaks \(name) or offers interpreters, and the site is published in \(name)",
                    path: path, line: 1, column: 1)
            }
        }
    }
}

/// Which categories each area the directory names is served in: the areas are the counties
/// its partners name (and the counties of the ZIP codes they name, through the ZIP table).
public struct Coverage: Sendable {
    public struct Area: Sendable, Hashable {
        /// "Cook, IL", or "ZIP 606*" for a pattern the ZIP table cannot place.
        public let name: String
        /// Where a partner first names the area.
        public let line: Int
        public let column: Int

        /// The county and state of a "County, ST" area; nil for a ZIP pattern's.
        var county: (name: String, state: String)? {
            let parts = name.split(separator: ",").map { $0.trimmedOfSpaces }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }

        public static func == (lhs: Area, rhs: Area) -> Bool { lhs.name == rhs.name }
        public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    }

    public let areas: [Area]
    public let categories: [String]
    /// Active partners serving each category in each area: counts[category][area name].
    public let counts: [String: [String: Int]]

    public var gaps: [(category: String, area: Area)] {
        areas.flatMap { area in categories.filter { (counts[$0]?[area.name] ?? 0) == 0 }.map { ($0, area) } }
    }

    public init(directory: Directory, categories: [String], zipTable: ZipTable?) {
        // The counties each ZIP pattern reaches, looked up once ("Cook, IL").
        var reach: [String: [String: Int]] = [:]
        for pattern in Set(directory.partners.flatMap(\.serviceArea.zips)) {
            let entries = ZipPattern.isExact(pattern) ? [zipTable?.lookup(pattern)].compactMap { $0 } : zipTable?.entries(matching: pattern) ?? []
            for entry in entries { reach[pattern, default: [:]]["\(entry.county), \(entry.state)", default: 0] += 1 }
        }
        var areas: [Area] = []
        func note(_ name: String, _ partner: Partner) {
            if !areas.contains(where: { $0.name == name }) { areas.append(Area(name: name, line: partner.line, column: partner.column)) }
        }
        for partner in directory.partners {
            for entry in partner.serviceArea.counties {
                if let place = Self.place(entry, partner: partner) { note(place, partner) }
            }
            for pattern in partner.serviceArea.zips {
                // A pattern spread over several counties stands for the one most of its ZIP codes lie in.
                note(reach[pattern]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "ZIP \(pattern)", partner)
            }
        }
        // Area by area, which active partners serve it (asked once per partner, not once
        // per partner and category), then how many of those offer each category.
        let zeros = Dictionary(areas.map { ($0.name, 0) }, uniquingKeysWith: { first, _ in first })
        var counts = Dictionary(categories.map { ($0, zeros) }, uniquingKeysWith: { first, _ in first })
        for area in areas {
            let county = area.county
            for partner in directory.partners where partner.active && Self.serves(partner, area: area.name, county: county, reach: reach) {
                for category in categories where partner.categories.contains(category) { counts[category]?[area.name]? += 1 }
            }
        }
        self.areas = areas
        self.categories = categories
        self.counts = counts
    }

    /// "Cook, IL" for a service-area entry "Cook" or "Cook County, IL", the state taken from
    /// the entry, else the partner's states or address.
    private static func place(_ entry: String, partner: Partner) -> String? {
        let parsed = CountyName.parse(entry)
        guard let state = parsed.state ?? partner.serviceArea.states.first ?? partner.address?.state else { return nil }
        return "\(parsed.name), \(state)"
    }

    /// Whether the partner serves the area: remotely, statewide, by county, or in some of its ZIP codes.
    /// `county`: the area's (`Area.county`), worked out once per area.
    private static func serves(_ partner: Partner, area: String, county: (name: String, state: String)?, reach: [String: [String: Int]]) -> Bool {
        let serviceArea = partner.serviceArea
        if serviceArea.remote || serviceArea.zips.contains(where: { "ZIP \($0)" == area || reach[$0]?[area] != nil }) { return true }
        guard let county else { return false }
        if serviceArea.states.contains(county.state) { return true }
        if case .county = PartnerSelection.areaMatch(partner, ClientLocation(county: county.name, state: county.state)) { return true }
        return false
    }

    /// The table `handout check --coverage` prints: categories down, areas across.
    public var table: String {
        let header = ["CATEGORY"] + areas.map(\.name)
        let rows = categories.map { category in
            [category] + areas.map { area in
                let count = counts[category]?[area.name] ?? 0
                return count == 0 ? "-" : String(count)
            }
        }
        return TextTable.render(header: header, rows: rows)
    }
}
