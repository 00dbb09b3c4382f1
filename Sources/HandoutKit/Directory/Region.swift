/// The area a site serves (`region:` in handout.yml): ZIP codes or prefixes, counties,
/// states, or a ZIP code and a radius. A site lists the partners that serve some part of it.
public struct Region: Sendable, Equatable {
    public var name: String?
    /// "60623" or "606*".
    public var zips: [String] = []
    /// "Cook, IL" or "Cook County, IL"; a county without a state takes the region's states.
    public var counties: [String] = []
    /// Two-letter codes.
    public var states: [String] = []
    /// A ZIP code and a distance: the places within `radiusMiles` of its centroid.
    public var center: String?
    public var radiusMiles: Double?

    public init(name: String? = nil, zips: [String] = [], counties: [String] = [], states: [String] = [], center: String? = nil, radiusMiles: Double? = nil) {
        self.name = name
        self.zips = zips
        self.counties = counties
        self.states = states.map { $0.uppercased() }
        self.center = center
        self.radiusMiles = radiusMiles
    }

    /// Whether the partner serves some part of the region: by a ZIP pattern that overlaps one
    /// of the region's, by a county or state the region lies in or holds (the ZIP table
    /// places ZIP codes in counties), or remotely.
    public func isServed(by partner: Partner, zipTable: ZipTable?) -> Bool {
        let area = partner.serviceArea
        if area.remote { return true }
        if isWithinRadius(partner, zipTable: zipTable) { return true }
        let places = self.places(zipTable)
        // ZIP patterns: one is a prefix of the other.
        for theirs in area.zips {
            let their = theirs.hasSuffix("*") ? String(theirs.dropLast()) : theirs
            for ours in zips {
                let our = ours.hasSuffix("*") ? String(ours.dropLast()) : ours
                if their.hasPrefix(our) || our.hasPrefix(their) { return true }
            }
            let reached = ZipPattern.isExact(theirs) ? [zipTable?.lookup(theirs)].compactMap { $0 } : zipTable?.entries(matching: theirs) ?? []
            // A partner's ZIP code lies in a county or state the region names (not merely
            // near the region's own ZIP codes).
            if reached.contains(where: { places.named.contains(Self.key($0.county, $0.state)) || states.contains($0.state) }) { return true }
        }
        for entry in area.counties {
            let parsed = CountyName.parse(entry)
            let partnerStates = parsed.state.map { [$0] } ?? (area.states.isEmpty ? [partner.address?.state].compactMap { $0 } : area.states)
            if partnerStates.contains(where: { places.counties.contains(Self.key(parsed.name, $0)) || states.contains($0.uppercased()) }) { return true }
            // A county named without any state matches a region county of that name.
            if partnerStates.isEmpty && places.counties.contains(where: { $0.hasPrefix(CountyName.normalized(parsed.name) + "|") }) { return true }
        }
        return area.states.contains { places.states.contains($0.uppercased()) }
    }

    /// For a ZIP code and a radius: the partner serves the ZIP code itself, or stands (its
    /// building, else its ZIP code's centroid) or serves a ZIP code within the radius.
    private func isWithinRadius(_ partner: Partner, zipTable: ZipTable?) -> Bool {
        guard let center, let radiusMiles, let entry = zipTable?.lookup(center) else { return false }
        if PartnerSelection.areaMatch(partner, ClientLocation(zip: center, county: entry.county, state: entry.state)) != nil { return true }
        guard let origin = entry.centroid else { return false }
        func near(_ point: Coordinate?) -> Bool { point.map { origin.miles(to: $0) <= radiusMiles } ?? false }
        if near(PartnerSelection.coordinate(of: partner, zipTable: zipTable)) { return true }
        return partner.serviceArea.zips.contains { ZipPattern.isExact($0) && near(zipTable?.lookup($0)?.centroid) }
    }

    /// The counties ("cook|IL") and states the region lies in or holds, and the counties
    /// it names itself.
    private func places(_ zipTable: ZipTable?) -> (counties: Set<String>, states: Set<String>, named: Set<String>) {
        var counties: Set<String> = []
        var states = Set(self.states)
        for entry in self.counties {
            let parsed = CountyName.parse(entry)
            for state in parsed.state.map({ [$0] }) ?? self.states {
                counties.insert(Self.key(parsed.name, state))
                states.insert(state)
            }
        }
        let named = counties
        for pattern in zips {
            let entries = ZipPattern.isExact(pattern) ? [zipTable?.lookup(pattern)].compactMap { $0 } : zipTable?.entries(matching: pattern) ?? []
            for entry in entries {
                counties.insert(Self.key(entry.county, entry.state))
                states.insert(entry.state)
            }
        }
        return (counties, states, named)
    }

    private static func key(_ county: String, _ state: String) -> String {
        CountyName.normalized(county) + "|" + state.uppercased()
    }
}

extension Directory {
    /// The directory with only the partners that serve `region`.
    public func restricted(to region: Region?, zipTable: ZipTable?) -> Directory {
        guard let region else { return self }
        return Directory(
            path: path, format: format, regionName: region.name ?? regionName, taxonomy: taxonomy,
            partners: partners.filter { region.isServed(by: $0, zipTable: zipTable) }, warnings: warnings)
    }
}
