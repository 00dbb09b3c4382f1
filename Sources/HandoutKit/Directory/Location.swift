import Foundation

/// ZIP patterns as a service area writes them: "60623" (exact) or "606*" (prefix).
enum ZipPattern {
    static func isValid(_ pattern: String) -> Bool {
        if pattern.hasSuffix("*") {
            let prefix = pattern.dropLast()
            return (1...4).contains(prefix.count) && prefix.allSatisfy(\.isASCIIDigit)
        }
        return pattern.count == 5 && pattern.allSatisfy(\.isASCIIDigit)
    }

    static func isExact(_ pattern: String) -> Bool { !pattern.hasSuffix("*") }

    static func matches(_ pattern: String, zip: String) -> Bool {
        pattern.hasSuffix("*") ? zip.hasPrefix(pattern.dropLast()) : zip == pattern
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Where a client is: the ZIP code they gave, and the county and state it implies
/// (or that `--county` and `--state` set).
public struct ClientLocation: Sendable, Equatable {
    public var zip: String?
    public var county: String?
    public var state: String?
    /// False when a ZIP was given that the ZIP table does not know: then only ZIP
    /// patterns and remote partners can match.
    public var zipKnown: Bool
    /// The centroid of the client's ZIP code, from which distances are measured.
    public var centroid: Coordinate?

    public init(zip: String? = nil, county: String? = nil, state: String? = nil, zipKnown: Bool = true, centroid: Coordinate? = nil) {
        self.zip = zip
        self.county = county
        self.state = state?.uppercased()
        self.zipKnown = zipKnown
        self.centroid = centroid
    }

    /// Looks the ZIP up in the table; explicit county and state win over what it implies.
    public static func resolve(zip: String?, county: String?, state: String?, table: ZipTable?) -> ClientLocation {
        var location = ClientLocation(zip: zip, county: county, state: state)
        if let zip {
            if let entry = table?.lookup(zip) {
                location.county = county ?? entry.county
                location.state = (state ?? entry.state).uppercased()
                location.centroid = entry.centroid
            } else {
                location.zipKnown = false
            }
        }
        return location
    }
}

/// A point on the map, in degrees.
public struct Coordinate: Sendable, Equatable {
    public let latitude: Double
    public let longitude: Double

    /// Nil when the values cannot be on Earth (HSDS examples carry latitude 100).
    public init?(latitude: Double, longitude: Double) {
        guard (-90...90).contains(latitude), (-180...180).contains(longitude) else { return nil }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in miles (haversine, mean Earth radius 3958.8 miles).
    public func miles(to other: Coordinate) -> Double {
        let radians = Double.pi / 180
        let dLat = (other.latitude - latitude) * radians, dLon = (other.longitude - longitude) * radians
        let a = sin(dLat / 2) * sin(dLat / 2)
            + cos(latitude * radians) * cos(other.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 3958.8 * asin(min(1, a.squareRoot()))
    }
}

/// The ZIP → state, county and centroid table that ships in Resources/zip-codes.tsv
/// (made by scripts/make-zip-table.py; its header names the source and date).
public struct ZipTable: Sendable {
    public struct Entry: Sendable, Equatable {
        public let state: String
        public let county: String
        /// The ZIP code's centroid, for "about 2 miles away".
        public let centroid: Coordinate?
    }

    /// ZIP → the rest of its line: loading only splits lines, and a lookup parses the one
    /// entry it needs, so the 40,000-line table costs little to load on every render.
    private let rows: [Substring: Substring]

    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputErrors([Diagnostic(.error, "cannot read the ZIP code table", path: path)])
        }
        self.init(tsv: text)
    }

    public init(tsv: String) {
        var rows: [Substring: Substring] = [:]
        rows.reserveCapacity(tsv.utf8.count / 30)
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            rows[line[..<tab]] = line[line.index(after: tab)...]
        }
        self.rows = rows
    }

    public func lookup(_ zip: String) -> Entry? { rows[Substring(zip)].flatMap(Self.entry) }

    /// Every entry whose ZIP matches a pattern such as "606*".
    public func entries(matching pattern: String) -> [Entry] {
        rows.filter { ZipPattern.matches(pattern, zip: String($0.key)) }.compactMap { Self.entry($0.value) }
    }

    /// "IL\tCook\t41.848\t-87.717" → the entry; the coordinates may be missing.
    private static func entry(_ rest: Substring) -> Entry? {
        let fields = rest.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 2 else { return nil }
        var centroid: Coordinate?
        if fields.count >= 4, let latitude = Double(fields[2]), let longitude = Double(fields[3]) {
            centroid = Coordinate(latitude: latitude, longitude: longitude)
        }
        return Entry(state: String(fields[0]), county: String(fields[1]), centroid: centroid)
    }
}

/// County names compare without case and without a trailing "County" ("Cook County" = "cook").
enum CountyName {
    /// "Cook County" → "Cook", as written otherwise.
    static func display(_ name: some StringProtocol) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        return trimmed.lowercased().hasSuffix(" county") ? String(trimmed.dropLast(" county".count)) : trimmed
    }

    static func normalized(_ name: some StringProtocol) -> String { display(name).lowercased() }

    /// A service-area entry, "Cook" or "Cook County, IL", split into its name as written
    /// (without "County") and its state, if it names one.
    static func parse(_ entry: String) -> (name: String, state: String?) {
        let parts = entry.split(separator: ",", maxSplits: 1)
        let state = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
        return (display(parts.first ?? ""), state?.count == 2 ? state?.uppercased() : nil)
    }
}
