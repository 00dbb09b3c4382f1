import Foundation

/// Readability figures for one text, computed the way the Python package
/// textstat 0.7.3 computes them (see `Readability`).
public struct ReadabilityScores: Equatable, Sendable {
    /// Sentences as textstat counts them (see `Readability.scores(sentences:language:)`).
    public var sentences: Int
    /// Words: whitespace-separated tokens after all punctuation is removed.
    public var words: Int
    /// Syllables summed over the words.
    public var syllables: Int
    /// Words with three or more syllables.
    public var polysyllables: Int
    /// Flesch-Kincaid grade level, rounded to 1 decimal like textstat.
    public var fleschKincaidGrade: Double
    /// Flesch Reading Ease, rounded to 2 decimals. For Spanish this is textstat's
    /// Spanish variant (206.84 - 1.02 * ASL - 0.6 * syllables per 100 words).
    public var fleschReadingEase: Double
    /// SMOG index, rounded to 1 decimal; 0 when there are fewer than 3 sentences.
    public var smog: Double
    /// Fernández-Huerta score as textstat 0.7.3 computes it, rounded to 2 decimals.
    public var fernandezHuerta: Double

    public init(
        sentences: Int, words: Int, syllables: Int, polysyllables: Int,
        fleschKincaidGrade: Double, fleschReadingEase: Double, smog: Double, fernandezHuerta: Double
    ) {
        self.sentences = sentences
        self.words = words
        self.syllables = syllables
        self.polysyllables = polysyllables
        self.fleschKincaidGrade = fleschKincaidGrade
        self.fleschReadingEase = fleschReadingEase
        self.smog = smog
        self.fernandezHuerta = fernandezHuerta
    }
}

/// Readability scores in pure Swift that agree with textstat 0.7.3.
///
/// What textstat 0.7.3 does, and what is reproduced here (read from its
/// `textstat.py`):
///
/// * **Words** (`lexicon_count`): every character that is neither a Python `\w`
///   character (letters, digits, `_`) nor whitespace is deleted, then the text
///   is split on whitespace. So "don't" is one word ("dont"), "out-of-network"
///   is one word, "$1,250.50" is one word ("125050"), "U.S.C." is one word.
/// * **Syllables** (`syllable_count`): the text is lower-cased, punctuation is
///   deleted the same way, and each word counts `len(pyphen.positions(word)) + 1`
///   syllables. Pyphen uses Liang hyphenation patterns (en_US for English, es
///   for Spanish) and never breaks within 2 letters of either end of a word.
///   Pyphen's dictionaries are not shipped here; `syllables(in:language:)` is a
///   heuristic that imitates them (see the English and Spanish files).
/// * **Sentences** (`sentence_count`): textstat finds `\b[^.!?]+[.!?]*` in the
///   text, so every `.`, `!` or `?` ends a "sentence" (also the ones in "U.S.",
///   "Dr." and "3.5"), and then ignores every "sentence" of two words or fewer.
///   The result is at least 1.
/// * **Rounding**: textstat rounds the average sentence length and the average
///   syllables per word to **one decimal before** using them in the formulas,
///   and rounds the results half away from zero (`_legacy_round`). That makes
///   the grade move in steps of 11.8 * 0.1 = 1.18 when the syllable average
///   crosses a rounding boundary; we do the same so the numbers agree.
///
/// Formulas (ASL = words / sentences, ASW = syllables / words, both rounded to
/// 0.1 first, as in textstat):
///
/// * Flesch-Kincaid grade = 0.39 * ASL + 11.8 * ASW - 15.59, rounded to 0.1.
/// * Flesch Reading Ease (en) = 206.835 - 1.015 * ASL - 84.6 * ASW, rounded to
///   0.01. For "es" textstat swaps in 206.84, 1.02 and 0.6 and uses syllables per
///   100 words (rounded to 0.1) instead of ASW.
/// * SMOG = 1.043 * sqrt(30 * polysyllables / sentences) + 3.1291, rounded to
///   0.1, and 0 when textstat counts fewer than 3 sentences.
/// * Fernández-Huerta (`fernandez_huerta`) = 206.84 - 60 * ASW - 1.02 * ASL,
///   rounded to 0.01. **Difference from the published formula**: Fernández-Huerta
///   is 206.84 - 0.60 * P - 1.02 * F with P = syllables per 100 words and
///   F = sentences per 100 words. textstat 0.7.3 uses words per sentence (ASL)
///   for F, so its scores (and ours) are lower than the published formula gives
///   whenever sentences are longer than 10 words. We follow textstat.
///
/// Polysyllables are words of 3 or more syllables (`polysyllabcount`).
public enum Readability {

