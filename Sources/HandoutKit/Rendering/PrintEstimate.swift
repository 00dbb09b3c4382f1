/// How many pages a rendered handout takes on paper, estimated without a browser: its
/// blocks are set in lines at the print stylesheet's metrics (handout.css `@media print`:
/// Arial 10 pt, line height 1.2, the sources in 8 pt, partner details run on as one
/// paragraph, the "who to call first" box in columns) with Arial's glyph widths, then
/// poured into pages that keep headings with what follows and list items and partner
/// entries whole. It is an estimate: scripts/print-check.py prints the same handouts in
/// Chromium and counts their real pages (README, "The handout on paper", gives how close
/// the two came). The numbers below must follow handout.css when its print rules change.
public struct PrintEstimate: Sendable, Equatable {
    /// The printable area of a sheet, in points, inside handout.css's `@page` margins.
    public struct Paper: Sendable, Equatable {
        public let name: String
        let width: Double
        let height: Double

        /// `@page { margin: 0.9cm 1cm 1cm }`.
        static let margins = (top: 0.9 * cm, sides: 1.0 * cm, bottom: 1.0 * cm)

        init(name: String, widthInches: Double, heightInches: Double) {
            self.name = name
            width = widthInches * 72 - 2 * Self.margins.sides
            height = heightInches * 72 - Self.margins.top - Self.margins.bottom
        }

        public static let letter = Paper(name: "US Letter", widthInches: 8.5, heightInches: 11)
        public static let a4 = Paper(name: "A4", widthInches: 8.27, heightInches: 11.69)
        public static let all = [letter, a4]
    }

    /// Pages used, the last one in part: 1.5 is one page and half of another.
    public let pages: Double
    public let paper: Paper

    /// Whole sheets of paper.
    public var sheets: Int { Int(pages.rounded(.up)) }

    /// The most pages a client handout may print on.
    public static let maximumPages = 2

    /// - Parameters:
    ///   - header: the title and summary.
    ///   - callFirst: the "who to call first" box, when there is one.
    ///   - body: the body, the partner listing and the footer (after its thematic break).
    public init(header: MarkdownNode, callFirst: MarkdownNode?, body: MarkdownNode, paper: Paper) {
        var layout = BlockLayout(width: paper.width)
        layout.add(header.children)
        if let callFirst { layout.addBox(callFirst) }
        layout.add(body.children)
        self.paper = paper
        self.pages = Pagination.pages(layout.units, height: paper.height)
    }
}

private let cm = 72 / 2.54

/// One unbreakable piece of the page: a line of a paragraph, a list item, a heading, a box.
struct PrintUnit {
    var height: Double
    var marginTop: Double
    var marginBottom: Double
    /// A heading: never the last thing on a page.
    var keepWithNext = false
}

/// Pours units into pages: vertical margins collapse (the larger one counts) and vanish at
/// the top of a page; a unit that does not fit starts a new page, and a heading goes with it.
enum Pagination {
    static func pages(_ units: [PrintUnit], height: Double) -> Double {
        var pages = 1
        var used = 0.0
        var previousMargin = 0.0
        var index = 0
        while index < units.count {
            // A heading and the unit after it (the first line of what it heads) move as one.
            var end = index
            while end + 1 < units.count, units[end].keepWithNext { end += 1 }
            let group = units[index...end]
            var needed = used == 0 ? 0 : max(previousMargin, group.first!.marginTop)
            var last = group.first!
            for (offset, unit) in group.enumerated() {
                if offset > 0 { needed += max(last.marginBottom, unit.marginTop) }
                needed += unit.height
                last = unit
            }
            if used > 0, used + needed > height {
                pages += 1
                used = 0
                needed -= max(previousMargin, group.first!.marginTop)
            }
            used += needed
            previousMargin = last.marginBottom
            index = end + 1
        }
        return Double(pages - 1) + min(1, used / height)
    }
}

/// Sets Markdown blocks in lines at the print stylesheet's metrics.
struct BlockLayout {
    let width: Double
    private(set) var units: [PrintUnit] = []
    /// After the thematic break: the footer's dates and sources, in small type.
    private var inFooter = false

