import Foundation

extension Readability {

    /// Splits a paragraph into sentences.
    ///
    /// A sentence ends at `.`, `!`, `?` or `…` (or a run of them, such as "?!"
    /// or "..."), optionally followed by closing quotes or brackets, when
    /// whitespace or the end of the paragraph follows. It does not end:
    /// * inside numbers and dotted codes ("3.5", "$1,250.50", "v1.2"), since no
    ///   whitespace follows the dot;
    /// * after common abbreviations such as "Mr.", "Dr.", "St.", "No.", "vs.",
    ///   "etc.", "Inc.", "Jan.", "Sr.", "Sra.", "Dra.", "Núm.", "pág.";
    /// * after single letters and dotted abbreviations ("J. Smith", "e.g.",
    ///   "i.e.", "U.S.", "U.S.C.", "a.m.", "EE. UU.") unless a typical sentence
    ///   opener follows ("...in the U.S. The law...");
    /// * when the next word starts with a lower-case letter ("e.g. more time")
    ///   or with a digit after an abbreviation ("42 U.S.C. 3601", "No. 5").
    ///
    /// Whitespace (including line breaks) is collapsed inside each sentence
    /// and empty sentences are dropped.
    public static func sentences(in paragraph: String) -> [String] {
        let chars = Array(paragraph)
        let n = chars.count
        var result: [String] = []
        var current = ""

        func flush() {
            let collapsed = current.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            if !collapsed.isEmpty { result.append(collapsed) }
            current = ""
        }

        var i = 0
        while i < n {
            let c = chars[i]
            current.append(c)
            guard sentenceTerminators.contains(c) else { i += 1; continue }

            // Take the whole run of terminators and closing punctuation.
            var j = i + 1
            while j < n && sentenceTerminators.contains(chars[j]) { current.append(chars[j]); j += 1 }
            while j < n && closingPunctuation.contains(chars[j]) { current.append(chars[j]); j += 1 }
            // Only a break when whitespace or the end follows.
            guard j >= n || chars[j].isWhitespace else { i = j; continue }

            var k = j
            while k < n && chars[k].isWhitespace { k += 1 }
            if k >= n { flush(); i = k; break }

            let run = String(chars[i..<j])
            let onlyPeriod = run.allSatisfy { $0 == "." || closingPunctuation.contains($0) } && !run.hasPrefix("..")
            if onlyPeriod && !isBoundaryAfterPeriod(chars, periodIndex: i, nextIndex: k) {
                i = j
                continue
            }
            if !startsSentence(chars[k]) {
                i = j
                continue
            }
            flush()
            i = k
        }
        flush()
        return result
    }

    static let sentenceTerminators: Set<Character> = [".", "!", "?", "…"]
    static let closingPunctuation: Set<Character> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]", "»"]

    /// Abbreviations (lower-cased, without their final period) after which a
    /// period does not end a sentence.
    static let abbreviations: Set<String> = [
        // English titles, addresses, references
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ave", "blvd", "rd", "ste", "apt",
        "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "gov", "govt", "sen", "rep", "gen",
        "lt", "col", "sgt", "capt", "hon", "est", "approx", "fig", "figs", "vol", "vols", "ch", "sec",
        "secs", "art", "para", "pp", "p", "ed", "eds", "ref", "cf", "al", "ibid", "misc", "min", "max",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        // Spanish
        "sra", "srta", "dra", "lic", "ing", "arq", "núm", "num", "pág", "págs", "pag", "tel", "ud", "uds",
        "av", "avda", "dto", "depto", "admón", "aprox", "cía", "atte", "ee",
    ]

    /// Abbreviations that are commonly followed by a number ("No. 5", "Sec. 8").
    static let numberAbbreviations: Set<String> = [
        "no", "nos", "vol", "vols", "ch", "sec", "secs", "art", "para", "pp", "p", "fig", "figs", "núm",
        "num", "pág", "págs", "pag", "tel", "apt", "ste",
    ]

    /// Words that usually open a sentence; after a dotted abbreviation such as
    /// "U.S." one of these means the sentence did end there.
    static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "we", "they", "you", "i",
        "if", "in", "on", "at", "for", "but", "and", "or", "so", "then", "there", "when", "what", "why",
        "how", "who", "your", "our", "my", "his", "her", "their", "its", "ask", "call", "do", "don't",
        "el", "la", "los", "las", "un", "una", "si", "pero", "usted", "ustedes", "en", "para", "por",
        "esto", "este", "esta", "cuando", "qué", "cómo", "su", "sus", "no",
    ]

    /// Whether the period at `periodIndex`, followed by whitespace and then the
    /// character at `nextIndex`, ends a sentence.
    static func isBoundaryAfterPeriod(_ chars: [Character], periodIndex: Int, nextIndex: Int) -> Bool {
        // The token that ends with this period.
        var start = periodIndex
        while start > 0 && !chars[start - 1].isWhitespace { start -= 1 }
        var token = String(chars[start..<periodIndex])
        while let first = token.first, openingPunctuation.contains(first) { token.removeFirst() }
        let lower = token.lowercased()

        let nextWord = String(chars[nextIndex...].prefix(while: { !$0.isWhitespace }))
            .trimmingCharacters(in: CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "'")))
        let next = chars[nextIndex]

        // Lower-case continuation: "e.g. more time", "5 p.m. today".
        if next.isLowercase { return false }

        if abbreviations.contains(lower) {
            if numberAbbreviations.contains(lower) {
                // "No. 5" continues; "The answer is no. Then..." ends.
                return !(next.isNumber || next == "#")
            }
            return false
        }

        // Single letters and dotted abbreviations: "J. Smith", "U.S.", "U.S.C.", "e.g.".
        let isInitial = (token.count == 1 && token.first!.isLetter) || token == "UU"  // "EE. UU."
        let isDotted = token.contains(".") && token.split(separator: ".").allSatisfy { $0.count <= 2 && $0.allSatisfy(\.isLetter) }
            && !token.isEmpty
        if isInitial || isDotted {
            if next.isNumber { return false }  // "42 U.S.C. 3601"
            return sentenceOpeners.contains(nextWord.lowercased())
        }
        return true
    }

    static let openingPunctuation: Set<Character> = ["(", "[", "\"", "'", "\u{201C}", "\u{2018}", "¿", "¡", "«"]

    /// Whether a sentence can start with this character.
    static func startsSentence(_ c: Character) -> Bool {
        if c.isLowercase { return false }
        return true
    }
}
