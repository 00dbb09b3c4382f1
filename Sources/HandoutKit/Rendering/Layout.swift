import Foundation
import Mustache

/// The page around a handout: the HTML layout, its stylesheet and the partner listing
/// partial, from the project's layouts folder when it has them, else the bundled ones.
///
/// Layouts follow the same rules as templates (`TemplateGuard`): no `{{{`, `{{&`, pragma or
/// delimiter change. The page's values are escaped for HTML before the engine sees them; the
/// rendered handout and the stylesheet, which must not be escaped, go in through two slots,
/// `{{content}}` and `{{css}}`: the engine prints a marker there, and the marker is replaced
/// afterwards. So no name a layout writes can print a value unescaped.
struct Layout: Sendable {
    let page: MustacheTemplate
    let css: String
    /// Partials a template body can include: `{{> partners}}`.
    let partials: MustacheLibrary
    /// A site's partner directory page: every partner of one category (`directory.md`).
    let directory: MustacheTemplate
    /// The partner listing on its own, for a packet's one combined listing.
    let partnerListing: MustacheTemplate
    /// A packet's sections point to its combined listing instead of listing partners each.
    let packetPartials: MustacheLibrary

    /// A fingerprint of the layout files as read: a site page's inputs include it.
    let fingerprint: Fingerprint

    /// The names a page layout can use that are filled in whole, unescaped.
    static let slots = ["content", "css"]

    init(project: Project) throws {
        func read(_ name: String) throws -> (text: String, path: String) {
            let path = project.layoutFile(name)
            return (try InputFile.read(path, what: "the layout file"), PathDisplay.relative(path))
        }
        func parse(_ file: (text: String, path: String)) throws -> MustacheTemplate {
            let prefix = EscapedValues.identityPragma
            do {
                return try MustacheTemplate(string: prefix + file.text)
            } catch let error as MustacheTemplate.ParserError {
                let context = error.context
                let column = context.lineNumber == 1 ? max(1, context.columnNumber - prefix.count) : context.columnNumber
                throw InputErrors([Diagnostic(.error, "Mustache: \(HandoutTemplate.describe(error.error))", path: file.path, line: context.lineNumber, column: column)])
            }
        }
        let pageFile = try read("handout.html")
        // Large print layers its own stylesheet over the usual one, in the same <style>.
        let cssFiles = try (project.largePrint ? ["handout.css", "handout-large.css"] : ["handout.css"]).map(read)
        let partnersFile = try read("partners.md")
        let directoryFile = try read("directory.md")
        var problems = [pageFile, partnersFile, directoryFile].flatMap { TemplateGuard.unsafeTags(in: $0.text, path: $0.path) }
        problems += TemplateGuard.includeCycles([(name: "partners", text: partnersFile.text, path: partnersFile.path)])
        problems += Self.misplacedSlots(in: pageFile.text, path: pageFile.path)
        for cssFile in cssFiles where Self.containsStyleEnd(cssFile.text) {
            problems.append(Diagnostic(.error, "the stylesheet contains \"</style\", which would end it inside the page", path: cssFile.path))
        }
        if !problems.isEmpty { throw InputErrors(problems) }
        page = try parse(pageFile)
        css = cssFiles.map(\.text).joined(separator: "\n")
        fingerprint = Fingerprint.of(pageFile.text, css, partnersFile.text, directoryFile.text)
        let partners = try parse(partnersFile)
        partials = MustacheLibrary(templates: ["partners": partners])
        directory = try parse(directoryFile)
        partnerListing = partners
        packetPartials = MustacheLibrary(templates: ["partners": try MustacheTemplate(string: EscapedValues.identityPragma + "{{labels.see_partners}}\n")])
    }

    /// The partner listing on its own, values escaped for Markdown like a template body's.
    func listing(_ context: [String: Any]) -> String {
        partnerListing.render(EscapedValues.markdown(context))
    }

    /// The page with `values` escaped for HTML, and `content` (HTML from cmark) and the
    /// stylesheet in their slots.
    func render(_ values: [String: Any], content: String) -> String {
        // A marker per call that no value can know in advance; it has nothing HTML escapes.
        let marker = "handout-slot-" + UUID().uuidString + "-"
        var context = EscapedValues.html(values) as! [String: Any]
        for slot in Self.slots { context[slot] = marker + slot }
        return Self.fillSlots(page.render(context), marker: marker, values: ["content": content, "css": css])
    }

    /// `html` with each `marker` + slot name replaced by the slot's value, searched byte by
    /// byte: Foundation's replacingOccurrences turned every page into UTF-16 twice.
    static func fillSlots(_ html: String, marker: String, values: [String: String]) -> String {
        let page = Array(html.utf8), key = Array(marker.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(page.count + values.values.reduce(0) { $0 + $1.utf8.count })
        var copied = 0, index = 0
        while index + key.count <= page.count {
            guard page[index] == key[0], page[index..<index + key.count].elementsEqual(key) else {
                index += 1
                continue
            }
            let after = index + key.count
            guard let (name, value) = values.first(where: { page[after...].starts(with: $0.key.utf8) }) else {
                index += 1
                continue
            }
            result += page[copied..<index]
            result += value.utf8
            index = after + name.utf8.count
            copied = index
        }
        result += page[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    /// `text` as the inside of a CSS string: letters, digits and spaces as they are, every
    /// other character as a six-digit escape, so no value can end the string, the rule or
    /// the `<style>` element, and HTML escaping leaves it unchanged.
    static func cssString(_ text: String) -> String {
        text.unicodeScalars.map { scalar -> String in
            if scalar == " " || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))) {
                return String(scalar)
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\" + String(repeating: "0", count: max(0, 6 - hex.count)) + hex
        }.joined()
    }

    /// A regex literal in a loop is parsed and compiled again at every turn: once per process
    /// here, since every command reads the layout.
    nonisolated(unsafe) private static let slotTag = /\{\{[#^\/]?\s*(content|css)\s*\}\}/

    /// `{{content}}` or `{{css}}` inside an HTML tag (`<div title="{{content}}">`) would let
    /// the page's own quotes end the attribute: slots stand between tags only.
    /// Whether `css` holds "</style" in any case (byte by byte: Foundation's case-insensitive
    /// search cost a render a millisecond).
    static func containsStyleEnd(_ css: String) -> Bool {
        let needle = Array("</style".utf8)
        let bytes = Array(css.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { start in
            needle.indices.allSatisfy { bytes[start + $0] | (needle[$0] >= 0x61 ? 0x20 : 0) == needle[$0] }
        }
    }

    static func misplacedSlots(in text: String, path: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.utf8.contains(UInt8(ascii: "{")) {
            for match in line.matches(of: slotTag) {
                let before = text[..<match.range.lowerBound]
                if let open = before.lastIndex(of: "<"), before.lastIndex(of: ">").map({ $0 < open }) ?? true {
                    let column = line.distance(from: line.startIndex, to: match.range.lowerBound) + 1
                    problems.append(Diagnostic(.error, "{{\(match.output.1)}} stands inside an HTML tag: put it between tags, where it adds whole elements",
                        path: path, line: offset + 1, column: column))
                }
            }
        }
        return problems
    }
}
