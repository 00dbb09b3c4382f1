/// Checks of one template's structure: its variables and partials, its links and headings.
struct TemplateChecks {
    let source: TemplateSource
    let knownIDs: Set<String>
    let log: FindingLog

    var path: String { source.template.path }

    func run() {
        checkTags()
        checkLinks()
        checkHeadings()
    }

    static let partials: Set<String> = ["partners"]

    private func checkTags() {
        var open: [String] = []
        for tag in source.tags {
            switch tag.kind {
            case .section, .invertedSection:
                check(variable: tag, open: open)
                open.append(tag.name)
            case .close:
                if let index = open.lastIndex(of: tag.name) { open.remove(at: index) }
            case .variable:
                check(variable: tag, open: open)
            case .partial:
                if !Self.partials.contains(tag.name) {
                    let message = NearestName.describe("unknown partial \"\(tag.name)\"", name: tag.name, among: Self.partials)
                    log.add("unknown-partial", message + ": it renders as nothing", path: path, line: tag.line, column: tag.column)
                }
            case .comment, .other:
                break
            }
        }
    }

    private func check(variable tag: TemplateSource.Tag, open: [String]) {
        let fields = open.reduce(into: Set<String>()) { $0.formUnion(HandoutContext.listFields[$1.split(separator: ".").last.map(String.init) ?? ""] ?? []) }
        let name = tag.name
        if let prefix = name.split(separator: ".").first, HandoutContext.keyedNames.contains(String(prefix)) {
            // Facts have their own rules (FactChecks); a state section names a state code.
            if prefix == "state", name.range(of: "^state\\.[A-Z]{2}$", options: .regularExpression) == nil {
                log.add("unknown-variable", "a state section names one state by its two-letter code in capitals, like {{#state.GA}}: \"\(name)\" never renders",
                    path: path, line: tag.line, column: tag.column)
            }
            return
        }
        guard name != ".", !HandoutContext.globalNames.contains(name), !fields.contains(name) else { return }
        let message = NearestName.describe("unknown variable \"\(name)\"", name: name, among: HandoutContext.globalNames.union(fields))
        log.add("unknown-variable", message + ": it renders empty", path: path, line: tag.line, column: tag.column)
    }

    static let vagueLinkTexts: Set<String> = [
        "click here", "here", "this", "this link", "link", "more", "read more", "learn more",
        "aquí", "aqui", "haga clic aquí", "haga clic", "clic aquí", "este enlace", "enlace", "más", "leer más", "lea más",
    ]

    private func checkLinks() {
        for node in source.document.root.descendants() {
            guard case .link(let destination) = node.kind else { continue }
            let text = node.plainText.lowercased().trimmedOfPunctuation
            if Self.vagueLinkTexts.contains(text) {
                log.add("vague-link-text", "link text \"\(node.plainText)\" does not say where it goes: name the handout or the page instead",
                    path: path, line: node.line, column: node.column)
            }
            if let target = HandoutLink.target(of: destination), !knownIDs.contains(target) {
                let message = NearestName.describe("link to \"\(destination)\", but there is no handout \"\(target)\"", name: target, among: knownIDs)
                log.add("broken-link", message, path: path, line: node.line, column: node.column)
            }
        }
    }

    private func checkHeadings() {
        var previous = 1  // the title is the page's level-1 heading
        for node in source.document.root.descendants() {
            guard case .heading(let level) = node.kind else { continue }
            if level > previous + 1 {
                log.add("heading-skip", "heading level \(level) follows level \(previous): use level \(previous + 1) (\(String(repeating: "#", count: previous + 1)))",
                    path: path, line: node.line, column: node.column)
            }
            previous = level
        }
    }
}

import Foundation
