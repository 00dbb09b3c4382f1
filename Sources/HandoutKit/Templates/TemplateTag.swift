/// A Mustache tag in a template body and where it stands in the file. Rendering reads the
/// `fact.*` tags from these; checks read all of them.
struct TemplateTag: Sendable {
    enum Kind: Equatable, Sendable { case variable, section, invertedSection, close, partial, comment, other }
    let kind: Kind
    let name: String
    let line: Int
    let column: Int

    nonisolated(unsafe) private static let pattern = try! Regex(#"\{\{(\{?)\s*([#^/>!&=%$<]?)\s*([^}]*?)\s*\}?\}\}"#)

    /// The tags of `template`'s body, and each body line with its tags taken out (a
    /// variable leaves its last name part, so checks read `{{client.name}}` as "name";
    /// a `fact.KEY` found in `facts` leaves the fact's value, so readability is scored on
    /// what the reader sees).
    static func scan(_ template: HandoutTemplate, facts: [String: String] = [:]) -> (tags: [TemplateTag], lines: [String]) {
        var tags: [TemplateTag] = []
        var lines: [String] = []
        for (offset, line) in template.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var prose = ""
            var rest = line.startIndex
            for match in line.matches(of: pattern) {
                let sigil = match.output[2].substring.map(String.init) ?? ""
                let name = match.output[3].substring.map(String.init) ?? ""
                let kind: Kind
                switch sigil {
                case "": kind = .variable
                case "#": kind = .section
                case "^": kind = .invertedSection
                case "/": kind = .close
                case ">": kind = .partial
                case "!": kind = .comment
                default: kind = .other
                }
                let column = line.distance(from: line.startIndex, to: match.range.lowerBound) + 1
                tags.append(TemplateTag(kind: kind, name: name, line: offset + template.bodyFirstLine, column: column))
                prose += line[rest..<match.range.lowerBound]
                if kind == .variable {
                    if name.hasPrefix(FactUses.factPrefix), let value = facts[String(name.dropFirst(FactUses.factPrefix.count))] {
                        prose += value
                    } else {
                        prose += name.split(separator: ".").last.map(String.init) ?? ""
                    }
                }
                rest = match.range.upperBound
            }
            prose += line[rest...]
            lines.append(prose)
        }
        return (tags, lines)
    }
}
