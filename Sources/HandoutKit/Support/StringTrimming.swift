import Foundation

/// Native trimming and search for the checks' hot loops: Foundation's
/// `trimmingCharacters(in:)` and `range(of:)` go through NSString on Linux and dominated
/// the time `handout check` took.
extension StringProtocol {
    /// Without leading and trailing white space.
    var trimmed: String { trimming(\.isWhitespace) }

    /// Without leading and trailing punctuation and symbols.
    var trimmedOfPunctuation: String { trimming { $0.isPunctuation || $0.isSymbol } }

    /// Without leading and trailing spaces and tabs: exactly what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` removes (general category Zs, U+0009, and the
    /// zero width space U+200B, which CoreFoundation counts too), scalar by scalar, without
    /// its trip through NSString.
    var trimmedOfSpaces: String {
        let scalars = Substring(self).unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(Substring(scalars[first...last]))
    }

    private func trimming(_ drop: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, answered without the trip through
    /// NSString when the text starts and ends with a visible ASCII character, as nearly
    /// every directory field does: loading a directory spent most of its time there.
    var trimmedOfSpacesAndNewlines: String {
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