    /// Where the last level-3 heading (a partner's name) starts in `units`.
    private var lastEntryStart: Int?
    /// The paragraphs under it so far (a partner's description).
    private var entryParagraphs: [MarkdownNode] = []

    init(width: Double) { self.width = width }

    /// Points, from handout.css `@media print` (1rem = 10pt).
    enum Metrics {
        static let body = 10.0
        static let lineHeight = 1.2
        static let small = 8.0
        static let paragraphMargin = 2.5
        static let listIndent = 12.5
        static let itemMargin = 0.5
        static let headings: [Int: (size: Double, top: Double, bottom: Double)] = [
            1: (15, 0, 3), 2: (12, 5.5, 1.5), 3: (10.5, 4, 0.5), 4: (10.5, 4, 0.5), 5: (10.5, 4, 0.5), 6: (10.5, 4, 0.5),
        ]
        /// The summary under the title sits beside a rule: 0.3rem border, 0.75rem padding.
        static let summaryInset = 10.5
        static let blockquoteInset = 23.0
        static let blockquotePadding = 10.0
        /// `.call-first`: 1.5pt border, 0.6rem side padding, 0.2rem bottom padding,
        /// margins 0.5rem and 0.6rem; its entries in columns at least 14rem wide, 1rem apart.
        static let boxInset = 15.0
        static let boxPadding = 5.0
        static let boxMargins = (top: 5.0, bottom: 6.0)
        static let boxColumn = 140.0
        static let boxGap = 10.0
        static let boxItemMargin = 1.5
        static let phoneSize = 14.0
        /// `svg.qr` on paper: 1.8 cm, 0.6rem from the text (1.4 cm in the box).
        static let qrSize = 1.8 * cm
        static let qrSpace = 1.8 * cm + 6
        static let boxQRSize = 1.4 * cm
        static let boxQRSpace = 1.4 * cm + 6
    }

    mutating func add(_ blocks: [MarkdownNode]) {
        var previous: [MarkdownNode.Kind] = []
        for block in blocks {
            add(block, after: previous, indent: 0)
            previous.append(block.kind)
        }
    }

    private mutating func add(_ block: MarkdownNode, after previous: [MarkdownNode.Kind], indent: Double) {
        let metrics = Metrics.self
        switch block.kind {
        case .heading(let level):
            let style = metrics.headings[level] ?? metrics.headings[6]!
            let lines = Words.paragraph(block, size: style.size, bold: true).lineCount(width: width - indent)
            if level == 3 { lastEntryStart = units.count }
            entryParagraphs = []
            units.append(PrintUnit(height: Double(lines) * style.size * metrics.lineHeight, marginTop: style.top, marginBottom: style.bottom, keepWithNext: true))
        case .paragraph:
            let isSummary = previous.count == 1 && previous[0] == .heading(level: 1)
            let size = inFooter ? metrics.small : metrics.body
            let margin = inFooter ? 1.5 : metrics.paragraphMargin
            units += paragraph(block, size: size, bold: false, width: width - indent - (isSummary ? metrics.summaryInset : 0), top: margin, bottom: margin)
            entryParagraphs.append(block)
        case .list(let ordered, _, _):
            if Self.isPartnerDetails(after: previous) {
                // One run-on paragraph, kept whole (`h3 + ul` in handout.css).
                var words = Words()
                for (index, item) in block.children.enumerated() {
                    if index > 0 { words.add(" · ", size: metrics.body, bold: true) }
                    words.addItem(item, size: metrics.body, nestedSeparator: "; ")
                }
                let lineHeight = metrics.body * metrics.lineHeight
                if let start = lastEntryStart, Self.hasWebAddress(block) {
                    // A QR code floats right of the description and details: they are set
                    // narrower beside it, and take at least its height.
                    let narrow = width - indent - metrics.qrSpace
                    let paragraphs = entryParagraphs.map { Words.paragraph($0, size: metrics.body, bold: false) }
                    let narrowLines = Double(paragraphs.reduce(words.lineCount(width: narrow)) { $0 + $1.lineCount(width: narrow) })
                    let fullLines = Double(paragraphs.reduce(words.lineCount(width: width - indent)) { $0 + $1.lineCount(width: width - indent) })
                    let gaps = Double(paragraphs.count) * metrics.paragraphMargin
                    var height = narrowLines * lineHeight + gaps
                    if height > metrics.qrSize {
                        let beside = metrics.qrSize / lineHeight
                        height = metrics.qrSize + max(0, fullLines - beside * narrow / (width - indent)) * lineHeight + gaps
                    }
                    units.removeSubrange((start + 1)...)
                    units.append(PrintUnit(height: max(height, metrics.qrSize), marginTop: metrics.paragraphMargin, marginBottom: metrics.paragraphMargin))
                } else {
                    units.append(PrintUnit(height: Double(words.lineCount(width: width - indent)) * lineHeight, marginTop: metrics.paragraphMargin, marginBottom: metrics.paragraphMargin))
                }
                // The entry's heading and description stay with its details.
                if let start = lastEntryStart {
                    for index in start..<(units.count - 1) { units[index].keepWithNext = true }
                }
            } else {
                addList(block, ordered: ordered, indent: indent + metrics.listIndent)
            }
        case .blockQuote:
            var inner = BlockLayout(width: width - indent - metrics.blockquoteInset)
            inner.inFooter = inFooter
            inner.add(block.children)
            let height = inner.units.reduce(0) { $0 + $1.height + $1.marginTop } + metrics.blockquotePadding
            units.append(PrintUnit(height: height, marginTop: 10, marginBottom: 10))
        case .thematicBreak:
            inFooter = true
            units.append(PrintUnit(height: 1, marginTop: 6, marginBottom: 3))
        case .codeBlock:
            let lines = block.literal.split(separator: "\n", omittingEmptySubsequences: false).count
            units.append(PrintUnit(height: Double(lines) * metrics.body * metrics.lineHeight, marginTop: 10, marginBottom: 10))
        default:
            break
        }
    }

