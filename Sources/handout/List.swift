import ArgumentParser
import Foundation
import HandoutKit

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the partners a client would be offered, or the handouts there are.",
        subcommands: [Partners.self, Templates.self]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    struct Partners: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who would be offered to a client, and why: closest first.",
            usage: "handout list partners [--need <category> ...] [--zip <zip>] [<options>]")

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
                let query = PartnerQuery(
                    categories: clientOptions.need, location: try clientOptions.location(project: project), language: lang)
                let matches = PartnerSelection.select(directory.partners, for: query)
                let rows = matches.map(PartnerRow.init)
                switch format {
                case .json: print(try JSONOutput.encode(rows))
                case .table:
                    print(TextTable.render(
                        header: ["ID", "NAME", "AREA", "LANGUAGE", "CATEGORIES"],
                        rows: rows.map { [$0.id, $0.name, $0.area.text, $0.language.text, $0.categories.joined(separator: ",")] }),
                        terminator: "")
                    print("\(rows.count) of \(directory.partners.count) partners")
                }
            }
        }
    }

    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
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

/// One partner and why it was offered: the table row and the JSON object.
struct PartnerRow: Encodable {
    /// How a partner met one condition: `{"by": "zip-prefix", "value": "606*"}`.
    struct Reason: Encodable {
        let by: String
        let value: String?

        var text: String {
            switch by {
            case "zip", "zip-prefix": return "ZIP \(value ?? "")"
            case "speaks": return "speaks \(value ?? "")"
            case "any": return "-"
            default: return value.map { "\(by) \($0)" } ?? by
            }
        }
    }

    let id: String
    let name: String
    let area: Reason
    let language: Reason
    let categories: [String]

    init(_ match: PartnerMatch) {
        id = match.partner.id
        name = match.partner.name
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
        categories = match.categories
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
