import Foundation
import Testing
@testable import HandoutKit

@Suite struct StringTrimmingTests {
    /// County names are compared for every partner for every client, so they are trimmed
    /// natively; the result must be Foundation's, character for character.
    @Test func trimmedOfSpacesIsFoundationsWhitespaceTrimming() {
        let samples = [
            "", " ", "\t", "Cook", "  Cook County ", "\tCook\t", " \u{00A0}Cook\u{3000}", "\nCook\n", " Cook \n",
            "\u{2003}Doña Ana\u{202F}", " \u{301}Cook", "Cook \u{301}", "\u{200B}Cook\u{200B}", " 🏠 ", "a b", "\u{85}x\u{85}",
        ]
        for sample in samples {
            #expect(sample.trimmedOfSpaces == sample.trimmingCharacters(in: .whitespaces), "\(sample.unicodeScalars.map(\.value))")
            let substring = ("," + sample).dropFirst()
            #expect(substring.trimmedOfSpaces == substring.trimmingCharacters(in: .whitespaces))
        }
        // Every scalar Foundation counts as white space, and no other.
        let differing = (0..<0x11_0000).compactMap(Unicode.Scalar.init).filter { scalar in
            ((String(scalar) + "x").trimmedOfSpaces == "x") != CharacterSet.whitespaces.contains(scalar)
        }
        #expect(differing.isEmpty, "\(differing.map { String($0.value, radix: 16) })")
    }
}
