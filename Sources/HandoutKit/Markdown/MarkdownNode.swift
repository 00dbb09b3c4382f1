/// A Markdown node copied out of cmark: plain Swift values the rest of the code can walk.
public struct MarkdownNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case document, blockQuote, item, htmlBlock, paragraph, thematicBreak
        case list(ordered: Bool, start: Int, tight: Bool)
        case codeBlock(info: String)
        case heading(level: Int)
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong
        /// Destinations are already made safe: a `javascript:` link has an empty one.
        case link(destination: String)
        case image(destination: String)
    }

    public var kind: Kind
    /// The text of text, code, code-block and HTML nodes, entities already decoded.
    public var literal: String = ""
    public var children: [MarkdownNode] = []
    /// Where the node starts, counted from the top of the template file.
    public var line: Int
    public var column: Int

    /// The node's text with all markup dropped (link text, emphasis contents, code).
    public var plainText: String {
        switch kind {
        case .text, .code: return literal
        case .softBreak, .lineBreak: return " "
        case .htmlInline, .htmlBlock: return ""
        default: return children.map(\.plainText).joined()
        }
    }

    /// Every node below this one, depth first, in document order.
    public func descendants() -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        var pending = Array(children.reversed())
        while let node = pending.popLast() {
            result.append(node)
            pending.append(contentsOf: node.children.reversed())
        }
        return result
    }
}
