import Foundation
import Testing

/// Every command's `--help`, found by walking the SUBCOMMANDS sections from the top, fits an
/// 80-column terminal and is wrapped only where ArgumentParser wraps it: a hard line break
/// inside a paragraph of `discussion` (or of an option's help) shows as a line that ends
/// although the next word would have fit.
@Suite struct HelpTextTests {
    static let width = 80

    /// `[["render"], ["list"], ["list", "partners"], ...]`, and `[]` for `handout` itself.
    static func commandPaths() throws -> [[String]] {
        var found: [[String]] = []
        var queue: [[String]] = [[]]
        while let path = queue.first {
            queue.removeFirst()
            found.append(path)
            queue += try subcommands(inHelp: help(path)).filter { $0 != "help" }.map { path + [$0] }
        }
        return found
    }

    static func help(_ path: [String]) throws -> String {
        let result = try handout(path + ["--help"], environment: ["COLUMNS": "\(width)"])
        #expect(result.status == 0, "handout \(path.joined(separator: " ")) --help failed: \(result.stderr)")
        return result.stdout
    }

    static func subcommands(inHelp help: String) -> [String] {
        let lines = help.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
    }

    /// Lines of `help` that end a paragraph line early: the pair (line, next line) where
    /// the next line's first word would have fitted on the line.
    static func hardBreaks(in help: String) -> [String] {
        let lines = help.components(separatedBy: "\n")
        var breaks: [String] = []
        for (line, next) in zip(lines, lines.dropFirst()) {
            guard !line.isEmpty, !next.isEmpty else { continue }
            let nextIndent = next.prefix { $0 == " " }.count
            let lineIndent = line.prefix { $0 == " " }.count
            let nextText = next.dropFirst(nextIndent)
            // A new row of OPTIONS, ARGUMENTS or SUBCOMMANDS, or a list item.
            if nextIndent == 2 || nextText.hasPrefix("- ") { continue }
            // An option's label alone on its line, with its help below.
            if lineIndent == 2, !line.dropFirst(2).contains("  ") { continue }
            let nextWord = nextText.prefix { $0 != " " }
            if line.count + 1 + nextWord.count < width {
                breaks.append(line + "⏎" + next)
            }
        }
        return breaks
    }

    @Test func everyCommandIsListed() throws {
        let paths = try Self.commandPaths().map { $0.joined(separator: " ") }
        for expected in ["", "render", "list", "list partners", "list templates", "check", "build"] {
            #expect(paths.contains(expected), "handout \(expected) --help was not reached")
        }
    }

    @Test func everyHelpFitsEightyColumns() throws {
        for path in try Self.commandPaths() {
            let help = try Self.help(path)
            let long = help.components(separatedBy: "\n").filter { $0.count > Self.width }
            #expect(long.isEmpty, "handout \(path.joined(separator: " ")) --help has lines over \(Self.width) columns: \(long)")
        }
    }

    @Test func noParagraphIsBrokenByHand() throws {
        for path in try Self.commandPaths() {
            let breaks = Self.hardBreaks(in: try Self.help(path))
            #expect(breaks.isEmpty, "handout \(path.joined(separator: " ")) --help breaks a paragraph by hand (write one line per paragraph, or end source lines with \\): \(breaks)")
        }
    }

    @Test func theBreakFinderSeesTheBreaksItShould() {
        let wrapped = """
            Checks reading level, sentence and paragraph length, jargon and the PEMAT items
            for every template and language.

            OPTIONS:
              --practice-website <url>
                                      Your practice's web site (http or https).
              --zip <zip>             The client's ZIP code: partners that serve it are
                                      offered.
            """
        #expect(Self.hardBreaks(in: wrapped) == [])
        let broken = """
            Checks reading level, sentence and paragraph length, jargon and the PEMAT items
            for
            every template and language.
            """
        #expect(Self.hardBreaks(in: broken) == ["for⏎every template and language."])
    }
}
