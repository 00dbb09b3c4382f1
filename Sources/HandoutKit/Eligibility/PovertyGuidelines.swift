import Foundation

/// A household's size and yearly income, for partners whose eligibility is a percent of
/// the federal poverty guidelines. Client detail: it reaches the page and nothing else.
public struct Household: Sendable, Equatable {
    public var size: Int
    public var annualIncome: Double

    /// The household sizes accepted, from a client's file or the command line.
    public static let sizes = 1...99

    public init(size: Int, annualIncome: Double) {
        self.size = size
        self.annualIncome = annualIncome
    }
}

/// The HHS poverty guidelines that ship in Resources/poverty-guidelines.tsv: one table per
/// year and region (the 48 contiguous states and DC, Alaska, Hawaii), with the date each
/// year's table took effect. The file's header names the Federal Register notice.
public struct PovertyGuidelines: Sendable {
    public enum Region: String, Sendable, CaseIterable {
        case contiguous, alaska, hawaii

        /// Alaska and Hawaii have tables of their own; every other state and DC use the
        /// contiguous one, as does a client whose state is not known.
        public init(state: String?) {
            switch state?.uppercased() {
            case "AK": self = .alaska
            case "HI": self = .hawaii
            default: self = .contiguous
            }
        }
    }

    public struct Table: Sendable, Equatable {
        public let year: Int
        public let effective: Day
        public let region: Region
        /// Income at 100% of poverty for households of 1 to 8 persons.
        public let amounts: [Int]
        public let eachAdditional: Int

        /// The guideline for a household of `size` (at least 1).
        public func guideline(householdSize size: Int) -> Int {
            let size = max(1, size)
            return size <= amounts.count ? amounts[size - 1] : amounts[amounts.count - 1] + (size - amounts.count) * eachAdditional
        }
    }

    public let tables: [Table]

    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputErrors([Diagnostic(.error, "cannot read the poverty guidelines table", path: PathDisplay.relative(path))])
        }
        try self.init(tsv: text, path: PathDisplay.relative(path))
    }

    public init(tsv: String, path: String) throws {
        var tables: [Table] = []
        var sawHeader = false
        for (index, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.hasPrefix("#"), !line.isEmpty else { continue }
            guard sawHeader else { sawHeader = true; continue }
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 12, let year = Int(fields[0]), let effective = Day(fields[1]),
                let region = Region(rawValue: fields[2]) else {
                throw InputErrors([Diagnostic(.error, "expected year, effective date, region, 8 amounts and each_additional, separated by tabs", path: path, line: index + 1, column: 1)])
            }
            let numbers = fields[3...].compactMap { Int($0) }
            guard numbers.count == 9 else {
                throw InputErrors([Diagnostic(.error, "amounts must be whole dollars", path: path, line: index + 1, column: 1)])
            }
            tables.append(Table(year: year, effective: effective, region: region, amounts: Array(numbers[0..<8]), eachAdditional: numbers[8]))
        }
        self.tables = tables
    }

    /// The table in effect on `day` for `region`: the latest that had taken effect, or the
    /// earliest there is when `day` comes before all of them.
    public func table(on day: Day, region: Region) -> Table? {
        let regional = tables.filter { $0.region == region }.sorted { $0.effective < $1.effective }
        return regional.last { $0.effective <= day } ?? regional.first
    }

    /// Household income as a percent of the poverty guideline for its size, in its region,
    /// on `day`: 100 means at the guideline.
    public func percent(of household: Household, state: String?, on day: Day) -> Double? {
        guard let table = table(on: day, region: Region(state: state)) else { return nil }
        return household.annualIncome / Double(table.guideline(householdSize: household.size)) * 100
    }
}
