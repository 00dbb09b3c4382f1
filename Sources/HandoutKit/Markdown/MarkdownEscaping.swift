/// Escapes a value so that cmark reads it as literal text: every ASCII punctuation mark gets
/// a backslash (CommonMark allows that for all of them), and line breaks and runs of spaces
/// become one space, so a value can never start a heading, a list, a code block, a link,
/// an entity or raw HTML.
public enum MarkdownEscaping {
    public static func escape(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count + 8)
        var pendingSpace = false
        for character in value {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            if character.isASCII && character.isPunctuationOrSymbol {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }
}

private extension Character {
    var isPunctuationOrSymbol: Bool { isPunctuation || isSymbol }
}