    /// How `scores(sentences:language:counting:)` counts sentences.
    public enum SentenceCounting: Sendable {
        /// Like textstat 0.7.3: re-split at every `.`, `!`, `?` and ignore
        /// "sentences" of two words or fewer. This is what makes the scores agree
        /// with textstat.
        case textstat
        /// Every non-empty string the caller passed is one sentence. The scores
        /// then no longer match textstat when a sentence contains "U.S." or
        /// "3.5", or is a two-word heading.
        case asGiven
    }

    /// Scores for text the caller has already split into sentences (each heading
    /// and each list item a sentence of its own), counted like textstat 0.7.3.
    ///
    /// The sentences are handed to textstat's counting exactly as
    /// `scripts/readability-reference.py` hands them to textstat: each one gets
    /// a "." appended when it does not already end in `.`, `!` or `?`, and they
    /// are joined with spaces.
    ///
    /// - Parameter language: "en" or "es". Anything starting with "es" is
    ///   Spanish, anything else English (textstat's default).
    public static func scores(sentences: [String], language: String) -> ReadabilityScores {
        scores(sentences: sentences, language: language, counting: .textstat)
    }

    /// Same as `scores(sentences:language:)`, choosing how sentences are counted.
    public static func scores(
        sentences: [String], language: String, counting: SentenceCounting
    ) -> ReadabilityScores {
        let spanish = isSpanish(language)
        let text = textstatText(from: sentences)

        let wordList = TextstatText.words(in: text)
        let wordCount = wordList.count
        var syllableCount = 0
        var polysyllableCount = 0
        for word in wordList {
            let count = Readability.syllableCount(ofCleanWord: TextstatText.lowercasedScalars(word), spanish: spanish)
            syllableCount += count
            if count >= 3 { polysyllableCount += 1 }
        }

        let sentenceCount: Int
        switch counting {
        case .textstat:
            sentenceCount = TextstatText.sentenceCount(in: text)
        case .asGiven:
            sentenceCount = max(1, sentences.filter { !$0.trimmed.isEmpty }.count)
        }

        return compute(sentences: sentenceCount, words: wordCount, syllables: syllableCount,
                       polysyllables: polysyllableCount, spanish: spanish)
    }

    /// Syllables in a word as textstat 0.7.3 would count them (its
    /// `syllable_count`): lower-cased, punctuation removed, each remaining
    /// whitespace-separated part counted, so "out-of-network" is one word.
    /// Returns 0 when nothing but punctuation is left.
    public static func syllables(in word: String, language: String) -> Int {
        let spanish = isSpanish(language)
        let cleaned = TextstatText.removePunctuation(String(word.lowercased()))
        return TextstatText.split(cleaned).reduce(0) { total, part in
            total + syllableCount(ofCleanWord: Array(part.unicodeScalars), spanish: spanish)
        }
    }

    // MARK: - Formulas (textstat 0.7.3)

    static func compute(
        sentences: Int, words: Int, syllables: Int, polysyllables: Int, spanish: Bool
    ) -> ReadabilityScores {
        // avg_sentence_length: lexicon_count / sentence_count, rounded to 0.1.
        let asl = legacyRound(Double(words) / Double(sentences), 1)
        // avg_syllables_per_word: ZeroDivisionError -> 0.0.
        let asw = words == 0 ? 0.0 : legacyRound(Double(syllables) / Double(words), 1)

        // flesch_kincaid_grade
        let fk = legacyRound(0.39 * asl + 11.8 * asw - 15.59, 1)

        // flesch_reading_ease with the language's config ("es": interval 100).
        let fre: Double
        if spanish {
            let per100 = words == 0 ? 0.0 : legacyRound(Double(syllables) * 100 / Double(words), 1)
            fre = legacyRound(206.84 - 1.02 * asl - 0.6 * per100, 2)
        } else {
            fre = legacyRound(206.835 - 1.015 * asl - 84.6 * asw, 2)
        }

        // smog_index
        let smog: Double
        if sentences >= 3 {
            smog = legacyRound(1.043 * pow(30 * (Double(polysyllables) / Double(sentences)), 0.5) + 3.1291, 1)
        } else {
            smog = 0
        }

        // fernandez_huerta (textstat's version; see the type's documentation).
        let fh = legacyRound(206.84 - 60 * asw - 1.02 * asl, 2)

        return ReadabilityScores(
            sentences: sentences, words: words, syllables: syllables, polysyllables: polysyllables,
            fleschKincaidGrade: fk, fleschReadingEase: fre, smog: smog, fernandezHuerta: fh)
    }

    /// textstat's `_legacy_round`: floor(x * 10^p + copysign(0.5, x)) / 10^p.
    static func legacyRound(_ number: Double, _ points: Int) -> Double {
        let p = pow(10.0, Double(points))
        return (number * p + (number < 0 || (number == 0 && number.sign == .minus) ? -0.5 : 0.5)).rounded(.down) / p
    }

