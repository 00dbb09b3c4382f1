/// Renders a Markdown tree as plain text to paste into an email, a patient portal or a chat:
/// headings underlined (= for level 1, - for level 2, ~ below), paragraphs wrapped, lists with hanging indents, block quotes marked
/// with "> ", code verbatim, links as "text (URL)", and no line ever broken inside a URL or
/// a phone number. Widths are terminal columns (see `DisplayWidth`).
///
/// The text is written as UTF-8 bytes into one buffer in a single walk of the tree: each
/// line gets the markers of the block quotes and list items around it as it is written.
/// Text made only of ASCII and Latin letters (see `PlainTextWriter.isSimple`) is glued,
/// measured and wrapped byte by byte; anything else (ideographs, emoji, combining marks,
/// carriage returns) goes through the Character-based `wrap`, `PhoneGlue.glue` and
/// `linkSuffix`, which define the output for every text.
public struct PlainTextRenderer: Sendable {
    public var width: Int

    public init(width: Int = 72) { self.width = width }

    public func render(_ document: MarkdownNode) -> String {
        var writer = PlainTextWriter(renderer: self)
        writer.blocks(document.children, width: width, tight: false)
        return writer.output.isEmpty ? "" : String(decoding: writer.output, as: UTF8.self)
    }

    // MARK: The reference, for text the writer does not take byte by byte

    /// " (URL)" after link text, unless the URL adds nothing: it is empty (dropped as
    /// unsafe), relative (a link to another handout), or says what the text says.
    fileprivate func linkSuffix(text: String, destination: String) -> String {
        let shown = PhoneGlue.unglue(text).trimmingCharacters(in: .whitespaces)
        guard !destination.isEmpty, destination.contains(":") else { return "" }
        let lowered = destination.lowercased()
        if destination == shown { return "" }
        if lowered.hasPrefix("mailto:") && destination.dropFirst(7) == shown { return "" }
        if lowered.hasPrefix("tel:") {
            let digits = { (s: Substring) in s.filter(\.isASCIIDigit) }
            let linkDigits = digits(destination.dropFirst(4)), textDigits = digits(Substring(shown))
            if !textDigits.isEmpty && (linkDigits == textDigits || linkDigits == "1" + textDigits) { return "" }
        }
        for scheme in ["https://", "http://"] where lowered.hasPrefix(scheme) {
            let bare = destination.dropFirst(scheme.count)
            if bare == shown || bare == shown + "/" { return "" }
        }
        return " (\(destination))"
    }

    // MARK: Wrapping

    /// Greedy wrapping at spaces (and between ideographs), never breaking inside a word, a
    /// URL or a glued phone number; a word longer than the width stands on its own line.
    func wrap(_ text: String, width: Int) -> [String] {
        // No carriage return: "\r\n" is one Character, which the split below keeps whole.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return Self.wrapASCII(text, width: width) }
        var lines: [String] = []
        for hardLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for piece in Self.pieces(of: hardLine) {
                let pieceWidth = DisplayWidth.of(piece.text)
                let separator = piece.spaceBefore && !line.isEmpty ? 1 : 0
                if !line.isEmpty && lineWidth + separator + pieceWidth > width {
                    lines.append(line)
                    line = piece.text
                    lineWidth = pieceWidth
                } else {
                    if separator == 1 { line += " " }
                    line += piece.text
                    lineWidth += separator + pieceWidth
                }
            }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map(PhoneGlue.unglue)
    }

