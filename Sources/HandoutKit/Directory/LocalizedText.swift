/// A text a client reads, as one string or as a map of language → text. A plain string is
/// taken to be English, the language every directory is written in first.
public struct LocalizedText: Sendable, Equatable {
    /// Language code → text; never empty, no empty text.
    public let texts: [String: String]

    public static let defaultLanguage = "en"

    public init(_ text: String) { texts = [Self.defaultLanguage: text] }

    /// Nil when no text is left after dropping empty ones.
    public init?(_ texts: [String: String]) {
        let kept = texts.filter { !$0.value.isEmpty }
        guard !kept.isEmpty else { return nil }
        self.texts = kept
    }

    /// The languages it is written in, sorted.
    public var languages: [String] { texts.keys.sorted() }

    /// The text in the directory's own language: English, else the first language by code.
    public var primary: String { resolve(Self.defaultLanguage).text }

    /// Whether there is a text in `language` (or in a form of it: "es-MX" for "es").
    public func has(_ language: String) -> Bool { match(language) != nil }

    /// The text in `language` if there is one, else in English, else in the first language
    /// by code; with the language the text is actually in, so a caller can mark it.
    public func resolve(_ language: String) -> (text: String, language: String) {
        if let found = match(language) { return found }
        if let english = match(Self.defaultLanguage) { return english }
        let first = texts.keys.sorted()[0]
        return (texts[first]!, first)
    }

    private func match(_ language: String) -> (text: String, language: String)? {
        if let text = texts[language] { return (text, language) }
        let wanted = Self.primarySubtag(language)
        guard let key = texts.keys.sorted().first(where: { Self.primarySubtag($0) == wanted }) else { return nil }
        return (texts[key]!, key)
    }

    static func primarySubtag(_ code: String) -> String {
        String(code.lowercased().split(separator: "-").first ?? "")
    }
}