    /// Each item whole (`li { break-inside: avoid }`); a nested list inside its item.
    private mutating func addList(_ list: MarkdownNode, ordered: Bool, indent: Double) {
        let metrics = Metrics.self
        let first = units.count
        for item in list.children {
            var inner = BlockLayout(width: width)
            inner.inFooter = inFooter
            var previous: [MarkdownNode.Kind] = []
            for child in item.children {
                inner.add(child, after: previous, indent: indent)
                previous.append(child.kind)
            }
            // A tight list's paragraphs have no margins of their own.
            let height = inner.units.enumerated().reduce(0.0) { sum, element in
                sum + element.element.height + (element.offset == 0 ? 0 : max(inner.units[element.offset - 1].marginBottom, element.element.marginTop))
            }
            units.append(PrintUnit(height: height, marginTop: metrics.itemMargin, marginBottom: metrics.itemMargin))
        }
        if units.count > first {
            units[first].marginTop = max(units[first].marginTop, metrics.paragraphMargin)
            units[units.count - 1].marginBottom = max(units[units.count - 1].marginBottom, metrics.paragraphMargin)
        }
    }

    /// The "who to call first" box: its heading, then one entry per partner in columns.
    mutating func addBox(_ box: MarkdownNode) {
        let metrics = Metrics.self
        let inner = width - metrics.boxInset
        var height = metrics.boxPadding
        for block in box.children {
            switch block.kind {
            case .heading:
                let size = metrics.headings[2]!.size
                let lines = Double(Words.paragraph(block, size: size, bold: true).lineCount(width: inner))
                height += 3 + lines * size * metrics.lineHeight + 1
            case .list:
                // `auto-fit`: as many columns as fit, but no more than there are entries.
                let columns = max(1, min(block.children.count, Int((inner + metrics.boxGap) / (metrics.boxColumn + metrics.boxGap))))
                let columnWidth = (inner - Double(columns - 1) * metrics.boxGap) / Double(columns)
                let items = block.children.map { item -> Double in
                    // Name, phone (large), what it helps with: one line each, hard breaks
                    // between, beside a QR code. (The tree does not carry the code, which
                    // cmark draws as a node of its own; most partners have a web address,
                    // so every entry is taken to have one.)
                    let paragraph = item.children.first { $0.kind == .paragraph } ?? item
                    let hasCode = true
                    let textWidth = columnWidth - (hasCode ? metrics.boxQRSpace : 0)
                    let text = Words.segments(paragraph).enumerated().reduce(0.0) { sum, segment in
                        let isPhone = segment.offset == 1 && segment.element.contains(where: Self.isPhoneLink)
                        let size = isPhone ? metrics.phoneSize : metrics.body
                        var words = Words()
                        for node in segment.element { words.addInline(node, size: size, bold: isPhone) }
                        return sum + Double(words.lineCount(width: textWidth)) * size * metrics.lineHeight
                    }
                    return max(text, hasCode ? metrics.boxQRSize : 0) + 2 * metrics.boxItemMargin
                }
                var row = 0
                while row * columns < items.count {
                    height += items[(row * columns)..<min(items.count, (row + 1) * columns)].max()!
                    row += 1
                }
            default:
                break
            }
        }
        units.append(PrintUnit(height: height, marginTop: metrics.boxMargins.top, marginBottom: metrics.boxMargins.bottom))
    }

