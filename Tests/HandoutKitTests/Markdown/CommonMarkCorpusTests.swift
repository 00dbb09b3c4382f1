import Foundation
import Testing
@testable import HandoutKit

/// Every example of the CommonMark 0.30 spec through the plain-text renderer, at a narrow
/// width so wrapping is exercised: it must not crash, and every line must fit the width
/// unless it cannot be broken (one long word or URL after its list or quote markers) or is
/// verbatim code.
@Suite struct CommonMarkCorpusTests {
    static let examples: [String] = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/commonmark/spec-0.30.txt").path
        guard let spec = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var examples: [String] = []
        var current: [Substring]?
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == fence + " example" {
                current = []
            } else if line == "." , let lines = current {
                examples.append(lines.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") + "\n")
                current = nil
            } else {
                current?.append(line)
            }
        }
        return examples
    }()

    @Test func theCorpusIsComplete() {
        #expect(Self.examples.count == 652)
    }

    @Test func everyExampleRendersWithinTheWidth() {
        let width = 20
        for (number, markdown) in Self.examples.enumerated() {
            let document = MarkdownDocument(markdown: markdown)
            let text = PlainTextRenderer(width: width).render(document.root)
            #expect(text.isEmpty || text.hasSuffix("\n"), "example \(number + 1)")
            let code = Set(document.root.descendants().flatMap { node -> [Substring] in
                guard case .codeBlock = node.kind else { return [] }
                return node.literal.split(separator: "\n")
            }.map { $0.trimmed })
            for line in text.split(separator: "\n") where DisplayWidth.of(line) > width {
                let content = line.drop { " >-*0123456789.".contains($0) }
                let unbreakable = !content.contains(" ")
                #expect(unbreakable || code.contains(line.trimmed) || code.contains(content.trimmed), "example \(number + 1): \"\(line)\"")
            }
        }
    }
}
