import Foundation

/// `handout build`: the organization's static site. Every handout in every language of
/// the project (English with a note where a translation is missing), an index page per
/// language, written only where the content changed. Nothing is personalized, so files
/// are world-readable, and nothing the builder did not write is ever removed.
public struct SiteBuilder: Sendable {
    public let project: Project
    public let directory: Directory
    public let today: Day

    public init(project: Project, directory: Directory, today: Day) {
        self.project = project
        self.directory = directory
        self.today = today
    }

    public struct Result: Sendable {
        public var written: [String] = []
        public var unchanged: [String] = []
    }

    public func build() throws -> Result {
        let renderer = try HandoutRenderer(project: project, directory: directory)
        let library = TemplateLibrary(root: project.templatesPath)
        let templates = try library.entries().map { entry in
            try HandoutTemplate.load(path: entry.path, displayPath: PathDisplay.relative(entry.path), id: entry.id, language: entry.language)
        }
        let byID = Dictionary(grouping: templates, by: \.id)
        let practice = Practice(
            name: project.contact?.name ?? project.organization,
            phone: project.contact?.phone.flatMap(PhoneNumber.init), website: project.contact?.website)

        var pages: [(name: String, contents: String)] = []
        for language in project.languages {
            var listed: [(template: HandoutTemplate, file: String)] = []
            for (id, versions) in byID.sorted(by: { $0.key < $1.key }) {
                guard let template = versions.first(where: { $0.language == language })
                    ?? versions.first(where: { $0.language == "en" }) else { continue }
                let request = RenderRequest(templateID: id, client: Client(language: language), practice: practice, today: today)
                let handout = renderer.render(template, request: request)
                pages.append(("\(handout.fileStem).html", handout.html))
                pages.append(("\(handout.fileStem).txt", handout.text))
                listed.append((template, "\(handout.fileStem).html"))
            }
            let index = renderer.page(title: indexTitle(language), language: language, markdown: indexMarkdown(listed, language: language))
            pages.append(("index.\(language).html", index))
            if language == project.languages.first { pages.append(("index.html", index)) }
        }

        try AtomicFile.makeFolder(project.outputPath)
        var result = Result()
        for page in pages {
            let path = project.outputPath + "/" + page.name
            switch try AtomicFile.write(page.contents, to: path, mode: 0o644) {
            case .written: result.written.append(path)
            case .unchanged: result.unchanged.append(path)
            }
        }
        return result
    }

    private func indexTitle(_ language: String) -> String {
        project.title ?? (language == "es" ? "Sus derechos y dónde obtener ayuda" : "Your rights and where to get help")
    }

    /// A list of the handouts, client handouts first, each with its summary.
    private func indexMarkdown(_ listed: [(template: HandoutTemplate, file: String)], language: String) -> String {
        let escape = MarkdownEscaping.escape
        let groups: [(FrontMatter.Audience, String)] = language == "es"
            ? [(.client, "Hojas informativas"), (.clinician, "Para profesionales de la salud")]
            : [(.client, "Handouts"), (.clinician, "For clinicians")]
        var markdown = ""
        for (audience, heading) in groups {
            let entries = listed.filter { $0.template.frontMatter.audience == audience }
            guard !entries.isEmpty else { continue }
            markdown += "## \(heading)\n\n"
            for entry in entries {
                markdown += "- [\(escape(entry.template.frontMatter.title))](\(entry.file))"
                if let summary = entry.template.frontMatter.summary { markdown += ": " + escape(summary) }
                markdown += "\n"
            }
            markdown += "\n"
        }
        return markdown
    }
}
