import Foundation

/// Days and hours a partner is open: "Monday to Friday, 9 a.m. to 5 p.m.". The directory
/// writes `{"days": ["mon", "tue"], "opens": "09:00", "closes": "17:00"}`; HSDS schedules
/// (byday, opens_at, closes_at) become the same values.
public struct Opening: Sendable, Equatable {
    public let days: [Weekday]
    public let opens: TimeOfDay
    public let closes: TimeOfDay

    public init(days: [Weekday], opens: TimeOfDay, closes: TimeOfDay) {
        self.days = days.sorted()
        self.opens = opens
        self.closes = closes
    }
}

public enum Weekday: Int, Sendable, CaseIterable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// "mon": how handout's directory writes a day.
    public var code: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue] }
    /// "MO": how iCalendar and HSDS's byday write it.
    public var icalCode: String { ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][rawValue] }

    public init?(code: String) {
        let lowered = code.trimmedOfSpaces.lowercased()
        guard let day = Self.allCases.first(where: { $0.code == lowered || $0.icalCode.lowercased() == lowered }) else { return nil }
        self = day
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A time of day on a 24-hour clock, written "09:00" (HSDS also writes "09:00:00").
public struct TimeOfDay: Sendable, Equatable, Comparable {
    public let hour: Int
    public let minute: Int

    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...24).contains(hour), (0...59).contains(minute),
            hour < 24 || minute == 0
        else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// "09:00".
    public var text: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute) }
}
