/// The coverage page for an organization's staff (`handout check --coverage --format html`,
/// and `coverage.html` in a site whose handout.yml asks for it): needs × areas as a coloured
/// table, then the listings to check and the language gaps. In English: it is for staff.
public struct CoveragePage: Sendable {
    let project: Project
    let directory: Directory
    let coverage: Coverage
    /// The day listings are stale against: today for `check`, the directory's newest check in a site.
    let asOf: Day?

    public init(project: Project, directory: Directory, coverage: Coverage, asOf: Day?) {
        self.project = project
        self.directory = directory
        self.coverage = coverage
        self.asOf = asOf
    }

    public func render(with renderer: HandoutRenderer) -> String {
        let title = "Partner coverage" + (project.title.map { ": " + $0 } ?? "")
        return renderer.page(title: title, language: "en", html: "<h1>\(escape(title))</h1>\n" + body)
    }

    private func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    private var strings: Strings { Strings(language: "en") }

    var body: String {
        let active = directory.partners.filter(\.active)
        var html = "<p>\(active.count) active partner\(active.count == 1 ? "" : "s")"
        if let asOf { html += ", as of \(escape(strings.format(asOf)))" }
        html += ".</p>\n"
        html += table
        html += "<h2>Listings to check</h2>\n" + list(staleListings, none: "None: every listing was checked within \(project.staleAfterDays) days.")
        html += "<h2>Language gaps</h2>\n" + list(languageGaps, none: "None: every need has a partner speaking each of the site's languages, or offering interpreters.")
        return html
    }

    private var table: String {
        guard !coverage.categories.isEmpty else { return "<p>No partner lists a need yet.</p>\n" }
        var html = "<table>\n<caption>Active partners for each need in each area</caption>\n<thead>\n<tr><th scope=\"col\">Need</th>"
        html += coverage.areas.map { "<th scope=\"col\">\(escape($0.name))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
        for category in coverage.categories {
            html += "<tr><th scope=\"row\">\(escape(directory.taxonomy.label(category, language: "en")))</th>"
            for area in coverage.areas {
                let count = coverage.counts[category]?[area.name] ?? 0
                let kind = count == 0 ? "none" : count == 1 ? "one" : "some"
                html += "<td class=\"\(kind)\">\(count == 0 ? "none" : String(count))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n<p>Red: no partner. Yellow: one partner, so nobody to turn to if it is full. Green: two or more.</p>\n"
    }

    /// Active partners never checked, or checked more than `stale_after_days` before `asOf`.
    private var staleListings: [String] {
        directory.partners.filter(\.active).compactMap { partner in
            guard let verified = partner.lastVerified else { return "\(partner.name): never checked" }
            guard let asOf, verified.days(until: asOf) > project.staleAfterDays else { return nil }
            return "\(partner.name): last checked \(strings.format(verified)), \(verified.days(until: asOf)) days before \(strings.format(asOf))"
        }
    }

    /// For each language of the site but English, the needs no partner serves in it.
    private var languageGaps: [String] {
        project.languages.filter { $0 != "en" }.compactMap { language in
            let missing = coverage.categories.filter { category in
                let offering = directory.partners.filter { $0.active && $0.categories.contains(category) }
                return !offering.isEmpty && !offering.contains { PartnerSelection.languageMatch($0, language) != nil }
            }
            guard !missing.isEmpty else { return nil }
            return "\(strings.languageName(language)): " + missing.map { directory.taxonomy.label($0, language: "en") }.joined(separator: ", ")
        }
    }

    private func list(_ items: [String], none: String) -> String {
        guard !items.isEmpty else { return "<p>\(escape(none))</p>\n" }
        return "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
    }
}
