/// A template body seen as Markdown, for checks: Mustache tags are taken out (sections,
/// partials and comments vanish, a variable becomes its last name part) so cmark sees the
/// prose, and every line stays where it was in the file.
struct TemplateSource {
    typealias Tag = TemplateTag

    let template: HandoutTemplate
    let tags: [Tag]
    let prose: String
    /// `prose` split into lines, once.
    let proseLines: [Substring]
    let document: MarkdownDocument

    /// `facts` (key to value in the template's language) stand in for their `{{fact.KEY}}`
    /// tags; without them a tag reads as its key.
    init(_ template: HandoutTemplate, facts: [String: String] = [:]) {
        self.template = template
        let (tags, lines) = TemplateTag.scan(template, facts: facts)
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
