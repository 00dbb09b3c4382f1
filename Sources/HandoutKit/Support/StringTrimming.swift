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
