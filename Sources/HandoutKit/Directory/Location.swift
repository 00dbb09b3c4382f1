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

    public init(zip: String? = nil, county: String? = nil, state: String? = nil, zipKnown: Bool = true) {
        self.zip = zip
        self.county = county
        self.state = state?.uppercased()
        self.zipKnown = zipKnown
    }

    /// Looks the ZIP up in the table; explicit county and state win over what it implies.
    public static func resolve(zip: String?, county: String?, state: String?, table: ZipTable?) -> ClientLocation {
        var location = ClientLocation(zip: zip, county: county, state: state)
        if let zip {
            if let entry = table?.lookup(zip) {
                location.county = county ?? entry.county
                location.state = (state ?? entry.state).uppercased()
            } else {
                location.zipKnown = false
            }
        }
        return location
    }
}

/// The ZIP → state and county table that ships in Resources/zip-codes.tsv
/// (made by scripts/make-zip-table.py; its header names the source and date).
public struct ZipTable: Sendable {
    public struct Entry: Sendable, Equatable {
        public let state: String
        public let county: String
    }

    private let entries: [Substring: Entry]

    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputErrors([Diagnostic(.error, "cannot read the ZIP code table", path: path)])
        }
        self.init(tsv: text)
    }

    public init(tsv: String) {
        var entries: [Substring: Entry] = [:]
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { continue }
            entries[fields[0]] = Entry(state: String(fields[1]), county: String(fields[2]))
        }
        self.entries = entries
    }

    public func lookup(_ zip: String) -> Entry? { entries[Substring(zip)] }

    /// Every entry whose ZIP matches a pattern such as "606*".
    public func entries(matching pattern: String) -> [Entry] {
        entries.filter { ZipPattern.matches(pattern, zip: String($0.key)) }.map(\.value)
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
