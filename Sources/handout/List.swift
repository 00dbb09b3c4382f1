import ArgumentParser
import Foundation
import HandoutKit

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the partners a client would be offered, the handouts there are, or the facts they state.",
        subcommands: [Partners.self, Templates.self, Facts.self]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    struct Partners: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "partners",
            abstract: "Who a client would be offered, ranked, and why each partner was kept or dropped.",
            usage: "handout list partners [--need <category> ...] [--zip <zip>] [<options>]",
            discussion: """
                Ranked as a handout lists them: nearest first, then the closer service area, then \
                those who speak the client's language over those with interpreters, then the most \
                recently verified. Each need keeps at most --max-partners (3 unless handout.yml's \
                max_partners says otherwise); the others show why they were dropped. Partners \
                offering none of the needs are counted, not listed.
                """)

        @OptionGroup var projectOptions: ProjectOptions
        @OptionGroup var clientOptions: ClientOptions

        @Option(name: .long, help: ArgumentHelp("Only partners who speak this language or offer interpretation.", valueName: "code"))
        var lang: String?

        @Option(name: .long, help: "table or json.")
        var format = Format.table

        func validate() throws {
            if let lang, !LanguageCode.isValid(lang) { throw ValidationError("--lang must be a language code: " + LanguageCode.advice) }
        }

        func run() throws {
            try reportingInputErrors {
                let project = try projectOptions.loadProject()
                let directory = try projectOptions.loadDirectory(for: project)
                try clientOptions.checkNeeds(directory)
                let zipTable = try clientOptions.zipTable(project: project)
                let location = clientOptions.location(table: zipTable)
                let guidelines = try PovertyGuidelines(contentsOf: project.resourcesPath + "/poverty-guidelines.tsv")
                let query = PartnerQuery(
                    categories: clientOptions.need, location: location, language: lang,
                    limit: clientOptions.partnerLimit(project: project), zipTable: zipTable,
                    incomePercent: clientOptions.household.flatMap { guidelines.percent(of: $0, state: location?.state, on: projectOptions.day) })
                let ranking = PartnerSelection.rank(directory.partners, for: query)
                let rows = PartnerRow.rows(ranking)
                switch format {
                case .json: print(try JSONOutput.encode(rows))
                case .table:
                    print(TextTable.render(
                        header: ["RANK", "ID", "NAME", "DISTANCE", "AREA", "LANGUAGE", "VERIFIED", "RESULT"],
                        rows: rows.map { row in
                            [row.rank.map(String.init) ?? "-", row.id, row.name, row.distance?.text ?? "-", row.area?.text ?? "-",
                             row.language?.text ?? "-", row.lastVerified ?? "-", row.result.text]
                        }),
                        terminator: "")
                    let kept = rows.filter { $0.result.kept }.count
                    let others = ranking.entries.count - rows.count
                    var summary = "\(kept) kept, \(rows.count - kept) dropped"
                    if others > 0 { summary += ", \(others) offer none of the needs" }
                    if let limit = query.limit { summary += " (at most \(limit) for each need)" }
                    if let percent = query.incomePercent { summary += "; household income at \(IncomeEligibility.display(percent))% of the poverty guidelines" }
                    print(summary + "; \(directory.partners.count) partners in all")
                }
            }
        }
    }

    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "templates",
            abstract: "The handouts in the project, with their languages.",
            usage: "handout list templates [--format <format>] [<options>]")

        @OptionGroup var projectOptions: ProjectOptions

        @Option(name: .long, help: "table or json.")
        var format = Format.table

        func run() throws {
            try reportingInputErrors {
                let project = try projectOptions.loadProject()
                let library = TemplateLibrary(root: project.templatesPath)
                var rows: [TemplateRow] = []
                var problems: [Diagnostic] = []
                for (id, entries) in Dictionary(grouping: library.entries(), by: \.id).sorted(by: { $0.key < $1.key }) {
                    let english = entries.first { $0.language == "en" } ?? entries[0]
                    do {
                        let template = try HandoutTemplate.load(path: english.path, displayPath: PathDisplay.relative(english.path), id: id, language: english.language)
                        rows.append(TemplateRow(
                            id: id, languages: entries.map(\.language), audience: template.frontMatter.audience.rawValue,
                            topics: template.frontMatter.topics, title: template.frontMatter.title))
                    } catch let errors as InputErrors {
                        problems += errors.diagnostics
                    }
                }
                DiagnosticPrinter().print(problems)
                switch format {
                case .json: print(try JSONOutput.encode(rows))
                case .table:
                    print(TextTable.render(
                        header: ["ID", "LANGUAGES", "AUDIENCE", "TITLE"],
                        rows: rows.map { [$0.id, $0.languages.joined(separator: " "), $0.audience, $0.title] }),
                        terminator: "")
                    let languageCount = Set(rows.flatMap(\.languages)).count
                    print("\(rows.count) handouts in \(languageCount) languages")
                }
                if !problems.isEmpty { throw ExitCode(1) }
            }
        }
    }
}