    static func isSpanish(_ language: String) -> Bool {
        language.lowercased().hasPrefix("es")
    }

    static func syllableCount(ofCleanWord word: [Unicode.Scalar], spanish: Bool) -> Int {
        if word.isEmpty { return 0 }
        var key = String.UnicodeScalarView()
        key.append(contentsOf: word)
        return syllableCache.count(String(key), spanish: spanish) {
            let chars = word.map { Character($0) }
            return spanish ? SpanishSyllables.count(chars) : EnglishSyllables.count(chars)
        }
    }

    /// Counting a word's syllables builds many small strings, and a library uses the same
    /// few thousand words over and over: each word is counted once per process.
    static let syllableCache = SyllableCache()


    /// The text handed to textstat for a list of sentences: each sentence trimmed,
    /// a "." appended unless it ends in `.`, `!` or `?` (closing quotes and
    /// brackets after it allowed), empty ones dropped, joined with spaces.
    /// `scripts/readability-reference.py` does the same in Python.
    public static func textstatText(from sentences: [String]) -> String {
        var parts: [String] = []
        for sentence in sentences {
            let trimmed = sentence.trimmed
            if trimmed.isEmpty { continue }
            parts.append(endsWithTerminal(trimmed) ? trimmed : trimmed + ".")
        }
        return parts.joined(separator: " ")
    }

    static func endsWithTerminal(_ s: String) -> Bool {
        let closers: Set<Character> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]"]
        for c in s.reversed() {
            if closers.contains(c) { continue }
            return c == "." || c == "!" || c == "?"
        }
        return false
    }
}

/// Python-compatible text primitives used by textstat 0.7.3.
enum TextstatText {
    /// Python's `\w` for str patterns: `str.isalnum()` or "_".
    static func isWord(_ s: Unicode.Scalar) -> Bool {
        if s == "_" { return true }
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return s.properties.numericType != nil
        }
    }

    /// Python's `str.isspace()` / `\s`.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if (0x1C...0x1F).contains(s.value) { return true }
        return s.properties.isWhitespace
    }

    /// `re.sub(r"[^\w\s]", "", text)`.
    static func removePunctuation(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars where isWord(s) || isSpace(s) {
            out.append(s)
        }
        return String(out)
    }

    /// `text.split()`: split on whitespace code points, dropping empty parts.
    static func split(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var current = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isSpace(s) {
                if !current.isEmpty { result.append(Substring(String(current))); current = .init() }
            } else {
                current.append(s)
            }
        }
        if !current.isEmpty { result.append(Substring(String(current))) }
        return result
    }

    /// Words as `lexicon_count` sees them.
    static func words(in text: String) -> [Substring] {
        split(removePunctuation(text))
    }

    /// A word as `syllable_count` sees it: lower-cased (then punctuation removed,
    /// which a word from `words(in:)` no longer has).
    static func lowercasedScalars(_ word: Substring) -> [Unicode.Scalar] {
        Array(removePunctuation(word.lowercased()).unicodeScalars)
    }

    /// `sentence_count`: matches of `\b[^.!?]+[.!?]*`, minus those with two
    /// words or fewer, at least 1.
    static func sentenceCount(in text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        func isTerminal(_ s: Unicode.Scalar) -> Bool { s == "." || s == "!" || s == "?" }
        var matches = 0
        var ignored = 0
        var pos = 0
        while pos < n {
            // Leftmost position >= pos where a match can start.
            var start = -1
            var i = pos
            while i < n {
                if !isTerminal(scalars[i]) {
                    let prevIsWord = i > 0 && isWord(scalars[i - 1])
                    if prevIsWord != isWord(scalars[i]) { start = i; break }
                }
                i += 1
            }
            if start < 0 { break }
            var end = start
            while end < n && !isTerminal(scalars[end]) { end += 1 }
            while end < n && isTerminal(scalars[end]) { end += 1 }
            matches += 1
            var segment = String.UnicodeScalarView()
            segment.append(contentsOf: scalars[start..<end])
            if words(in: String(segment)).count <= 2 { ignored += 1 }
            pos = end
        }
        return max(1, matches - ignored)
    }
}

/// Syllable counts by word and language, safe to share between tasks.
final class SyllableCache: @unchecked Sendable {
    private let lock = NSLock()
    private var english: [String: Int] = [:]
    private var spanish: [String: Int] = [:]

    func count(_ word: String, spanish isSpanish: Bool, counting: () -> Int) -> Int {
        lock.lock()
        let known = isSpanish ? spanish[word] : english[word]
        lock.unlock()
        if let known { return known }
        let count = counting()
        lock.lock()
        if isSpanish { spanish[word] = count } else { english[word] = count }
        lock.unlock()
        return count
    }
}
