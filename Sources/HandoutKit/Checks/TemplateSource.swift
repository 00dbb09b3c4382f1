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
    /// The body with every tag blanked: what the author wrote, for `fact-not-used`.
    let bareLines: [String]
    /// The summary as the reader sees it, facts filled in.
    let summary: String?

    /// `facts` are the fact values in the template's language, so the checks read a fact as
    /// its value ("10"), not its key.
    init(_ template: HandoutTemplate, facts: [String: String] = [:]) {
        self.template = template
        let scan = TemplateTag.scan(template, facts: facts)
        self.tags = scan.tags
        self.bareLines = scan.bareLines
        self.summary = template.frontMatter.summary.map { FactBook.fill($0, values: facts) }
        self.prose = scan.lines.joined(separator: "\n")
        self.proseLines = prose.split(separator: "\n", omittingEmptySubsequences: false)
        self.document = MarkdownDocument(markdown: prose, lineOffset: template.bodyFirstLine - 1)
    }

    /// The source line (1-based, counted from the top of the file) as the checks see it.
    func proseLine(_ fileLine: Int) -> Substring? {
        let index = fileLine - template.bodyFirstLine
        return proseLines.indices.contains(index) ? proseLines[index] : nil
    }
}
