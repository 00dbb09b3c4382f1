/// One number, deadline or rule a handout states, kept in `facts.yml` with where it comes
/// from and when it must be checked again, so a change is made once for every handout and
/// language, and a fact nobody re-checked shows up in `handout check`.
public struct Fact: Sendable, Equatable {
    /// The text a template prints: the same in every language, or one text per language.
    public enum Value: Sendable, Equatable {
        case everyLanguage(String)
        case perLanguage([String: String])
    }

    public let key: String
    public let value: Value
    /// The statute, regulation or agency page the value comes from.
    public let citation: String
    public let url: String?
    public let note: String?
    /// The day the value was last checked against its source.
    public let checked: Day
    /// When it must be checked again.
    public let reviewBy: Day
    /// A two-letter state code when the fact is one state's rule: templates may use it only
    /// inside `{{#state.XX}}…{{/state.XX}}`.
    public let state: String?
    /// Where the fact is written (as diagnostics show it), the line of its key, and the
    /// position of its `review_by` value (where a "review due" finding points).
    public let path: String
    public let line: Int
    public let reviewByLine: Int
    public let reviewByColumn: Int

    /// The text for a template in `language` (`es-419` takes `es` when it has no text of its
    /// own); nil when a per-language value lacks it. There is no fallback to English: a
    /// handout never mixes languages silently.
    public func value(in language: String) -> String? {
        switch value {
        case .everyLanguage(let text): return text
        case .perLanguage(let texts):
            return texts[language] ?? language.split(separator: "-").first.flatMap { texts[String($0)] }
        }
    }
}