extension List {
    struct Facts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "facts",
            abstract: "Every fact with its source, review date and the handouts that use it.",
            usage: "handout list facts [--format <format>] [<options>]",
            discussion: "Sorted by review_by, soonest first: a reviewer's monthly pass starts at the top.")

        @OptionGroup var projectOptions: ProjectOptions

        @Option(name: .long, help: "table or json.")
        var format = Format.table

        func run() throws {
            try reportingInputErrors {
                let project = try projectOptions.loadProject()
                let book = try FactBook.load(project: project)
                var templates: [HandoutTemplate] = []
                var problems: [Diagnostic] = []
                for entry in TemplateLibrary(root: project.templatesPath).entries() {
                    do {
                        templates.append(try HandoutTemplate.load(path: entry.path, displayPath: PathDisplay.relative(entry.path), id: entry.id, language: entry.language))
                    } catch let errors as InputErrors {
                        problems += errors.diagnostics
                    }
                }
                DiagnosticPrinter().print(problems)
                let usage = book.usage(of: templates)
                let rows = book.byReviewDate.map { FactRow($0, usedBy: usage[$0.key] ?? [:]) }
                switch format {
                case .json: print(try JSONOutput.encode(rows))
                case .table:
                    print(TextTable.render(
                        header: ["KEY", "VALUE (EN)", "CHECKED", "REVIEW BY", "USED BY", "CITATION"],
                        rows: rows.map { row in
                            let users = row.usedBy.map { "\($0.id) (\($0.languages.joined(separator: " ")))" }
                            return [row.key, row.value, row.checked, row.reviewBy, users.isEmpty ? "-" : users.joined(separator: ", "), row.citation]
                        }),
                        terminator: "")
                    let unused = rows.filter(\.usedBy.isEmpty).count
                    print("\(rows.count) facts, \(unused) not used by any handout")
                }
                if !problems.isEmpty { throw ExitCode(1) }
            }
        }
    }
}

/// One fact, where it comes from, and who uses it: the table row and the JSON object.
struct FactRow: Encodable {
    struct User: Encodable {
        let id: String
        let languages: [String]
    }

    let key: String
    /// The English text (what the table shows); `values` has every language.
    let value: String
    let values: [String: String]?
    let citation: String
    let url: String?
    let checked: String
    let reviewBy: String
    let state: String?
    let usedBy: [User]

    enum CodingKeys: String, CodingKey {
        case key, value, values, citation, url, checked, state
        case reviewBy = "review_by"
        case usedBy = "used_by"
    }

    init(_ fact: Fact, usedBy: [String: [String]]) {
        key = fact.key
        value = fact.value(in: "en") ?? ""
        switch fact.value {
        case .everyLanguage: values = nil
        case .perLanguage(let texts): values = texts
        }
        citation = fact.citation
        url = fact.url
        checked = fact.checked.description
        reviewBy = fact.reviewBy.description
        state = fact.state
        self.usedBy = usedBy.sorted { $0.key < $1.key }.map { User(id: $0.key, languages: $0.value) }
    }
}

/// One partner and why it was offered: the table row and the JSON object.
/// One partner in the ranking and why it was kept or dropped: the table row and the JSON object.
struct PartnerRow: Encodable {
    /// How a partner met one condition: `{"by": "zip-prefix", "value": "606*"}`.
    struct Reason: Encodable {
        let by: String
        let value: String?

