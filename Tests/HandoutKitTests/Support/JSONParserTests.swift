import Testing
@testable import HandoutKit

@Suite struct JSONParserTests {
    @Test func valuesAndPositions() throws {
        let node = try JSONParser.parse("{\n  \"a\": [1, -2.5e3, true, null],\n  \"é\": \"\\u00e9\\ud83d\\udcde\\n\"\n}")
        guard case .object(let members) = node.value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "é"])
        #expect((members[0].keyLine, members[0].keyColumn) == (2, 3))
        #expect((members[1].value.line, members[1].value.column) == (3, 8))
        guard case .string(let text) = members[1].value.value else { Issue.record("not a string"); return }
        #expect(text == "é📞\n")
        guard case .array(let items) = members[0].value.value, case .number(let number) = items[1].value else { Issue.record("not an array"); return }
        #expect(number == -2500)
    }

    @Test(arguments: [
        ("", "1:1", "unexpected end of file, expected a value"),
        ("[1,]", "1:4", "trailing comma before ']'"),
        ("{\"a\" 1}", "1:6", "expected ':' after the member name"),
        ("\"line\nbreak\"", "1:6", "unterminated string (a line break inside a string must be written \\n)"),
        ("[01]", "1:3", "numbers may not start with a leading zero"),
        ("[1] [2]", "1:5", "unexpected text after the JSON value"),
        ("\"\\ud800\"", "1:8", "unpaired surrogate in \\u escape"),
        ("tru", "1:4", "invalid literal, expected true"),
    ])
    func syntaxErrors(text: String, position: String, message: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("parsed")
        } catch {
            #expect("\(error.line):\(error.column)" == position)
            #expect(error.message == message)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(String(repeating: "[", count: 100_000)) }
    }
}

@Suite struct DayTests {
    @Test func parsesAndRejects() {
        #expect(Day("2024-02-29")?.description == "2024-02-29")
        #expect(Day("2025-02-29") == nil)
        #expect(Day("2026-1-01") == nil)
        #expect(Day("２０２６-01-01") == nil)
    }

    @Test func daySpans() throws {
        let a = try #require(Day("2025-11-29")), b = try #require(Day("2026-11-29"))
        #expect(a.days(until: b) == 365)
        #expect(Day(dayNumber: b.dayNumber) == b)
        #expect(Day(dayNumber: 0).description == "1970-01-01")
    }
}
