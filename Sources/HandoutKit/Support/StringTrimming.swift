import Foundation

/// Native trimming and search for the checks' hot loops: Foundation's
/// `trimmingCharacters(in:)` and `range(of:)` go through NSString on Linux and dominated
/// the time `handout check` took.
extension StringProtocol {
    /// Without leading and trailing white space.
    var trimmed: String { trimming(\.isWhitespace) }

    /// Without leading and trailing punctuation and symbols.
    var trimmedOfPunctuation: String { trimming { $0.isPunctuation || $0.isSymbol } }

    private func trimming(_ drop: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` (or `.whitespaces`), answered
    /// without the trip through NSString when the text starts and ends with a visible ASCII
    /// character, as nearly every field does: loading a directory spent most of its time there.
    func trimmingWhitespace(andNewlines newlines: Bool = true) -> String {
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return self }
        return trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
    }
}