        var text: String {
            switch by {
            case "zip", "zip-prefix": return "ZIP \(value ?? "")"
            case "speaks": return "speaks \(value ?? "")"
            case "miles": return "\(value ?? "") mi"
            case "in-your-area": return "in your area"
            case "any": return "-"
            default: return value.map { "\(by) \($0)" } ?? by
            }
        }
    }

    /// `{"kept": true}` or `{"kept": false, "reason": "limit", "detail": "3 for housing"}`.
    struct Result: Encodable {
        let kept: Bool
        let reason: String?
        let detail: String?

        var text: String {
            guard let reason else { return "kept" }
            return "dropped: " + reason + (detail.map { " (\($0))" } ?? "")
        }
    }

    let rank: Int?
    let id: String
    let name: String
    let distance: Reason?
    let area: Reason?
    let language: Reason?
    let lastVerified: String?
    let categories: [String]
    let result: Result

    enum CodingKeys: String, CodingKey {
        case rank, id, name, distance, area, language, categories, result
        case lastVerified = "last_verified"
    }

    /// Every ranked partner, then those dropped for their area, language or status; not
    /// those that offer none of the needs.
    static func rows(_ ranking: PartnerRanking) -> [PartnerRow] {
        var rank = 0
        return ranking.entries.compactMap { entry in
            if entry.outcome == .otherCategories { return nil }
            if entry.match != nil { rank += 1 }
            return PartnerRow(entry, rank: entry.match == nil ? nil : rank)
        }
    }

    init(_ entry: PartnerRanking.Entry, rank: Int?) {
        self.rank = rank
        id = entry.partner.id
        name = entry.partner.name
        lastVerified = entry.partner.lastVerified?.description
        categories = entry.match?.categories ?? entry.partner.categories
        switch entry.outcome {
        case .kept: result = Result(kept: true, reason: nil, detail: nil)
        case .inactive: result = Result(kept: false, reason: "inactive", detail: nil)
        case .otherCategories: result = Result(kept: false, reason: "category", detail: nil)
        case .outsideArea:
            let area = entry.partner.serviceArea
            let places = area.zips.map { "ZIP \($0)" } + area.counties + area.states
            result = Result(kept: false, reason: "area", detail: places.isEmpty ? "no service area" : "serves " + places.joined(separator: "; "))
        case .noLanguage: result = Result(kept: false, reason: "language", detail: "no staff or interpreters for it")
        case .overIncomeLimit(let limit, let household):
            result = Result(kept: false, reason: "income", detail: "limit \(IncomeEligibility.display(limit))% of poverty, household at \(IncomeEligibility.display(household))%")
        case .overLimit(let categories, let limit):
            result = Result(kept: false, reason: "limit", detail: "\(limit) ranked higher for \(categories.joined(separator: ", "))")
        }
        guard let match = entry.match else {
            distance = nil
            area = nil
            language = nil
            return
        }
        switch match.proximity {
        case .miles(let miles): distance = Reason(by: "miles", value: String(format: "%.1f", miles))
        case .inYourArea: distance = Reason(by: "in-your-area", value: nil)
        case .remote: distance = Reason(by: "remote", value: nil)
        case .unknown: distance = Reason(by: "any", value: nil)
        }
        switch match.area {
        case .zip(let zip): area = Reason(by: "zip", value: zip)
        case .zipPrefix(let pattern): area = Reason(by: "zip-prefix", value: pattern)
        case .county(let county): area = Reason(by: "county", value: county)
        case .state(let state): area = Reason(by: "state", value: state)
        case .remote: area = Reason(by: "remote", value: nil)
        case .unchecked: area = Reason(by: "any", value: nil)
        }
        switch match.language {
        case .speaks(let code): language = Reason(by: "speaks", value: code)
        case .interpretation: language = Reason(by: "interpreters", value: nil)
        case .unchecked: language = Reason(by: "any", value: nil)
        }
    }
}

struct TemplateRow: Encodable {
    let id: String
    let languages: [String]
    let audience: String
    let topics: [String]
    let title: String
}

enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
