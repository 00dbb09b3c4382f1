import Yams

/// The YAML header of a template: what the handout is, who it is for, and where its facts
/// come from.
public struct FrontMatter: Sendable {
    public enum Audience: String, Sendable { case client, clinician }

    public var title = ""
    public var summary: String?
    public var topics: [String] = []
    public var audience = Audience.client
    public var readingLevel: Double?
    public var reviewed: Day?
    public var sources: [String] = []
    public var checked: [String] = []
    /// The line each key stands on, counted from the top of the file.
    public var keyLines: [String: Int] = [:]

    public static let requiredKeys = ["title", "summary", "topics", "audience", "reading_level", "reviewed", "sources"]
    public static let knownKeys = requiredKeys + ["checked"]

    /// Parses the YAML between the `---` lines. `firstLine` is the file line of the YAML's
    /// first line, so positions point into the template file.
    static func parse(_ yaml: String, firstLine: Int, log: DiagnosticLog) -> FrontMatter {
        var matter = FrontMatter()
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            let (problem, mark) = YAMLProblem.describe(error)
            log.add(.error, "front matter: \(problem)", line: mark.map { $0.line + firstLine - 1 } ?? firstLine, column: mark?.column)
            return matter
        }
        guard case .mapping(let mapping) = root else {
            log.add(.error, "front matter must be a set of `key: value` lines", line: firstLine)
            return matter
        }
        func line(_ node: Node) -> Int { (node.mark?.line ?? 1) + firstLine - 1 }
        func column(_ node: Node) -> Int? { node.mark?.column }
        func fail(_ node: Node, _ message: String) { log.add(.error, "front matter: \(message)", line: line(node), column: column(node)) }
        func strings(_ key: String, _ node: Node) -> [String] {
            if let single = node.scalar?.string, key == "topics" { return [single] }
            guard case .sequence(let sequence) = node, sequence.allSatisfy({ $0.scalar != nil }) else {
                fail(node, "\(key) must be a list, like [a, b] or lines starting with \"- \"")
                return []
            }
            return sequence.compactMap { $0.scalar?.string }
        }

        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { continue }
            matter.keyLines[key] = line(keyNode)
            switch key {
            case "title":
                if let text = value.scalar?.string, !text.isEmpty { matter.title = text } else { fail(value, "title must be text") }
            case "summary":
                if let text = value.scalar?.string { matter.summary = text } else { fail(value, "summary must be text") }
            case "topics":
                matter.topics = strings(key, value)
            case "audience":
                if let audience = value.scalar.flatMap({ Audience(rawValue: $0.string) }) {
                    matter.audience = audience
                } else {
                    fail(value, "audience must be client or clinician")
                }
            case "reading_level":
                if let level = value.float, level > 0 { matter.readingLevel = level } else { fail(value, "reading_level must be a grade number, like 6") }
            case "reviewed":
                if let day = value.scalar.flatMap({ Day($0.string) }) { matter.reviewed = day } else { fail(value, "reviewed must be a date, YYYY-MM-DD") }
            case "sources":
                matter.sources = strings(key, value)
            case "checked":
                matter.checked = value.scalar.map { [$0.string] } ?? strings(key, value)
            default:
                let message = NearestName.describe("unknown key \"\(key)\"", name: key, among: knownKeys)
                log.add(.warning, "front matter: \(message)", line: line(keyNode), column: column(keyNode))
            }
        }
        for key in requiredKeys where matter.keyLines[key] == nil {
            log.add(.error, "front matter: missing required key \"\(key)\"", line: firstLine - 1)
        }
        if matter.keyLines["sources"] != nil && matter.sources.isEmpty {
            log.add(.error, "front matter: sources must name at least one statute, regulation or agency", line: matter.keyLines["sources"])
        }
        return matter
    }

}
