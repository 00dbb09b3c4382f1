import Foundation
import Yams

/// A folder with a `handout.yml`, or, without one, the bundled library and example
/// directory, so every command works on a fresh install.
public struct Project: Sendable {
    public struct Contact: Sendable {
        public var name: String?
        public var phone: String?
        public var website: String?
    }

    public var title: String?
    public var organization: String?
    public var baseURL: String?
    public var languages: [String] = ["en", "es"]
    public var directoryPath: String
    public var templatesPath: String
    /// Project layouts that override the bundled ones, when the folder exists.
    public var layoutsPath: String?
    public var outputPath: String
    public var staleAfterDays = 365
    /// A partner directory larger than this is refused before it is read (`max_directory_mb`).
    public var maxDirectoryBytes = InputFile.defaultMaximumBytes
    /// At most this many partners for each need on a client's handout (`max_partners`).
    public var maxPartners = PartnerSelection.defaultLimit
    /// A file mapping HSDS taxonomy codes and terms to categories (`taxonomy_map`), over the
    /// built-in mapping of common terms.
    public var taxonomyMapPath: String?
    /// A handout whose `reviewed` date is older than this is due for review.
    public var reviewAfterDays = 180
    /// The facts files, bundled first: a later file's keys replace or add to earlier ones.
    public var factsPaths: [String]
    public var contact: Contact?
    /// The area a site serves: it lists only partners serving some part of it.
    public var region: Region?
    /// Whether the site has a coverage page for the organization's staff (`coverage_page: true`).
    public var coveragePage = false
    /// Whether pages are set in large print (`large_print: true`, or `--large-print`): the
    /// layouts' `handout-large.css` after `handout.css`.
    public var largePrint = false
    /// The bundled Resources folder: layouts, ZIP table, schema.
    public var resourcesPath: String

    static let knownKeys = [
        "title", "organization", "base_url", "languages", "directory", "templates", "output",
        "stale_after_days", "review_after_days", "contact", "max_partners", "taxonomy_map", "region", "coverage_page",
        "max_directory_mb", "large_print",
    ]

    /// The bundled library with its example directory.
    public static func bundled(root: String) -> Project {
        Project(
            directoryPath: root + "/Resources/directory.json", templatesPath: root + "/Templates",
            outputPath: "_site", factsPaths: [root + "/Resources/facts.yml"], resourcesPath: root + "/Resources")
    }

    /// Reads `<folder>/handout.yml` if it exists, else returns the bundled project.
    public static func load(folder: String, bundledRoot: String) throws -> Project {
        let file = folder + "/handout.yml"
        guard FileManager.default.fileExists(atPath: file) else { return bundled(root: bundledRoot) }
        let shown = PathDisplay.relative(file)
        let text = try InputFile.read(file, displayPath: shown, what: "handout.yml")
        return try parse(text, path: shown, folder: folder, bundledRoot: bundledRoot)
    }