    /// A partner with a web address (its intake page or website) has a QR code beside it.
    private static func hasWebAddress(_ node: MarkdownNode) -> Bool {
        node.descendants().contains { node in
            if case .link(let destination) = node.kind { return destination.hasPrefix("http") }
            return false
        }
    }

    private static func isPhoneLink(_ node: MarkdownNode) -> Bool {
        if case .link(let destination) = node.kind { return destination.hasPrefix("tel:") }
        return false
    }

    /// A list right after a level-3 heading and at most two paragraphs: a partner's details.
    private static func isPartnerDetails(after previous: [MarkdownNode.Kind]) -> Bool {
        for back in 1...3 where previous.count >= back {
            let kinds = previous.suffix(back)
            if kinds.first == .heading(level: 3), kinds.dropFirst().allSatisfy({ $0 == .paragraph }) { return true }
        }
        return false
    }

    /// A paragraph as one unit per line, the first two lines and the last two together
    /// (`orphans: 2; widows: 2`).
    private func paragraph(_ block: MarkdownNode, size: Double, bold: Bool, width: Double, top: Double, bottom: Double) -> [PrintUnit] {
        let lines = Words.paragraph(block, size: size, bold: bold).lineCount(width: width)
        let lineHeight = size * Metrics.lineHeight
        if lines <= 4 {
            return [PrintUnit(height: Double(lines) * lineHeight, marginTop: top, marginBottom: bottom)]
        }
        var units = [PrintUnit(height: 2 * lineHeight, marginTop: top, marginBottom: 0)]
        units += Array(repeating: PrintUnit(height: lineHeight, marginTop: 0, marginBottom: 0), count: lines - 4)
        units.append(PrintUnit(height: 2 * lineHeight, marginTop: 0, marginBottom: bottom))
        return units
    }
}

/// A paragraph's words, each with its printed width, and where lines must break.
struct Words {
    /// Widths in points; nil is a hard line break.
    private(set) var widths: [Double?] = []
    private var current = 0.0
    private var spaceWidth = 0.0
    private var pendingSpace = false

    static func paragraph(_ block: MarkdownNode, size: Double, bold: Bool) -> Words {
        var words = Words()
        for node in block.children { words.addInline(node, size: size, bold: bold) }
        words.finish()
        return words
    }

    /// The inline nodes of a paragraph split at its hard line breaks.
    static func segments(_ paragraph: MarkdownNode) -> [[MarkdownNode]] {
        var segments: [[MarkdownNode]] = [[]]
        for node in paragraph.children {
            if node.kind == .lineBreak { segments.append([]) } else { segments[segments.count - 1].append(node) }
        }
        return segments
    }

    mutating func addItem(_ item: MarkdownNode, size: Double, nestedSeparator: String) {
        for child in item.children {
            switch child.kind {
            case .list:
                add(" ", size: size, bold: false)
                for (index, nested) in child.children.enumerated() {
                    if index > 0 { add(nestedSeparator, size: size, bold: false) }
                    addItem(nested, size: size, nestedSeparator: nestedSeparator)
                }
            default:
                for node in child.children { addInline(node, size: size, bold: false) }
            }
        }
    }

