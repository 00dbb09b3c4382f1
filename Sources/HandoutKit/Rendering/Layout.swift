import Foundation
import Mustache

/// The page around a handout: the HTML layout, its stylesheet and the partner listing
/// partial, from the project's layouts folder when it has them, else the bundled ones.
struct Layout: Sendable {
    let page: MustacheTemplate
    let css: String
    /// Partials a template body can include: `{{> partners}}`.
    let partials: MustacheLibrary

    init(project: Project) throws {
        _ = MarkdownContentType.registered
        func read(_ name: String) throws -> (text: String, path: String) {
            let path = project.layoutFile(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw InputErrors([Diagnostic(.error, "cannot read the layout file", path: path)])
            }
            return (text, path)
        }
        func parse(_ file: (text: String, path: String), prefix: String = "") throws -> MustacheTemplate {
            do {
                return try MustacheTemplate(string: prefix + file.text)
            } catch let error as MustacheTemplate.ParserError {
                throw InputErrors([Diagnostic(.error, "Mustache: \(HandoutTemplate.describe(error.error))", path: file.path, line: error.context.lineNumber, column: error.context.columnNumber)])
            }
        }
        page = try parse(try read("handout.html"))
        css = try read("handout.css").text
        let partners = try parse(try read("partners.md"), prefix: HandoutTemplate.contentTypePragma)
        partials = MustacheLibrary(templates: ["partners": partners])
    }
}
