import CCmark

/// One parsed Markdown document. This is the only type that touches cmark: it parses,
/// rewrites link destinations, renders HTML in cmark's safe default mode, copies the tree
/// into Swift values and frees every cmark pointer before returning.
public struct MarkdownDocument: Sendable {
    /// The block tree, for the plain-text renderer and for checks.
    public let root: MarkdownNode
    /// HTML from cmark in safe mode: raw HTML omitted, dangerous link schemes emptied.
    public let html: String
    /// Where block quotes, lists or emphasis first nest deeper than `maximumNesting`, if they
    /// do. Deeper containers are flattened into the one at that depth (their text is kept),
    /// so the tree can be walked and freed without running out of stack.
    public private(set) var tooDeep: (line: Int, column: Int)?

    /// How deep containers may nest in the tree handed to the rest of the code.
    public static let maximumNesting = 100

    /// - Parameters:
    ///   - markdown: CommonMark source.
    ///   - lineOffset: added to every source line, so positions count from the top of a
    ///     file whose front matter was stripped before parsing.
    ///   - rewriteLink: maps a link destination to another (nil keeps it); used to turn
    ///     `other-handout.md` into the file the other handout is rendered to.
    ///   - headingShift: added to every heading's level (at most 6), so a handout becomes a
    ///     section of a packet: its `#` title an `<h2>`, its `##` headings `<h3>`.
    public init(markdown: String, lineOffset: Int = 0, headingShift: Int = 0, rewriteLink: (String) -> String? = { _ in nil }) {
        // Never CMARK_OPT_UNSAFE: cmark's default drops raw HTML and javascript:/vbscript:/file: links.
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        let utf8 = Array(markdown.utf8)
        guard let document = cmark_parse_document(utf8, utf8.count, options) else {
            // cmark only fails to allocate; an empty document is the honest fallback.
            self.root = MarkdownNode(kind: .document, line: 1, column: 1)
            self.html = ""
            return
        }
        defer { cmark_node_free(document) }
        Self.drawQRCodes(document)
        (self.root, self.tooDeep) = Self.copyTree(document, lineOffset: lineOffset, headingShift: headingShift, rewriteLink: rewriteLink)
        guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT) else {
            self.html = ""
            return
        }
        defer { free(rendered) }
        self.html = String(cString: rendered)
    }

    /// Walks the tree with cmark's iterator (no recursion, so deep nesting cannot
    /// overflow the stack), rewriting link destinations as it goes.
    private static func copyTree(
        _ document: OpaquePointer, lineOffset: Int, headingShift: Int, rewriteLink: (String) -> String?
    ) -> (MarkdownNode, tooDeep: (line: Int, column: Int)?) {
        guard let iterator = cmark_iter_new(document) else {
            return (MarkdownNode(kind: .document, line: 1, column: 1), nil)
        }
        defer { cmark_iter_free(iterator) }
        var stack: [MarkdownNode] = []
        var finished = MarkdownNode(kind: .document, line: 1, column: 1)
        var tooDeep: (line: Int, column: Int)?
        // Containers entered below the deepest kept one, not copied: their exits are skipped.
        var flattened = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            // A drawn QR code is HTML of our own: neither text nor a link to the rest of the code.
            if isQRCode(node) { continue }
            if event == CMARK_EVENT_ENTER {
                if let destination = string(cmark_node_get_url(node)), let rewritten = rewriteLink(destination) {
                    cmark_node_set_url(node, rewritten)
                }
                if headingShift != 0, cmark_node_get_type(node) == CMARK_NODE_HEADING {
                    cmark_node_set_heading_level(node, min(6, max(1, cmark_node_get_heading_level(node) + Int32(headingShift))))
                }
                let copy = copyNode(node, lineOffset: lineOffset)
                if isLeaf(cmark_node_get_type(node)) {
                    stack[stack.count - 1].children.append(copy)
                } else if stack.count > maximumNesting {
                    flattened += 1
                    if tooDeep == nil { tooDeep = (copy.line, copy.column) }
                } else {
                    stack.append(copy)
                }
            } else if event == CMARK_EVENT_EXIT {
                if flattened > 0 {
                    flattened -= 1
                    continue
                }
                let closed = stack.removeLast()
                if stack.isEmpty {
                    finished = closed
                } else {
                    stack[stack.count - 1].children.append(closed)
                }
            }
        }
        return (finished, tooDeep)
    }

    // MARK: QR codes

    /// An image whose destination starts with this draws a QR code for the address after it:
    /// `![QR code for https://example.org/apply](qr:https://example.org/apply)`.
    static let qrScheme = "qr:"

    /// Replaces each `qr:` image with the SVG `QRCode` draws, its alt text the code's
    /// accessible name; an image alone in its paragraph replaces the paragraph, so the code
    /// stands as a block. An address that is not http(s), or too long to scan, draws nothing.
    /// The SVG goes in as a cmark custom node, which the parser never makes from input, so
    /// safe mode still drops every piece of HTML a template or a value writes.
    private static func drawQRCodes(_ document: OpaquePointer) {
        // Found first, replaced after: the tree does not change under an iterator.
        var images: [OpaquePointer] = []
        walk(document) { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                let destination = string(cmark_node_get_url(node)), destination.lowercased().hasPrefix(qrScheme)
            {
                images.append(node)
            }
        }
        // Innermost first: an image's alt text may hold another, which is freed with it.
        for image in images.reversed() {
            let address = String((string(cmark_node_get_url(image)) ?? "").dropFirst(qrScheme.count))
            var label = ""
            walk(image) { node, entering in
                if entering, let literal = string(cmark_node_get_literal(node)) { label += literal }
            }
            let svg = QRCode(address: address)?.svg(label: label.isEmpty ? address : label) ?? ""
            let parent = cmark_node_parent(image)
            let alone = parent.map { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH && cmark_node_first_child($0) == image && cmark_node_last_child($0) == image } ?? false
            let replaced = alone ? parent! : image
            guard let drawn = cmark_node_new(alone ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE) else { continue }
            cmark_node_set_on_enter(drawn, svg)
            cmark_node_replace(replaced, drawn)
            cmark_node_free(replaced)
        }
    }

    private static func isQRCode(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type == CMARK_NODE_CUSTOM_BLOCK || type == CMARK_NODE_CUSTOM_INLINE
    }

    /// Calls `visit` for each node under `root` (and `root`), on entering and on leaving.
    private static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if let node = cmark_iter_get_node(iterator) { visit(node, event == CMARK_EVENT_ENTER) }
        }
    }

    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK,
            CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK,
            CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    private static func copyNode(_ node: OpaquePointer, lineOffset: Int) -> MarkdownNode {
        let kind: MarkdownNode.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_LIST:
            kind = .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_CODE_BLOCK: kind = .codeBlock(info: string(cmark_node_get_fence_info(node)) ?? "")
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_SOFTBREAK: kind = .softBreak
        case CMARK_NODE_LINEBREAK: kind = .lineBreak
        case CMARK_NODE_CODE: kind = .code
        case CMARK_NODE_HTML_INLINE: kind = .htmlInline
        case CMARK_NODE_EMPH: kind = .emphasis
        case CMARK_NODE_STRONG: kind = .strong
        case CMARK_NODE_LINK:
            kind = .link(destination: safeDestination(string(cmark_node_get_url(node)) ?? ""))
        case CMARK_NODE_IMAGE:
            kind = .image(destination: safeDestination(string(cmark_node_get_url(node)) ?? ""))
        default: kind = .text
        }
        return MarkdownNode(
            kind: kind,
            literal: string(cmark_node_get_literal(node)) ?? "",
            line: Int(cmark_node_get_start_line(node)) + lineOffset,
            column: Int(cmark_node_get_start_column(node)))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// The same rule as cmark's HTML renderer in safe mode, so the text output never
    /// carries a destination the HTML output drops.
    static func safeDestination(_ destination: String) -> String {
        if destination.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the same prefixes compared byte by byte, without a lowercased copy.
            func hasPrefix(_ prefix: StaticString) -> Bool {
                let utf8 = destination.utf8
                guard utf8.count >= prefix.utf8CodeUnitCount else { return false }
                return zip(utf8, UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
                    .allSatisfy { ((0x41...0x5A).contains($0) ? $0 | 0x20 : $0) == $1 }
            }
            if hasPrefix("data:image/png") || hasPrefix("data:image/gif") || hasPrefix("data:image/jpeg") || hasPrefix("data:image/webp") {
                return destination
            }
            return hasPrefix("javascript:") || hasPrefix("vbscript:") || hasPrefix("file:") || hasPrefix("data:") ? "" : destination
        }
        let lowered = destination.lowercased()
        let safeImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        if safeImages.contains(where: lowered.hasPrefix) { return destination }
        let dangerous = ["javascript:", "vbscript:", "file:", "data:"]
        return dangerous.contains(where: lowered.hasPrefix) ? "" : destination
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
