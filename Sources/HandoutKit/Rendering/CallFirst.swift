/// "Who to call first": for each need a handout serves (its topics and the client's needs),
/// the best-ranked partner that offers it, with its phone number (printed large) and what it
/// helps with, so the number is where the eye lands first on page one. It takes the ranking
/// `PartnerSelection` already made; the full listing stays at the end of the handout.
enum CallFirst {
    /// One partner to call: first in the ranking for at least one of `needs`.
    struct Entry {
        let match: PartnerMatch
        /// The needs it is first for, in the query's order.
        var needs: [String]
    }

    /// The first partner for each need, each partner once (with all the needs it is first for).
    static func entries(needs: [String], matches: [PartnerMatch]) -> [Entry] {
        var entries: [Entry] = []
        for need in needs {
            guard let match = matches.first(where: { $0.categories.contains(need) }) else { continue }
            if let index = entries.firstIndex(where: { $0.match.partner.id == match.partner.id }) {
                entries[index].needs.append(need)
            } else {
                entries.append(Entry(match: match, needs: [need]))
            }
        }
        return entries
    }

    /// The box as Markdown (a heading and a list, values escaped), or nil without partners.
    static func markdown(needs: [String], matches: [PartnerMatch], taxonomy: Taxonomy, strings: Strings) -> String? {
        let entries = entries(needs: needs, matches: matches)
        guard !entries.isEmpty else { return nil }
        let escape = MarkdownEscaping.escape
        var lines = ["## \(escape(strings["call_first"]))", ""]
        for entry in entries {
            let partner = entry.match.partner
            // Its QR code first, so it floats to the right of the entry (as in the listing).
            let qrCode = (partner.intakeURL ?? partner.website).map { HandoutRenderer.qrCodeMarkdown($0, strings: strings) } ?? ""
            var parts = [qrCode + "**\(escape(partner.names.resolve(strings.language).text))**"]
            // A voice line first: the box is for calling.
            if let phone = partner.phones.first(where: { $0.kind == .voice }) ?? partner.phones.first {
                parts.append("[\(escape(phone.number.display))](\(phone.number.telURL))")
            } else if let url = partner.intakeURL ?? partner.website {
                parts.append("[\(escape(url))](\(escape(url)))")
            }
            let helps = strings.list(entry.needs.map { taxonomy.label($0, language: strings.language) })
            parts.append(escape(strings["call_first_helps"].filling(helps)))
            // A backslash at the end of a line is a hard line break.
            lines.append("- " + parts.joined(separator: "\\\n  "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
