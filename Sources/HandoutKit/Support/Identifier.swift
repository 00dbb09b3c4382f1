/// The one rule for ids: handout ids, partner ids, client ids and fact keys are names, never
/// paths. An id is lowercase ASCII letters, digits and dashes, starting with a letter or a
/// digit (`^[a-z0-9][a-z0-9-]*$`), so it can stand in a file name or a URL as it is: no
/// slash, no dot, no `..`, nothing to quote.
public enum Identifier {
    public static let pattern = "^[a-z0-9][a-z0-9-]*$"

    public static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, isLowercaseLetterOrDigit(first) else { return false }
        return text.utf8.allSatisfy { isLowercaseLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
    }

    /// `"../es/x" is not a valid handout id: use lowercase letters, digits and dashes, like "housing-eviction"`.
    /// `kind` names what the id is for ("handout id", "partner id", "fact key").
    public static func problem(_ text: String, kind: String, example: String = "housing-eviction") -> String? {
        isValid(text) ? nil : "\(quoted(text)) is not a valid \(kind): use lowercase letters, digits and dashes, like \"\(example)\""
    }

    private static func isLowercaseLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// A value shown in an error, with control characters made visible, so an id read from a
    /// file cannot rewrite the terminal line it is printed on.
    static func quoted(_ text: String) -> String {
        var shown = "\""
        for scalar in text.unicodeScalars.prefix(80) {
            switch scalar {
            case "\"": shown += "\\\""
            case "\\": shown += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value):
                shown += "\\u{\(String(scalar.value, radix: 16))}"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return shown + (text.unicodeScalars.count > 80 ? "…\"" : "\"")
    }
}

/// The one rule for language codes: a well-formed BCP 47 tag (RFC 5646) with its primary
/// language subtag in lowercase, as the folders of a template library are named: `en`, `es`,
/// `zh-Hant`, `es-419`, `sr-Latn-RS`. Letters, digits and dashes only, so a code is safe in a
/// file name (`housing-eviction.es-419.html`).
public enum LanguageCode {
    public static func isValid(_ code: String) -> Bool {
        // "en", "es": nearly every code a directory or client list holds, answered at once.
        if code.utf8.count == 2 && code.utf8.allSatisfy(isLowercaseLetter) { return true }
        let parts = code.split(separator: "-", omittingEmptySubsequences: false).map { Array($0.utf8) }
        guard let language = parts.first, !code.isEmpty else { return false }
        // language: 2-3 letters (with up to three 3-letter extlang subtags) or 5-8 letters.
        guard language.allSatisfy(isLowercaseLetter), (2...3).contains(language.count) || (5...8).contains(language.count) else { return false }
        var index = 1
        var extlangs = 0
        while language.count <= 3, index < parts.count, extlangs < 3, parts[index].count == 3, parts[index].allSatisfy(isLetter) {
            index += 1
            extlangs += 1
        }
        if index < parts.count, parts[index].count == 4, parts[index].allSatisfy(isLetter) { index += 1 }  // script
        if index < parts.count, (parts[index].count == 2 && parts[index].allSatisfy(isLetter))
            || (parts[index].count == 3 && parts[index].allSatisfy(isDigit)) { index += 1 }  // region
        while index < parts.count, isVariant(parts[index]) { index += 1 }
        // extensions: a singleton other than x, then subtags of 2-8; private use: x, then 1-8.
        while index < parts.count, parts[index].count == 1, parts[index].allSatisfy(isLetterOrDigit) {
            let isPrivate = parts[index] == [UInt8(ascii: "x")] || parts[index] == [UInt8(ascii: "X")]
            let minimum = isPrivate ? 1 : 2
            index += 1
            let start = index
            while index < parts.count, (minimum...8).contains(parts[index].count), parts[index].allSatisfy(isLetterOrDigit) {
                index += 1
            }
            guard index > start else { return false }
            if isPrivate { break }
        }
        return index == parts.count
    }

    /// What a language code must look like, for messages.
    public static let advice = "use a BCP 47 tag like \"en\", \"es\" or \"es-419\""

    /// `"e/s" is not a language code: use a BCP 47 tag like "en", "es" or "es-419"`. For codes
    /// from files; a client's language is not repeated in an error (see `HandoutRenderer`).
    public static func problem(_ code: String) -> String? {
        isValid(code) ? nil : "\(Identifier.quoted(code)) is not a language code: \(advice)"
    }

    private static func isVariant(_ part: [UInt8]) -> Bool {
        guard part.allSatisfy(isLetterOrDigit) else { return false }
        return (5...8).contains(part.count) || (part.count == 4 && isDigit(part[0]))
    }

    private static func isLowercaseLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool { isLowercaseLetter(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isLetterOrDigit(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
}
