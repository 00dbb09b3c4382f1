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

    /// The table's bytes as read, and where each data line is, ordered by ZIP (the bundled
    /// table is written sorted; another is sorted here). Loading finds line ends and nothing
    /// more, and a lookup is a binary search that parses the one line it finds: a render
    /// needs one ZIP, and the 40,000-line table cost it more than everything else together.
    private let bytes: [UInt8]
    private let lines: [Line]

    private struct Line: Sendable {
        /// Byte offsets: the line's start, the tab after its ZIP, and its end (no newline).
        let start: Int32, tab: Int32, end: Int32
    }

    public init(contentsOf path: String) throws {
        guard let bytes = InputFile.utf8Bytes(atPath: path) else {
            throw InputErrors([Diagnostic(.error, "cannot read the ZIP code table", path: path)])
        }
        self.init(bytes: bytes)
    }

    public init(tsv: String) {
        self.init(bytes: Array(tsv.utf8))
    }

    private init(bytes: [UInt8]) {
        var lines: [Line] = []
        lines.reserveCapacity(bytes.count / 30)
        var sorted = true
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var start = 0
            while start < count {
                let newline = memchr(base + start, 0x0A, count - start).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
                var end = newline
                if end > start && base[end - 1] == 0x0D { end -= 1 }
                // Comments ("#") and lines without a tab are skipped, as before.
                if end > start && base[start] != 0x23, let tab = memchr(base + start, 0x09, end - start) {
                    let line = Line(start: Int32(start), tab: Int32(UnsafePointer<UInt8>(tab.assumingMemoryBound(to: UInt8.self)) - base), end: Int32(end))
                    if sorted, let last = lines.last, Self.compare(base, last, base, line) > 0 { sorted = false }
                    lines.append(line)
                }
                start = newline + 1
            }
            if !sorted {
                // Stable, so among lines with the same ZIP the last one still wins.
                lines = lines.enumerated().sorted { a, b in
                    let order = Self.compare(base, a.element, base, b.element)
                    return order != 0 ? order < 0 : a.offset < b.offset
                }.map(\.element)
            }
        }
        self.bytes = bytes
        self.lines = lines
    }

    /// Orders two lines by their ZIP fields, as bytes.
    private static func compare(_ baseA: UnsafePointer<UInt8>, _ a: Line, _ baseB: UnsafePointer<UInt8>, _ b: Line) -> Int {
        compare(baseA + Int(a.start), Int(a.tab - a.start), baseB + Int(b.start), Int(b.tab - b.start))
    }

    private static func compare(_ a: UnsafePointer<UInt8>, _ lengthA: Int, _ b: UnsafePointer<UInt8>, _ lengthB: Int) -> Int {
        let order = memcmp(a, b, min(lengthA, lengthB))
        return order != 0 ? Int(order) : lengthA - lengthB
    }

    /// The index of the first line whose ZIP is not below `key` (`orAbove: false`), or above it.
    private func bound(_ key: [UInt8], orAbove: Bool) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            key.withUnsafeBufferPointer { keyBuffer in
                guard let base = buffer.baseAddress, let keyBase = keyBuffer.baseAddress else { return orAbove ? lines.count : 0 }
                var low = 0, high = lines.count
                while low < high {
                    let middle = (low + high) / 2
                    let line = lines[middle]
                    let order = Self.compare(base + Int(line.start), Int(line.tab - line.start), keyBase, keyBuffer.count)
                    if order < 0 || (orAbove && order == 0) { low = middle + 1 } else { high = middle }
                }
                return low
            }
        }
    }

    public func lookup(_ zip: String) -> Entry? {
        let key = Array(zip.utf8)
        // The last line with this ZIP, as when the table was a dictionary filled in file order.
        let above = bound(key, orAbove: true)
        guard above > 0, zipField(lines[above - 1]).elementsEqual(key) else { return nil }
        return entry(lines[above - 1])
    }

    /// Every entry whose ZIP matches a pattern such as "606*", in ZIP order, one per ZIP.
    public func entries(matching pattern: String) -> [Entry] {
        guard pattern.hasSuffix("*") else { return lookup(pattern).map { [$0] } ?? [] }
        let prefix = Array(pattern.dropLast().utf8)
        var entries: [Entry] = []
        var index = bound(prefix, orAbove: false)
        while index < lines.count, zipField(lines[index]).starts(with: prefix) {
            // Of lines with the same ZIP, the last.
            if index + 1 == lines.count || !zipField(lines[index + 1]).elementsEqual(zipField(lines[index])) {
                if let entry = entry(lines[index]) { entries.append(entry) }
            }
            index += 1
        }
        return entries
    }

    private func zipField(_ line: Line) -> ArraySlice<UInt8> { bytes[Int(line.start)..<Int(line.tab)] }

    private func entry(_ line: Line) -> Entry? {
        Self.entry(Substring(String(decoding: bytes[Int(line.tab + 1)..<Int(line.end)], as: UTF8.self)))
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

/// A two-letter state code ("IL"), checked byte by byte: the pattern it replaces compiled
/// an ICU regular expression on first use, a millisecond of every render.
enum StateCode {
    static func isValid(_ text: some StringProtocol, capitalsOnly: Bool) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(capitalsOnly ? byte : byte & ~0x20)
        }
    }
}

/// County names compare without case and without a trailing "County" ("Cook County" = "cook").
enum CountyName {
    /// "Cook County" → "Cook", as written otherwise.
    static func display(_ name: some StringProtocol) -> String {
        // Compared for every partner for every client: no Foundation here.
        let trimmed = name.trimmedOfSpaces
        return trimmed.lowercased().hasSuffix(" county") ? String(trimmed.dropLast(" county".count)) : trimmed
    }

    static func normalized(_ name: some StringProtocol) -> String { display(name).lowercased() }

    /// A service-area entry, "Cook" or "Cook County, IL", split into its name as written
    /// (without "County") and its state, if it names one.
    static func parse(_ entry: String) -> (name: String, state: String?) {
        let parts = entry.split(separator: ",", maxSplits: 1)
        let state = parts.count == 2 ? parts[1].trimmedOfSpaces : nil
        return (display(parts.first ?? ""), state?.count == 2 ? state?.uppercased() : nil)
    }
}