    /// `wrap` for ASCII text, byte by byte: the same lines, without asking each Character
    /// for its grapheme breaks and Unicode properties. ASCII has no ideographs, so a line
    /// breaks only at spaces and tabs; a word is as wide as its printable characters.
    private static func wrapASCII(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for hardLine in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line: [UInt8] = []
            var lineWidth = 0
            var spaceBefore = false
            var index = hardLine.startIndex
            while index < hardLine.endIndex {
                let byte = hardLine[index]
                if byte == 0x20 || byte == 0x09 {
                    spaceBefore = true
                    index = hardLine.index(after: index)
                    continue
                }
                let start = index
                var pieceWidth = 0
                while index < hardLine.endIndex, hardLine[index] != 0x20, hardLine[index] != 0x09 {
                    if hardLine[index] >= 0x21 && hardLine[index] <= 0x7E { pieceWidth += 1 }
                    index = hardLine.index(after: index)
                }
                let piece = hardLine[start..<index]
                let separator = spaceBefore && !line.isEmpty ? 1 : 0
                if !line.isEmpty && lineWidth + separator + pieceWidth > width {
                    lines.append(String(decoding: line, as: UTF8.self))
                    line = Array(piece)
                    lineWidth = pieceWidth
                } else {
                    if separator == 1 { line.append(0x20) }
                    line += piece
                    lineWidth += separator + pieceWidth
                }
            }
            lines.append(String(decoding: line, as: UTF8.self))
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The units a line may break between: words (after a space) and single ideographs.
    private static func pieces(of text: Substring) -> [(text: String, spaceBefore: Bool)] {
        var pieces: [(text: String, spaceBefore: Bool)] = []
        var current = ""
        var spaceBefore = false
        for character in text {
            if character == " " || character == "\t" {
                if !current.isEmpty { pieces.append((current, spaceBefore)) }
                current = ""
                spaceBefore = true
                continue
            }
            if DisplayWidth.allowsBreakBefore(character) && !current.isEmpty {
                pieces.append((current, spaceBefore))
                current = ""
                spaceBefore = false
            }
            current.append(character)
        }
        if !current.isEmpty { pieces.append((current, spaceBefore)) }
        return pieces
    }
}

/// The state of one `PlainTextRenderer.render`: the output so far and the containers
/// around the line being written.
struct PlainTextWriter {
    let renderer: PlainTextRenderer
    /// Every line written so far, each ending in "\n".
    var output: [UInt8] = []
    var linesWritten = 0
    /// The block quotes and list items the next line is inside, outermost first.
    var containers: [Container] = []
    /// A blank line owed between two blocks, written (inside the first `depth`
    /// containers) only if the next block writes a line.
    var separatorDepth: Int?
    /// A paragraph's or heading's inline text, glued, before it is wrapped.
    var inline: [UInt8] = []
    /// One wrapped line being filled.
    var line: [UInt8] = []
    /// A text literal's bytes, for the phone number matcher.
    var literal: [UInt8] = []

    struct Container {
        /// A block quote; otherwise a list item.
        var isQuote: Bool
        /// The item's number, or nil for a bullet.
        var number: Int?
        /// The width of the item's marker column.
        var indent: Int
        /// Lines written inside this container so far: the first carries the item's marker.
        var lines = 0
    }

    init(renderer: PlainTextRenderer) {
        self.renderer = renderer
        output.reserveCapacity(8192)
        inline.reserveCapacity(1024)
        line.reserveCapacity(256)
    }

    // MARK: Lines

    /// Writes the markers that start a line inside the current containers. An empty line
    /// stays empty inside list items and becomes ">" inside a block quote, whose outer
    /// containers then see a line that is not empty.
    mutating func beginLine(empty: Bool) {
        if let depth = separatorDepth {
            separatorDepth = nil
            writePrefix(empty: true, depth: depth)
            output.append(0x0A)
        }
        writePrefix(empty: empty, depth: containers.count)
    }

    mutating func endLine() {
        output.append(0x0A)
    }

    private mutating func writePrefix(empty: Bool, depth: Int) {
        linesWritten += 1
        var innermostQuote = -1
        if empty {
            for index in stride(from: depth - 1, through: 0, by: -1) where containers[index].isQuote {
                innermostQuote = index
                break
            }
        }
        for index in 0..<(empty ? max(innermostQuote, 0) : depth) {
            let container = containers[index]
            if container.isQuote {
                output.append(0x3E)
                output.append(0x20)
            } else if container.lines == 0 {
                let start = output.count
                writeMarker(number: container.number)
                for _ in (output.count - start)..<max(container.indent, output.count - start) { output.append(0x20) }
            } else {
                for _ in 0..<container.indent { output.append(0x20) }
            }
        }
        if innermostQuote >= 0 { output.append(0x3E) }
        for index in 0..<depth { containers[index].lines += 1 }
    }

    /// "- " for a bullet, "12. " for a number.
    private mutating func writeMarker(number: Int?) {
        if let number {
            output.append(contentsOf: String(number).utf8)
            output.append(0x2E)
        } else {
            output.append(0x2D)
        }
        output.append(0x20)
    }

    private mutating func writeLine(_ bytes: some Collection<UInt8>) {
        beginLine(empty: bytes.isEmpty)
        output.append(contentsOf: bytes)
        endLine()
    }

    // MARK: Blocks