    static func parse(_ yaml: String, path: String, folder: String, bundledRoot: String) throws -> Project {
        var project = bundled(root: bundledRoot)
        project.outputPath = folder + "/_site"
        let log = DiagnosticLog(path: path)
        let root = try YAMLProblem.compose(yaml, path: path)
        guard case .mapping(let mapping)? = root else {
            throw InputErrors([Diagnostic(.error, "handout.yml must be a set of `key: value` lines", path: path, line: 1, column: 1)])
        }
        func relative(_ value: String) -> String { value.hasPrefix("/") ? value : folder + "/" + value }
        func fail(_ node: Node, _ message: String) { log.add(.error, message, line: node.mark?.line, column: node.mark?.column) }
        func text(_ node: Node, _ key: String) -> String? {
            guard let value = node.scalar?.string, !value.isEmpty else { fail(node, "\(key) must be text"); return nil }
            return value
        }
        var templatesGiven = false
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            switch key {
            case "title": project.title = text(value, key)
            case "organization": project.organization = text(value, key)
            case "base_url": project.baseURL = text(value, key)
            case "languages":
                if case .sequence(let items) = value, !items.isEmpty {
                    // Each code names output files: a code that is not one is refused here.
                    project.languages = items.compactMap { item in
                        guard let code = item.scalar?.string, LanguageCode.isValid(code) else {
                            fail(item, item.scalar.map { LanguageCode.problem($0.string)! } ?? "languages: each item must be a language code")
                            return nil
                        }
                        return code
                    }
                } else {
                    fail(value, "languages must be a list, like [en, es]")
                }
            case "directory": if let path = text(value, key) { project.directoryPath = relative(path) }
            case "templates":
                if let path = text(value, key) {
                    project.templatesPath = relative(path)
                    templatesGiven = true
                }
            case "output": if let path = text(value, key) { project.outputPath = relative(path) }
            case "max_partners":
                if let count = value.int, count > 0 { project.maxPartners = count } else { fail(value, "max_partners must be a whole number, 1 or more") }
            case "taxonomy_map": if let path = text(value, key) { project.taxonomyMapPath = relative(path) }
            case "max_directory_mb":
                if let megabytes = value.float, megabytes > 0, megabytes <= 100_000 {
                    project.maxDirectoryBytes = Int(megabytes * 1_000_000)
                } else {
                    fail(value, "max_directory_mb must be a number of megabytes, like 50")
                }
            case "stale_after_days":
                if let days = value.int, days > 0 { project.staleAfterDays = days } else { fail(value, "stale_after_days must be a whole number of days") }
            case "review_after_days":
                if let days = value.int, days > 0 { project.reviewAfterDays = days } else { fail(value, "review_after_days must be a whole number of days") }
            case "contact":
                guard case .mapping(let fields) = value else { fail(value, "contact must have name, phone and website"); continue }
                var contact = Contact()
                for (fieldKey, fieldValue) in fields {
                    switch fieldKey.scalar?.string {
                    case "name": contact.name = text(fieldValue, "contact.name")
                    case "phone": contact.phone = text(fieldValue, "contact.phone")
                    case "website": contact.website = text(fieldValue, "contact.website")
                    default:
                        let name = fieldKey.scalar?.string ?? ""
                        fail(fieldKey, NearestName.describe("unknown key \"contact.\(name)\"", name: name, among: ["name", "phone", "website"]))
                    }
                }
                project.contact = contact
            case "region": project.region = parseRegion(value, fail: fail)
            case "coverage_page":
                if let flag = value.bool { project.coveragePage = flag } else { fail(value, "coverage_page must be true or false") }
            case "large_print":
                if let flag = value.bool { project.largePrint = flag } else { fail(value, "large_print must be true or false") }
            default:
                fail(keyNode, NearestName.describe("unknown key \"\(key)\"", name: key, among: knownKeys))
            }
        }
        try log.throwIfErrors()
        let ownFacts = folder + "/facts.yml"
        if FileManager.default.fileExists(atPath: ownFacts) { project.factsPaths.append(ownFacts) }
        let layouts = (templatesGiven ? project.templatesPath + "/.." : folder) + "/layouts"
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: layouts, isDirectory: &isFolder), isFolder.boolValue {
            project.layoutsPath = URL(fileURLWithPath: layouts).standardizedFileURL.path
        }
        return project
    }

    /// `region: { name: …, zips: [606*], counties: ["Cook, IL"], states: [IL] }`.
    private static func parseRegion(_ node: Node, fail: (Node, String) -> Void) -> Region? {
        let keys = ["name", "zips", "counties", "states", "zip", "radius_miles"]
        guard case .mapping(let fields) = node else { fail(node, "region must have zips, counties or states, like { counties: [\"Cook, IL\"] }"); return nil }
        var region = Region()
        func list(_ value: Node, _ key: String, valid: (String) -> Bool, example: String) -> [String] {
            let items: [Node]
            if case .sequence(let sequence) = value { items = Array(sequence) } else { items = [value] }
            return items.compactMap { item in
                guard let text = item.scalar?.string, valid(text) else { fail(item, "region.\(key): each item must be \(example)"); return nil }
                return text
            }
        }
        for (keyNode, value) in fields {
            switch keyNode.scalar?.string {
            case "name":
                if let text = value.scalar?.string, !text.isEmpty { region.name = text } else { fail(value, "region.name must be text") }
            case "zips": region.zips = list(value, "zips", valid: ZipPattern.isValid, example: "a 5-digit ZIP code or a prefix with *, like 60623 or 606*")
            case "counties": region.counties = list(value, "counties", valid: { !$0.isEmpty }, example: "a county, like \"Cook, IL\"")
            case "states":
                region.states = list(value, "states", valid: { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } }, example: "a two-letter state code, like IL")
                    .map { $0.uppercased() }
            case "zip":
                if let text = value.scalar?.string, text.count == 5, ZipPattern.isValid(text) { region.center = text } else { fail(value, "region.zip must be a 5-digit ZIP code") }
            case "radius_miles":
                if let miles = value.float, miles > 0 { region.radiusMiles = miles } else { fail(value, "region.radius_miles must be a number of miles, more than 0") }
            default:
                let name = keyNode.scalar?.string ?? ""
                fail(keyNode, NearestName.describe("unknown key \"region.\(name)\"", name: name, among: keys))
            }
        }
        let named = Set(fields.compactMap { $0.key.scalar?.string })
        if named.contains("zip") != named.contains("radius_miles") {
            fail(node, "region.zip and region.radius_miles go together: the places within that many miles of the ZIP code")
        }
        if named.isDisjoint(with: ["zips", "counties", "states", "zip"]) {
            fail(node, "region must name at least one ZIP code, county or state")
            return nil
        }
        return region
    }

    /// A layout file from the project's layouts folder if it has one, else the bundled one.
    public func layoutFile(_ name: String) -> String {
        if let layoutsPath, FileManager.default.fileExists(atPath: layoutsPath + "/" + name) {
            return layoutsPath + "/" + name
        }
        return resourcesPath + "/layouts/" + name
    }
}
