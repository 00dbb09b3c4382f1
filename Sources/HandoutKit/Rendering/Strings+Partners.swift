/// How partner details are worded in a handout's language: texts in another language are
/// marked, opening hours and distances are put in words.
extension Strings {
    /// The text in this language, or another form of it followed by "(en inglés)" /
    /// "(in Spanish)": a handout never mixes languages silently.
    func localized(_ text: LocalizedText) -> String {
        let (found, mark) = localizedParts(text)
        return mark.map { "\(found) (\($0))" } ?? found
    }

    /// A short text inside parentheses already: "Teléfono (Intake, en inglés)".
    func localizedLabel(_ text: LocalizedText) -> String {
        let (found, mark) = localizedParts(text)
        return mark.map { "\(found), \($0)" } ?? found
    }

    /// The text, and "en inglés" when it is not in this language.
    func localizedParts(_ text: LocalizedText) -> (text: String, mark: String?) {
        let (found, foundLanguage) = text.resolve(language)
        guard LocalizedText.primarySubtag(foundLanguage) != LocalizedText.primarySubtag(language) else { return (found, nil) }
        return (found, self["in_language"].filling(languageName(foundLanguage)))
    }

    /// "Monday to Friday, 9 a.m. to 5 p.m.; Tuesday, 5 p.m. to 7 p.m." / "lunes a viernes,
    /// de 9 a. m. a 5 p. m.; …": openings with the same hours are told once, with all their days.
    func hours(_ openings: [Opening]) -> String {
        var groups: [(opens: TimeOfDay, closes: TimeOfDay, days: [Weekday])] = []
        for opening in openings {
            if let index = groups.firstIndex(where: { $0.opens == opening.opens && $0.closes == opening.closes }) {
                groups[index].days = Array(Set(groups[index].days + opening.days)).sorted()
            } else {
                groups.append((opening.opens, opening.closes, opening.days))
            }
        }
        return groups.map { group in
            self["hours_phrase"].replacingOccurrences(of: "%days", with: days(group.days))
                .replacingOccurrences(of: "%opens", with: time(group.opens))
                .replacingOccurrences(of: "%closes", with: time(group.closes))
        }.joined(separator: "; ")
    }

    /// "Monday to Friday", "Monday, Wednesday and Friday", "Saturday".
    func days(_ days: [Weekday]) -> String {
        let names = self["weekdays"].split(separator: " ").map(String.init)
        // Runs of three or more days in a row read as a range.
        var runs: [[Weekday]] = []
        for day in days.sorted() {
            if let last = runs.last?.last, last.rawValue + 1 == day.rawValue { runs[runs.count - 1].append(day) } else { runs.append([day]) }
        }
        let parts = runs.flatMap { run -> [String] in
            run.count >= 3 ? ["\(names[run[0].rawValue]) \(self["to"]) \(names[run[run.count - 1].rawValue])"] : run.map { names[$0.rawValue] }
        }
        return list(parts)
    }

    /// "9 a.m.", "5:30 p.m." / "9 a. m.", "5:30 p. m."; "noon" / "12 del mediodía".
    func time(_ time: TimeOfDay) -> String {
        if time.hour == 12 && time.minute == 0 { return self["noon"] }
        let hour12 = time.hour % 12 == 0 ? 12 : time.hour % 12
        let clock = time.minute == 0 ? String(hour12) : "\(hour12):" + (time.minute < 10 ? "0" : "") + String(time.minute)
        // No-break spaces keep "5 p. m." on one line when the text is wrapped.
        return clock + "\u{00A0}" + self[time.hour < 12 || time.hour == 24 ? "am" : "pm"]
    }

    /// "About 2 miles away", "In your area", "Serves you by phone or online"; nil without a
    /// client location. A confidential location only ever gets "In your area".
    func distance(_ proximity: PartnerMatch.Proximity) -> String? {
        switch proximity {
        case .miles(let miles):
            let whole = Int(miles.rounded())
            if miles < 0.5 { return self["distance_under_one"] }
            return whole == 1 ? self["distance_one"] : self["distance_miles"].filling(String(whole))
        case .inYourArea: return self["in_your_area"]
        case .remote: return self["serves_remotely"]
        case .unknown: return nil
        }
    }
}