    mutating func addInline(_ node: MarkdownNode, size: Double, bold: Bool) {
        switch node.kind {
        case .text, .code:
            add(node.literal, size: size, bold: bold)
        case .softBreak:
            add(" ", size: size, bold: bold)
        case .lineBreak:
            finishWord()
            widths.append(nil)
            pendingSpace = false
        case .strong:
            for child in node.children { addInline(child, size: size, bold: true) }
        case .link(let destination):
            for child in node.children { addInline(child, size: size, bold: bold) }
            // handout.css prints a web address after its link text, unless the text is the address.
            if destination.hasPrefix("http"), node.plainText != destination {
                add(" (" + destination + ")", size: size * 0.9, bold: false)
            }
        default:
            for child in node.children { addInline(child, size: size, bold: bold) }
        }
    }

    mutating func add(_ text: String, size: Double, bold: Bool) {
        let scale = size / 1000 * (bold ? ArialWidths.boldFactor : 1)
        for character in text.unicodeScalars {
            if character == " " || character == "\n" || character == "\t" {
                finishWord()
                spaceWidth = ArialWidths.space * scale
                pendingSpace = true
            } else {
                if current == 0, pendingSpace, !widths.isEmpty, widths.last! != nil {
                    widths.append(-spaceWidth)  // a space before this word, when it is not a line's first
                }
                pendingSpace = false
                current += ArialWidths.width(character) * scale
            }
        }
    }

    private mutating func finishWord() {
        if current > 0 { widths.append(current) }
        current = 0
    }

    mutating func finish() { finishWord() }

    /// Lines of at most `width` points, breaking between words (a word wider than a line,
    /// a long web address, breaks anywhere: `overflow-wrap: anywhere`).
    func lineCount(width: Double) -> Int {
        var words = self
        words.finish()
        var lines = 1
        var used = 0.0
        var space = 0.0
        for entry in words.widths {
            guard let entry else {
                lines += 1
                used = 0
                space = 0
                continue
            }
            if entry < 0 {
                space = -entry
                continue
            }
            if used > 0, used + space + entry > width {
                lines += 1
                used = 0
            } else if used > 0 {
                used += space
            }
            if entry > width {
                lines += Int((entry / width).rounded(.up)) - 1
                used = entry.truncatingRemainder(dividingBy: width)
            } else {
                used += entry
            }
            space = 0
        }
        return lines
    }
}

/// Arial's advance widths in thousandths of an em (Liberation Sans has the same), for the
/// characters handouts print; accented letters take their base letter's width.
enum ArialWidths {
    static let space = 278.0
    /// Arial Bold is about this much wider on average.
    static let boldFactor = 1.07
    static let ascii: [Character: Double] = {
        var table: [Character: Double] = [:]
        let groups: [(String, Double)] = [
            ("ijl", 222), ("frtI!,.:;/[]\\|", 278), ("'", 191), ("\"", 355), ("()-`{}*", 333), ("r", 333),
            ("cksvxyzJ", 500), ("abdeghnopqu0123456789$#_?L", 556), ("FTZ", 611),
            ("ABEKPSVXY&", 667), ("CDHNRUw", 722), ("GOQ", 778), ("mM", 833), ("%", 889), ("W", 944), ("@", 1015),
            ("+<>=~", 584),
        ]
        for (characters, width) in groups { for character in characters { table[character] = width } }
        return table
    }()

    static func width(_ scalar: Unicode.Scalar) -> Double {
        if let width = ascii[Character(scalar)] { return width }
        // A letter with an accent (á, ñ, É) is as wide as the letter without it.
        let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
        if base != scalar, let width = ascii[Character(base)] { return width }
        switch scalar {
        case "¿": return 611
        case "¡": return 333
        case "·", "•": return 278
        case "—": return 1000
        case "–": return 556
        case "‘", "’", "‚": return 222
        case "“", "”", "„": return 333
        case "…": return 1000
        default: return 556
        }
    }
}
