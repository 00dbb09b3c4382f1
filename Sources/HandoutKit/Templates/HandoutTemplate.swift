import Foundation
import Mustache

/// One handout template, `Templates/<lang>/<id>.md`: front matter and a Mustache body whose
/// values are escaped for Markdown.
public struct HandoutTemplate: Sendable {
    public let id: String
    public let language: String
    /// The path shown in diagnostics.
    public let path: String
    public let frontMatter: FrontMatter
    public let body: String
    /// The file line of the body's first line.
    public let bodyFirstLine: Int
    /// Problems that do not stop rendering (unknown front-matter keys).
    public let warnings: [Diagnostic]
    /// Nil when the body is not valid Mustache; such a template is checked, never rendered.
    let mustache: MustacheTemplate?
    /// The body's Mustache tags, scanned once when the template is read: rendering reads
    /// its facts from them for every client.
    let tags: [TemplateTag]

    /// Put before the body so the engine escapes nothing: values come escaped for Markdown
    /// (`EscapedValues`). It goes on the body's first line, so line numbers stay true; columns
    /// on that line are corrected.
    static let contentTypePragma = EscapedValues.identityPragma

    public static func load(path: String, displayPath: String? = nil, id: String, language: String) throws -> HandoutTemplate {
        try read(path: path, displayPath: displayPath, id: id, language: language).renderable()
    }

    /// `guardingTags: false` is for tests only: it shows what escaping alone does with a tag
    /// that `TemplateGuard` would refuse.
    public static func parse(_ text: String, path: String, id: String, language: String) throws -> HandoutTemplate {
        try parse(text, path: path, id: id, language: language, guardingTags: true)
    }

    static func parse(_ text: String, path: String, id: String, language: String, guardingTags: Bool) throws -> HandoutTemplate {
        try analyse(text, path: path, id: id, language: language, guardingTags: guardingTags).renderable()
    }

    /// A template and every problem found reading it, the way a compiler goes on after its
    /// first error: a template whose front matter has errors still comes back (for the
    /// checks of its body), as long as it has front matter at all. Only a template without
    /// errors can be rendered.
    public struct Read: Sendable {
        public let template: HandoutTemplate?
        /// In file order, errors and warnings.
        public let diagnostics: [Diagnostic]

        /// The template, or every problem when it has an error.
        func renderable() throws -> HandoutTemplate {
            guard let template, !diagnostics.contains(where: { $0.level == .error }) else { throw InputErrors(diagnostics) }
            return template
        }
    }

    public static func read(path: String, displayPath: String? = nil, id: String, language: String) -> Read {
        let shown = displayPath ?? path
        do {
            let text = try InputFile.read(path, displayPath: shown, what: "the template")
            return analyse(text, path: shown, id: id, language: language, guardingTags: true)
        } catch let errors as InputErrors {
            return Read(template: nil, diagnostics: errors.diagnostics)
        } catch {
            return Read(template: nil, diagnostics: [Diagnostic(.error, "cannot read the template", path: shown)])
        }
    }

    static func analyse(_ text: String, path: String, id: String, language: String, guardingTags: Bool) -> Read {
        let log = DiagnosticLog(path: path)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.first == "---" else {
            return Read(template: nil, diagnostics: [Diagnostic(.error, "a template starts with front matter: a line \"---\", the YAML keys, and another \"---\"", path: path, line: 1, column: 1)])
        }
        guard let closing = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
            return Read(template: nil, diagnostics: [Diagnostic(.error, "front matter is not closed: add a line \"---\" after the YAML keys", path: path, line: 1, column: 1)])
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let frontMatter = FrontMatter.parse(yaml, firstLine: 2, log: log)
        let bodyFirstLine = closing + 2
        let body = lines[(closing + 1)...].joined(separator: "\n")

        if guardingTags {
            log.add(TemplateGuard.unsafeTags(in: body, path: path, firstLine: bodyFirstLine))
        }
        var mustache: MustacheTemplate?
        do {
            mustache = try MustacheTemplate(string: contentTypePragma + body)
        } catch let error as MustacheTemplate.ParserError {
            let context = error.context
            let column = context.lineNumber == 1 ? max(1, context.columnNumber - contentTypePragma.count) : context.columnNumber
            log.add(.error, "Mustache: \(describe(error.error))", line: context.lineNumber + bodyFirstLine - 1, column: column)
        } catch {
            log.add(.error, "Mustache: \(error)", line: bodyFirstLine)
        }
        if let deep = MarkdownDocument(markdown: body, lineOffset: bodyFirstLine - 1).tooDeep {
            log.add(.error, "Markdown nested more than \(MarkdownDocument.maximumNesting) levels deep (block quotes, lists or emphasis inside each other): flatten it",
                line: deep.line, column: deep.column)
        }
        let template = HandoutTemplate(
            id: id, language: language, path: path, frontMatter: frontMatter, body: body,
            bodyFirstLine: bodyFirstLine, warnings: log.diagnostics.filter { $0.level != .error }, mustache: mustache,
            tags: TemplateTag.scan(body: body, firstLine: bodyFirstLine).tags)
        return Read(template: template, diagnostics: log.sorted)
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not finished: close it with }}"
        case .expectedSectionEnd: return "a section is opened but never closed: add {{/name}}"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .unrecognisedConfigVariable, .invalidConfigVariableSyntax: return "unknown {{% … }} pragma"
        default: return "\(error)"
        }
    }

    /// Fills the body with the values in `context`, each escaped for Markdown on the way in;
    /// partials come from `library`.
    func fill(_ context: [String: Any], library: MustacheLibrary = MustacheLibrary()) -> String {
        mustache?.render(EscapedValues.markdown(context), library: library) ?? ""
    }
}
