/// How many terminal columns text takes: East Asian wide and fullwidth characters and
/// emoji take two, combining marks and other zero-width characters none.
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        // ASCII: one column per printable character, none for control characters.
        var asciiWidth = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.reduce(0) { $0 + of($1) } }
            if (0x20...0x7E).contains(byte) { asciiWidth += 1 }
        }
        return asciiWidth
    }

    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // An emoji sequence (with a variation selector, skin tone or joiner) shows as one wide glyph.
        if scalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }) { return 2 }
        if isZeroWidth(first) { return scalars.dropFirst().contains { !isZeroWidth($0) } ? 1 : 0 }
        return isWide(first) ? 2 : 1
    }

    /// True for characters a line may break before without a space (ideographs and kana),
    /// so a paragraph of Chinese or Japanese can wrap at all.
    static func allowsBreakBefore(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, isWide(scalar) else { return false }
        // Closing punctuation never starts a line.
        return !"、。，．！？）」』】〉》〕・：；ー".contains(character) && !"！），．：；？］｝".contains(character)
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return scalar.value == 0x200B
        }
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1B000...0x1B2FF, 0x1F300...0x1F64F,
        0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        wideRanges.contains { $0.contains(scalar.value) }
    }
}