    /// Renders a sequence of blocks, separated by a blank line unless `tight`.
    mutating func blocks(_ nodes: [MarkdownNode], width: Int, tight: Bool) {
        var wroteAny = false
        for node in nodes {
            let before = linesWritten
            // Only owed once this sequence has written a line, so never over an outer one.
            if wroteAny && !tight { separatorDepth = containers.count }
            block(node, width: width)
            if linesWritten != before {
                wroteAny = true
            } else if wroteAny && !tight {
                separatorDepth = nil
            }
        }
    }

    private mutating func block(_ node: MarkdownNode, width: Int) {
        switch node.kind {
        case .paragraph:
            inline.removeAll(keepingCapacity: true)
            inlines(node.children)
            _ = wrapInline(width: width)
        case .heading(let level):
            inline.removeAll(keepingCapacity: true)
            inlines(node.children)
            let (lines, widest) = wrapInline(width: width)
            guard lines > 0 else { return }
            beginLine(empty: widest == 0)
            let rule: UInt8 = level == 1 ? 0x3D : level == 2 ? 0x2D : 0x7E
            for _ in 0..<widest { output.append(rule) }
            endLine()
        case .list(let ordered, let start, let tight):
            list(node.children, ordered: ordered, start: start, tight: tight, width: width)
        case .blockQuote:
            containers.append(Container(isQuote: true, number: nil, indent: 2))
            blocks(node.children, width: max(width - 2, 1), tight: false)
            containers.removeLast()
        case .codeBlock:
            codeBlock(node.literal)
        case .thematicBreak:
            writeLine("* * *".utf8)
        case .item, .document:
            blocks(node.children, width: width, tight: false)
        default:
            // Raw HTML is dropped, as the HTML renderer drops it.
            return
        }
    }

    private mutating func list(_ items: [MarkdownNode], ordered: Bool, start: Int, tight: Bool, width: Int) {
        var indent = 2
        if ordered {
            indent = items.indices.map { String(start + $0).utf8.count + 2 }.max() ?? 2
        }
        for (offset, item) in items.enumerated() {
            if offset > 0 && !tight { writeLine(EmptyCollection()) }
            let before = linesWritten
            containers.append(Container(isQuote: false, number: ordered ? start + offset : nil, indent: indent))
            blocks(item.children, width: max(width - indent, 1), tight: tight)
            containers.removeLast()
            if linesWritten == before {
                // An empty item: its marker alone, without the space after it.
                beginLine(empty: false)
                writeMarker(number: ordered ? start + offset : nil)
                output.removeLast()
                endLine()
            }
        }
    }

