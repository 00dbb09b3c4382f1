/// The readable text of a template as sentences with their place in the file: each heading
/// and each list item counts as a sentence of its own (as TOOLING.md advises, since a list
/// without final punctuation would otherwise read as one endless sentence), and paragraphs
/// are split into sentences.
struct Prose {
    struct Sentence {
        let text: String
        let line: Int
        let column: Int
        /// Split once: several checks read them.
        let words: [Substring]

        init(text: String, line: Int, column: Int) {
            self.text = text
            self.line = line
            self.column = column
            words = text.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) || $0.contains(where: \.isNumber) }
        }
    }

    struct Paragraph {
        let sentences: [Sentence]
        let line: Int
        let column: Int
    }

    let paragraphs: [Paragraph]
    let headings: [Sentence]
    /// Every sentence in document order: headings and paragraphs.
    let sentences: [Sentence]

    init(_ source: TemplateSource) {
        var paragraphs: [Paragraph] = []
        var headings: [Sentence] = []
        for node in source.document.root.descendants() {
            switch node.kind {
            case .heading:
                let text = node.plainText.trimmed
                if !text.isEmpty { headings.append(Sentence(text: text, line: node.line, column: node.column)) }
            case .paragraph:
                let lines = Self.sourceLines(of: node)
                let joined = lines.joined(separator: " ")
                var sentences: [Sentence] = []
                var searchFrom = joined.startIndex
                for sentence in Readability.sentences(in: joined) {
                    guard let range = joined[searchFrom...].firstRange(of: sentence) else { continue }
                    // Which source line the sentence starts on: count the joins before it.
                    let before = joined[joined.startIndex..<range.lowerBound]
                    var offset = 0, consumed = 0
                    for (index, line) in lines.enumerated() {
                        if consumed + line.count >= before.count { offset = index; break }
                        consumed += line.count + 1
                    }
                    let line = node.line + offset
                    let column = source.proseLine(line).map { Self.column(of: sentence, in: $0) } ?? node.column
                    sentences.append(Sentence(text: sentence, line: line, column: column))
                    searchFrom = range.upperBound
                }
                if !sentences.isEmpty { paragraphs.append(Paragraph(sentences: sentences, line: node.line, column: node.column)) }
            default:
                break
            }
        }
        self.paragraphs = paragraphs
        self.headings = headings
        sentences = (headings + paragraphs.flatMap(\.sentences)).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The paragraph's text, one string per source line.
    private static func sourceLines(of paragraph: MarkdownNode) -> [String] {
        var lines = [""]
        var pending = paragraph.children.reversed() as [MarkdownNode]
        while let node = pending.popLast() {
            switch node.kind {
            case .text, .code: lines[lines.count - 1] += node.literal
            case .softBreak, .lineBreak: lines.append("")
            case .htmlInline: break
            default: pending.append(contentsOf: node.children.reversed())
            }
        }
        return lines.map(\.trimmed)
    }

    /// Where the sentence's first word stands in its source line (1 if it cannot be found).
    static func column(of sentence: String, in line: Substring) -> Int {
        guard let first = sentence.split(separator: " ").first, let range = line.firstRange(of: first) else { return 1 }
        return line.distance(from: line.startIndex, to: range.lowerBound) + 1
    }
}

import Foundation
