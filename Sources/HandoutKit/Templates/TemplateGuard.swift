/// The Mustache a template body, the partner-listing partial or the page layout may not
/// write. Escaping is configuration, not a search: every value reaches the engine already
/// escaped (`EscapedValues`), and these tags, which would switch that off or hide other tags
/// from this guard, are refused with their line and column (rule `template-unsafe-tag`).
enum TemplateGuard {
    static let unsafeTagRule = "template-unsafe-tag"

    /// `{{` followed at once by one of these is a tag handout refuses.
    private static let refused: [(sigil: String, tag: String, why: String)] = [
        ("{", "{{{…}}}", "it would print a value unescaped; write {{name}}, which prints the value as it is"),
        ("&", "{{& …}}", "it would print a value unescaped; write {{name}}, which prints the value as it is"),
        ("%", "{{% … }}", "a pragma could switch the escaping of values off"),
        ("=", "{{=… =}}", "a delimiter change would hide the tags that follow from this check"),
        ("*", "{{>*…}}", "a dynamic partial takes its name from the data; name the partial, like {{> partners}}"),
    ]

    /// Every refused tag in `text`, as errors at `firstLine` + the line within `text`.
    static func unsafeTags(in text: String, path: String, firstLine: Int = 1) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // A line without "{" holds no tag; most lines of prose have none, and skipping
        // them spares the searches below.
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.utf8.contains(UInt8(ascii: "{")) {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                var after = line[open.upperBound...]
                // `{{> *name}}` and `{{<*name}}` are dynamic partials: compare from after the space.
                if after.first == ">" || after.first == "<" { after = after.dropFirst().drop(while: \.isWhitespace) }
                if let match = refused.first(where: { after.hasPrefix($0.sigil) }) {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    found.append(Diagnostic(
                        .error, "\(match.tag) is not allowed in templates or layouts: \(match.why)",
                        path: path, line: offset + firstLine, column: column, rule: unsafeTagRule))
                    // `{{{` is one tag, not `{{{` and then `{{`.
                    let next = line.index(open.upperBound, offsetBy: 1, limitedBy: line.endIndex) ?? line.endIndex
                    rest = line[next...]
                } else {
                    rest = line[open.upperBound...]
                }
            }
        }
        return found
    }

    /// Compiled once per process: a regex literal in the loop below was parsed and compiled
    /// again for every line.
    nonisolated(unsafe) private static let partialTag = /\{\{[<>]\s*([^}\s]+)\s*\}\}/

    /// The partials each `{{> name}}` or `{{< name}}` tag in `text` includes, with positions.
    static func partialIncludes(in text: String, firstLine: Int = 1) -> [(name: String, line: Int, column: Int)] {
        var includes: [(String, Int, Int)] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.utf8.contains(UInt8(ascii: "{")) {
            for match in line.matches(of: partialTag) {
                let column = line.distance(from: line.startIndex, to: match.range.lowerBound) + 1
                includes.append((String(match.output.1), offset + firstLine, column))
            }
        }
        return includes
    }

    /// A partial that includes itself, directly or through others, would recurse forever:
    /// one error per partial on such a cycle, at the include that closes it.
    static func includeCycles(_ partials: [(name: String, text: String, path: String)]) -> [Diagnostic] {
        let includes = Dictionary(uniqueKeysWithValues: partials.map { ($0.name, partialIncludes(in: $0.text)) })
        let known = Set(includes.keys)
        var problems: [Diagnostic] = []
        for partial in partials {
            // Depth-first from this partial; report when a path leads back to it.
            var stack = includes[partial.name]!.map { (first: $0, name: $0.name) }
            var seen: Set<String> = []
            while let (first, name) = stack.popLast() {
                if name == partial.name {
                    let through = first.name == partial.name ? "itself" : "itself through \"\(first.name)\""
                    problems.append(Diagnostic(.error, "partial \"\(partial.name)\" includes \(through): it would never end",
                        path: partial.path, line: first.line, column: first.column))
                    break
                }
                guard known.contains(name), seen.insert(name).inserted else { continue }
                stack += includes[name]!.map { (first, $0.name) }
            }
        }
        return problems
    }
}
