/// A template body seen as Markdown, for checks: Mustache tags are taken out (sections,
/// partials and comments vanish, a variable becomes its last name part) so cmark sees the
/// prose, and every line stays where it was in the file.
struct TemplateSource {
    struct Tag {
        enum Kind: Equatable { case variable, section, invertedSection, close, partial, comment, other }
        let kind: Kind
        let name: String
        let line: Int
        let column: Int
    }

    let template: HandoutTemplate
    let tags: [Tag]
    let prose: String
    /// `prose` split into lines, once.
    let proseLines: [Substring]
    let document: MarkdownDocument

    nonisolated(unsafe) private static let tagPattern = try! Regex(#"\{\{(\{?)\s*([#^/>!&=%$<]?)\s*([^}]*?)\s*\}?\}\}"#)

    init(_ template: HandoutTemplate) {
        self.template = template
        var tags: [Tag] = []
        var lines: [String] = []
        for (offset, line) in template.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var prose = ""
            var rest = line.startIndex
            for match in line.matches(of: Self.tagPattern) {
                let sigil = match.output[2].substring.map(String.init) ?? ""
                let name = match.output[3].substring.map(String.init) ?? ""
                let kind: Tag.Kind
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
                tags.append(Tag(kind: kind, name: name, line: offset + template.bodyFirstLine, column: column))
                prose += line[rest..<match.range.lowerBound]
                if kind == .variable { prose += name.split(separator: ".").last.map(String.init) ?? "" }
                rest = match.range.upperBound
            }
            prose += line[rest...]
            lines.append(prose)
        }
        self.tags = tags
        self.prose = lines.joined(separator: "\n")
        self.proseLines = prose.split(separator: "\n", omittingEmptySubsequences: false)
        self.document = MarkdownDocument(markdown: prose, lineOffset: template.bodyFirstLine - 1)
    }

    /// The source line (1-based, counted from the top of the file) as the checks see it.
    func proseLine(_ fileLine: Int) -> Substring? {
        let index = fileLine - template.bodyFirstLine
        return proseLines.indices.contains(index) ? proseLines[index] : nil
    }
}
