/// Renders a Markdown tree as plain text to paste into an email, a patient portal or a chat:
/// headings underlined (= for level 1, - for level 2, ~ below), paragraphs wrapped, lists with hanging indents, block quotes marked
/// with "> ", code verbatim, links as "text (URL)", and no line ever broken inside a URL or
/// a phone number. Widths are terminal columns (see `DisplayWidth`).
public struct PlainTextRenderer: Sendable {
    public var width: Int

    public init(width: Int = 72) { self.width = width }

    public func render(_ document: MarkdownNode) -> String {
        let lines = blocks(document.children, width: width, tight: false)
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    // MARK: Blocks

    /// Renders a sequence of blocks, separated by a blank line unless `tight`.
    private func blocks(_ nodes: [MarkdownNode], width: Int, tight: Bool) -> [String] {
        var lines: [String] = []
        for node in nodes {
            let rendered = block(node, width: width)
            if rendered.isEmpty { continue }
            if !lines.isEmpty && !tight { lines.append("") }
            lines.append(contentsOf: rendered)
        }
        return lines
    }

    private func block(_ node: MarkdownNode, width: Int) -> [String] {
        switch node.kind {
        case .paragraph:
            return wrap(inlineText(node.children), width: width)
        case .heading(let level):
            let lines = wrap(inlineText(node.children), width: width)
            let rule: Character = level == 1 ? "=" : level == 2 ? "-" : "~"
            let underline = String(repeating: rule, count: lines.map(DisplayWidth.of).max() ?? 0)
            return lines.isEmpty ? [] : lines + [underline]
        case .list(let ordered, let start, let tight):
            return list(node.children, ordered: ordered, start: start, tight: tight, width: width)
        case .blockQuote:
            return blocks(node.children, width: max(width - 2, 1), tight: false).map { $0.isEmpty ? ">" : "> " + $0 }
        case .codeBlock:
            var code = node.literal
            if code.hasSuffix("\n") { code.removeLast() }
            return code.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
        case .thematicBreak:
            return ["* * *"]
        case .item, .document:
            return blocks(node.children, width: width, tight: false)
        default:
            // Raw HTML is dropped, as the HTML renderer drops it.
            return []
        }
    }

    private func list(_ items: [MarkdownNode], ordered: Bool, start: Int, tight: Bool, width: Int) -> [String] {
        let markers = items.indices.map { ordered ? "\(start + $0). " : "- " }
        let indent = markers.map(\.count).max() ?? 2
        var lines: [String] = []
        for (item, marker) in zip(items, markers) {
            if !lines.isEmpty && !tight { lines.append("") }
            let body = blocks(item.children, width: max(width - indent, 1), tight: tight)
            let padding = String(repeating: " ", count: indent)
            if body.isEmpty {
                lines.append(marker.trimmingTrailingSpaces)
                continue
            }
            for (offset, line) in body.enumerated() {
                let prefix = offset == 0 ? marker.padding(toLength: indent) : padding
                lines.append(line.isEmpty ? "" : prefix + line)
            }
        }
        return lines
    }

    // MARK: Inlines

    /// The text of inline nodes: emphasis markers dropped, links as "text (URL)", hard
    /// breaks as "\n", and spaces inside phone numbers glued so wrapping keeps them whole.
    func inlineText(_ nodes: [MarkdownNode]) -> String {
        nodes.map(inline).joined()
    }

    private func inline(_ node: MarkdownNode) -> String {
        switch node.kind {
        case .text:
            return PhoneGlue.glue(node.literal)
        case .code:
            return node.literal
        case .softBreak:
            return " "
        case .lineBreak:
            return "\n"
        case .htmlInline:
            return ""
        case .link(let destination):
            let text = inlineText(node.children)
            return text + linkSuffix(text: text, destination: destination)
        case .image:
            return node.plainText
        default:
            return inlineText(node.children)
        }
    }

    /// " (URL)" after link text, unless the URL adds nothing: it is empty (dropped as
    /// unsafe), relative (a link to another handout), or says what the text says.
    private func linkSuffix(text: String, destination: String) -> String {
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
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 8)
        var start = 0, copied = 0
        while start < bytes.count {
            guard let end = numberEnd(bytes, from: start) else {
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
        return String(decoding: result, as: UTF8.self)
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
        var space = false, digits = 0
        for byte in text.utf8 {
            if byte == 0x20 { space = true } else if (0x30...0x39).contains(byte) || byte >= 0xC0 { digits += 1 }
        }
        return space && digits >= 10
    }

    static func unglue(_ text: String) -> String {
        text.contains(glueCharacter) ? text.replacingOccurrences(of: String(glueCharacter), with: " ") : text
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }

    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}

import Foundation