    /// Code verbatim, indented four spaces, blank lines left empty.
    private mutating func codeBlock(_ code: String) {
        guard !code.utf8.contains(0x0D) else {
            // "\r\n" is one Character: split as Strings do.
            var code = code
            if code.hasSuffix("\n") { code.removeLast() }
            for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
                writeLine(line.isEmpty ? [] : Array(("    " + line).utf8))
            }
            return
        }
        var bytes = code.utf8[...]
        if bytes.last == 0x0A { bytes = bytes.dropLast() }
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            beginLine(empty: line.isEmpty)
            if !line.isEmpty {
                output.append(contentsOf: "    ".utf8)
                output.append(contentsOf: line)
            }
            endLine()
        }
    }

    // MARK: Inlines

    /// Appends the text of inline nodes to `inline`: emphasis markers dropped, links as
    /// "text (URL)", hard breaks as "\n", and spaces inside phone numbers glued (U+E000) so
    /// wrapping keeps them whole.
    private mutating func inlines(_ nodes: [MarkdownNode]) {
        for node in nodes {
            switch node.kind {
            case .text:
                appendGlued(node.literal)
            case .code:
                inline.append(contentsOf: node.literal.utf8)
            case .softBreak:
                inline.append(0x20)
            case .lineBreak:
                inline.append(0x0A)
            case .htmlInline:
                continue
            case .link(let destination):
                let start = inline.count
                inlines(node.children)
                appendLinkSuffix(textStart: start, destination: destination)
            case .image:
                appendPlainText(node)
            default:
                inlines(node.children)
            }
        }
    }

    /// `MarkdownNode.plainText`, appended.
    private mutating func appendPlainText(_ node: MarkdownNode) {
        switch node.kind {
        case .text, .code: inline.append(contentsOf: node.literal.utf8)
        case .softBreak, .lineBreak: inline.append(0x20)
        case .htmlInline, .htmlBlock: return
        default: for child in node.children { appendPlainText(child) }
        }
    }

    /// `PhoneGlue.glue(text)`, appended.
    private mutating func appendGlued(_ text: String) {
        let start = inline.count
        inline.append(contentsOf: text.utf8)
        guard PhoneGlue.mayHoldNumber(bytes: inline[start...]) else { return }
        // Simple text has no digits but ASCII ones and no Character of more than one
        // scalar, so the pattern matches its bytes as it matches its Characters.
        guard Self.isSimple(inline[start...]) else {
            inline.removeSubrange(start...)
            inline.append(contentsOf: PhoneGlue.glue(text).utf8)
            return
        }
        guard inline[start...].contains(where: { (0x30...0x39).contains($0) }) else { return }
        literal.removeAll(keepingCapacity: true)
        literal.append(contentsOf: inline[start...])
        inline.removeSubrange(start...)
        PhoneGlue.glue(literal, into: &inline)
    }

    /// Appends `bytes` with each phone glue (U+E000, the only 0xEE lead byte simple text
    /// has) turned back into the space it stands for.
    private static func appendUngluing(_ bytes: ArraySlice<UInt8>, to output: inout [UInt8]) {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0xEE {
                output.append(0x20)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
    }

    /// `PlainTextRenderer.linkSuffix` for the link text in `inline` from `textStart`, appended.
    private mutating func appendLinkSuffix(textStart: Int, destination: String) {
        guard !destination.isEmpty, destination.utf8.contains(0x3A) else { return }
        var text = inline[textStart...]
        // The fast path: ASCII text (phone glue aside) and an ASCII destination.
        var ascii = destination.utf8.allSatisfy { $0 < 0x80 }
        var index = text.startIndex
        while ascii && index < text.endIndex {
            if text[index] < 0x80 {
                index += 1
            } else if text[index] == 0xEE && text[index + 1] == 0x80 && text[index + 2] == 0x80 {
                index += 3
            } else {
                ascii = false
            }
        }
        guard ascii else {
            let suffix = renderer.linkSuffix(text: String(decoding: text, as: UTF8.self), destination: destination)
            inline.append(contentsOf: suffix.utf8)
            return
        }
        // Trimmed of spaces and tabs, glued spaces counted as spaces.
        while let first = text.first, first == 0x20 || first == 0x09 || first == 0xEE {
            text = text.dropFirst(first == 0xEE ? 3 : 1)
        }
        while let last = text.last, last == 0x20 || last == 0x09 || last == 0x80 {
            text = text.dropLast(last == 0x80 ? 3 : 1)
        }
        var shown = literal
        literal = []
        defer { literal = shown }
        shown.removeAll(keepingCapacity: true)
        Self.appendUngluing(text, to: &shown)
        let link = destination.utf8
        if link.elementsEqual(shown) { return }
        func hasPrefix(_ prefix: String) -> Bool {
            // Compared as `destination.lowercased()` is: only A to Z change.
            link.count >= prefix.utf8.count && zip(link, prefix.utf8).allSatisfy { ((0x41...0x5A).contains($0) ? $0 | 0x20 : $0) == $1 }
        }
        if hasPrefix("mailto:") && link.dropFirst(7).elementsEqual(shown) { return }
        if hasPrefix("tel:") {
            let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
            let linkDigits = link.dropFirst(4).filter(isDigit), textDigits = shown.filter(isDigit)
            if !textDigits.isEmpty && (linkDigits == textDigits || linkDigits == [0x31] + textDigits) { return }
        }
        for scheme in ["https://", "http://"] where hasPrefix(scheme) {
            let bare = link.dropFirst(scheme.utf8.count)
            if bare.elementsEqual(shown) || (bare.last == 0x2F && bare.dropLast().elementsEqual(shown)) { return }
        }
        inline.append(contentsOf: " (".utf8)
        inline.append(contentsOf: link)
        inline.append(0x29)
    }

    // MARK: Wrapping

    /// True when every Character of `bytes` is one scalar of one terminal column (or a
    /// control character of none), never wide, never a digit outside ASCII and never a
    /// place to break but a space: ASCII but "\r", the Latin letters and signs of
    /// U+00A0 to U+024F but the soft hyphen and the numerals, and the phone glue U+E000.
    static func isSimple(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0D { return false }
                index += 1
            } else if byte == 0xC2 {
                let next = bytes[index + 1]
                // Not C1 controls, the soft hyphen, nor ¹ ² ³ ¼ ½ ¾, which the pattern's \d takes.
                if next < 0xA0 || next == 0xAD || next == 0xB2 || next == 0xB3 || next == 0xB9 || (0xBC...0xBE).contains(next) {
                    return false
                }
                index += 2
            } else if (0xC3...0xC8).contains(byte) || (byte == 0xC9 && bytes[index + 1] <= 0x8F) {
                index += 2
            } else if byte == 0xEE && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 {
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    /// Wraps `inline` (see `PlainTextRenderer.wrap`) and writes its lines: how many, and
    /// the widest one's width.
    private mutating func wrapInline(width: Int) -> (lines: Int, widest: Int) {
        guard Self.isSimple(inline[...]) else {
            let lines = renderer.wrap(String(decoding: inline, as: UTF8.self), width: width)
            var widest = 0
            for line in lines {
                writeLine(line.utf8)
                widest = max(widest, DisplayWidth.of(line))
            }
            return (lines.count, widest)
        }
        var lines = 0, widest = 0
        // Empty lines are held back: trailing ones are dropped.
        var emptyLines = 0
        line.removeAll(keepingCapacity: true)
        var lineWidth = 0
        func finishLine(_ writer: inout PlainTextWriter) {
            if writer.line.isEmpty {
                emptyLines += 1
                return
            }
            for _ in 0..<emptyLines { writer.writeLine(EmptyCollection()) }
            lines += emptyLines + 1
            emptyLines = 0
            writer.writeLine(writer.line)
            widest = max(widest, lineWidth)
            writer.line.removeAll(keepingCapacity: true)
        }
        let count = inline.count
        var index = 0
        while index < count {
            let byte = inline[index]
            if byte == 0x0A {
                finishLine(&self)
                lineWidth = 0
                index += 1
                continue
            }
            if byte == 0x20 || byte == 0x09 {
                index += 1
                continue
            }
            // A word: up to the next space, tab or line break.
            let start = index
            var wordWidth = 0
            while index < count {
                let byte = inline[index]
                if byte < 0x80 {
                    if byte == 0x20 || byte == 0x09 || byte == 0x0A { break }
                    if byte > 0x20 && byte < 0x7F { wordWidth += 1 }
                    index += 1
                } else {
                    wordWidth += 1
                    index += byte == 0xEE ? 3 : 2
                }
            }
            // After the first word of a line, words only ever follow a space.
            if !line.isEmpty && lineWidth + 1 + wordWidth > width {
                finishLine(&self)
                lineWidth = 0
            } else if !line.isEmpty {
                line.append(0x20)
                lineWidth += 1
            }
            lineWidth += wordWidth
            Self.appendUngluing(inline[start..<index], to: &line)
        }
        finishLine(&self)
        return (lines, widest)
    }
}

/// Keeps a phone number such as "(312) 555-0100" or "+1 312 555 0100" on one line: the
/// spaces inside it are swapped for a private-use character while wrapping.
enum PhoneGlue {
    private static let glueCharacter: Character = "\u{E000}"
    nonisolated(unsafe) private static let pattern = try! Regex(#"(?:\+\d{1,3}[ .-]?)?(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]?\d{4}(?: ?(?:x|ext\.?) ?\d{1,6})?"#)

    static func glue(_ text: String) -> String {
        guard mayHoldNumber(text), text.contains(" "), text.contains(where: \.isASCIIDigit) else { return text }
        // No carriage return: then every byte is a Character, as the pattern sees them.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return glueASCII(text) }
        var result = ""
        var rest = text.startIndex
        for match in text.matches(of: pattern) {
            result += text[rest..<match.range.lowerBound]
            result += text[match.range].replacingOccurrences(of: " ", with: String(glueCharacter))
            rest = match.range.upperBound
        }
        return result + text[rest...]
    }

    /// `glue` for ASCII text, with the pattern written out by hand: the same matches, tried
    /// in the same order (leftmost; each optional part and each count as many as it can
    /// take first, fewer only when what follows fails). Phone numbers in partner listings
    /// made the regex the costliest step of a packet's text version.
    static func glueASCII(_ text: String) -> String {
        var result: [UInt8] = []
        glue(Array(text.utf8), into: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// `glueASCII` on bytes, appended to `result`. Also right for text whose Characters
    /// are each one scalar and whose only digits are ASCII (see `PlainTextWriter.isSimple`):
    /// every byte the pattern can match is ASCII, so bytes and Characters match alike.
    static func glue(_ bytes: [UInt8], into result: inout [UInt8]) {
        var start = 0, copied = 0
        while start < bytes.count {
            // A number starts with "+", "(" or a digit.
            let first = bytes[start]
            guard first == 0x2B || first == 0x28 || (0x30...0x39).contains(first), let end = numberEnd(bytes, from: start) else {
                start += 1
                continue
            }
            result += bytes[copied..<start]
            for byte in bytes[start..<end] {
                if byte == 0x20 { result += [0xEE, 0x80, 0x80] } else { result.append(byte) }  // U+E000
            }
            start = end
            copied = end
        }
        result += bytes[copied...]
    }

    /// Where `(?:\+\d{1,3}[ .-]?)?(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]?\d{4}(?: ?(?:x|ext\.?) ?\d{1,6})?`
    /// matching at `start` ends, or nil when it does not match there.
    static func numberEnd(_ s: [UInt8], from start: Int) -> Int? {
        func byte(_ i: Int) -> UInt8? { i < s.count ? s[i] : nil }
        func isDigit(_ i: Int) -> Bool { byte(i).map { (0x30...0x39).contains($0) } ?? false }
        func digits(_ i: Int, _ count: Int) -> Bool { (i..<i + count).allSatisfy(isDigit) }
        /// After the separator `[ .-]?` at `i`: with it first, then without.
        func separated(_ i: Int) -> [Int] { byte(i).map { $0 == 0x20 || $0 == 0x2E || $0 == 0x2D } == true ? [i + 1, i] : [i] }
        /// `(?: ?(?:x|ext\.?) ?\d{1,6})?` at `i`: the end with the extension if it matches, else `i`.
        func withExtension(_ i: Int) -> Int {
            for marker in byte(i) == 0x20 ? [i + 1, i] : [i] {
                var afterMarker: [Int] = []
                if byte(marker) == 0x78 { afterMarker.append(marker + 1) }  // x
                if byte(marker) == 0x65 && byte(marker + 1) == 0x78 && byte(marker + 2) == 0x74 {  // ext
                    if byte(marker + 3) == 0x2E { afterMarker.append(marker + 4) }
                    afterMarker.append(marker + 3)
                }
                for after in afterMarker {
                    for first in byte(after) == 0x20 ? [after + 1, after] : [after] {
                        var count = 0
                        while count < 6 && isDigit(first + count) { count += 1 }
                        if count > 0 { return first + count }
                    }
                }
            }
            return i
        }
        /// `[ .-]?\d{3}[ .-]?\d{4}` and the extension, after the area code.
        func rest(_ i: Int) -> Int? {
            for exchange in separated(i) where digits(exchange, 3) {
                for line in separated(exchange + 3) where digits(line, 4) { return withExtension(line + 4) }
            }
            return nil
        }
        /// `(?:\(\d{3}\)|\d{3})` and what follows it.
        func areaCode(_ i: Int) -> Int? {
            if byte(i) == 0x28, digits(i + 1, 3), byte(i + 4) == 0x29, let end = rest(i + 5) { return end }
            if digits(i, 3), let end = rest(i + 3) { return end }
            return nil
        }
        if byte(start) == 0x2B {  // +
            var count = 0
            while count < 3 && isDigit(start + 1 + count) { count += 1 }
            for taken in stride(from: count, through: 1, by: -1) {
                for next in separated(start + 1 + taken) {
                    if let end = areaCode(next) { return end }
                }
            }
        }
        return areaCode(start)
    }

    /// False when `text` cannot hold a number with a space in it: the pattern needs a space
    /// and ten digits, and every non-ASCII scalar is counted as a possible digit. Most text
    /// holds none, and the regex is the costliest step of the text version.
    static func mayHoldNumber(_ text: String) -> Bool {
        mayHoldNumber(bytes: text.utf8)
    }

    static func mayHoldNumber(bytes: some Sequence<UInt8>) -> Bool {
        var space = false, digits = 0
        for byte in bytes {
            if byte == 0x20 { space = true } else if (0x30...0x39).contains(byte) || byte >= 0xC0 { digits += 1 }
        }
        return space && digits >= 10
    }

    static func unglue(_ text: String) -> String {
        text.contains(glueCharacter) ? text.replacingOccurrences(of: String(glueCharacter), with: " ") : text
    }
}

import Foundation
