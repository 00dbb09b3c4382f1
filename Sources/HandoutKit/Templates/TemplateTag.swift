/// A Mustache tag in a template body and where it stands in the file. Rendering reads the
/// `fact.*` tags from these; checks read all of them.
struct TemplateTag: Sendable {
    enum Kind: Equatable, Sendable { case variable, section, invertedSection, close, partial, comment, other }
    let kind: Kind
    let name: String
    let line: Int
    let column: Int

    /// A body seen three ways, line by line, for the checks.
    struct Scan {
        var tags: [TemplateTag] = []
        /// Tags taken out: a fact leaves its value (what the reader will see), any other
        /// variable its last name part (`{{client.name}}` reads as "name").
        var lines: [String] = []
        /// Every tag blanked to spaces, so columns stay true: the text the author wrote.
        var bareLines: [String] = []
    }

    nonisolated(unsafe) private static let pattern = try! Regex(#"\{\{(\{?)\s*([#^/>!&=%$<]?)\s*([^}]*?)\s*\}?\}\}"#)
    static let factPrefix = "fact."

    /// Scans `template`'s body; `facts` are the fact values in its language.
    static func scan(_ template: HandoutTemplate, facts: [String: String] = [:]) -> Scan {
        scan(body: template.body, firstLine: template.bodyFirstLine, facts: facts)
    }

    /// Scans a body whose first line is the file's line `firstLine`.
    static func scan(body: String, firstLine: Int, facts: [String: String] = [:]) -> Scan {
        var scan = Scan()
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // Every tag starts with "{{": most lines have none, and skip the regex.
            guard line.utf8.contains(UInt8(ascii: "{")) else {
                scan.lines.append(String(line))
                scan.bareLines.append(String(line))
                continue
            }
            var prose = "", bare = ""
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
                scan.tags.append(TemplateTag(kind: kind, name: name, line: offset + firstLine, column: column))
                prose += line[rest..<match.range.lowerBound]
                bare += line[rest..<match.range.lowerBound] + String(repeating: " ", count: line[match.range].count)
                if kind == .variable {
                    if name.hasPrefix(factPrefix), let value = facts[String(name.dropFirst(factPrefix.count))] {
                        prose += value
                    } else {
                        prose += name.split(separator: ".").last.map(String.init) ?? ""
                    }
                }
                rest = match.range.upperBound
            }
            prose += line[rest...]
            bare += line[rest...]
            scan.lines.append(prose)
            scan.bareLines.append(bare)
        }
        return scan
    }
}
