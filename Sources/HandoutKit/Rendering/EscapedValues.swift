import Mustache

/// The values a template sees, escaped for the document they land in before the engine sees
/// them. Templates and layouts are rendered with the identity content type (`TEXT`), so the
/// engine escapes nothing itself, and no tag a template can write does worse than escape a
/// value twice: `{{{name}}}`, `{{& name}}` or a `{{% CONTENT_TYPE }}` pragma that slipped past
/// `TemplateGuard` still prints the escaped value.
enum EscapedValues {
    /// The pragma put before every template, partial and layout.
    static let identityPragma = "{{% CONTENT_TYPE: TEXT }}"

    /// `value` with every string (and number) in it, at any depth, replaced by an
    /// `EscapedText`; dictionaries, arrays and booleans keep their shape for sections.
    static func prepare(_ value: Any, escape: @escaping @Sendable (String) -> String) -> Any {
        switch value {
        case let text as EscapedText: return text
        case let flag as Bool: return flag
        case let text as String: return EscapedText(text, escape: escape)
        case let text as Substring: return EscapedText(String(text), escape: escape)
        case let fields as [String: Any]: return fields.mapValues { prepare($0, escape: escape) }
        case let items as [Any]: return items.map { prepare($0, escape: escape) }
        default: return EscapedText(String(describing: value), escape: escape)
        }
    }

    static func markdown(_ value: Any) -> Any { prepare(value, escape: MarkdownEscaping.escape) }
    static func html(_ value: Any) -> Any { prepare(value, escape: HTMLEscaping.escape) }
}

/// A string a template prints: the engine asks for `renderText`, which is already escaped.
/// Transforms (`{{uppercased(name)}}`) work on the raw text and escape their result again, so
/// `reversed` cannot move a backslash off the character it escapes.
///
/// It has no children: without `MustacheParent`, the engine would look names up in it by
/// reflection, so `{{#name}}{{raw}}{{/name}}` printed the unescaped text, and every name
/// looked up inside a section over a value paid for a `Mirror`.
struct EscapedText: MustacheCustomRenderable, MustacheTransformable, MustacheParent, CustomStringConvertible {
    let raw: String
    let escape: @Sendable (String) -> String

    init(_ raw: String, escape: @escaping @Sendable (String) -> String) {
        self.raw = raw
        self.escape = escape
    }

    var renderText: String { escape(raw) }
    var isNull: Bool { false }
    func child(named: String) -> Any? { nil }
    var description: String { renderText }

    func transform(_ name: String) -> Any? {
        switch raw.transform(name) {
        case let text as String: return EscapedText(text, escape: escape)
        case let text as Substring: return EscapedText(String(text), escape: escape)
        case let flag as Bool: return flag
        default: return nil
        }
    }
}

/// Text for HTML element content and quoted attribute values, without control characters.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in ControlCharacters.removed(from: text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
