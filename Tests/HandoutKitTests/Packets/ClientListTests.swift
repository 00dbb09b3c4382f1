import Foundation
import Testing
@testable import HandoutKit

@Suite struct ClientListTests {
    func list(_ text: String, name: String = "clients.csv") throws -> ClientList {
        let folder = NSTemporaryDirectory() + "client-list-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try ClientList(path: path)
    }

    func rows(_ list: ClientList) -> [Result<ClientRow, ClientRowFailure>] {
        var rows: [Result<ClientRow, ClientRowFailure>] = []
        while let row = list.next(taxonomy: .builtIn) { rows.append(row) }
        return rows
    }

    @Test func fieldPositionsFollowRFC4180Quoting() {
        let positions = ClientList.fieldPositions(["a", "b,c", "say \"hi\"", "two\nlines", "x"], line: 5)
        #expect(positions.map(\.line) == [5, 5, 5, 5, 6])
        #expect(positions.map(\.column) == [1, 3, 9, 22, 8])
    }

    @Test func quotedFieldsWithCommasQuotesAndLineBreaksAreReadWhole() throws {
        let rows = rows(try list(#"""
            id,name,language,zip,needs
            c-1,"Ruiz, Ana ""Annie""",es,60623,housing;benefits
            c-2,"Two
            Lines",en,60623,housing
            ,,en,60623,food

            c-4,,es,60623,x

            """#))
        let good = rows.compactMap { try? $0.get() }
        #expect(good.map(\.id) == ["c-1", "c-2", "row-3"])
        #expect(good.map(\.line) == [2, 3, 5])
        #expect(good[0].client.name == "Ruiz, Ana \"Annie\"" && good[0].client.needs == ["housing", "benefits"])
        #expect(good[1].client.name == "Two\nLines")
        guard case .failure(let failure) = rows[3] else { Issue.record("row 4 should fail"); return }
        // After the blank line 6, on line 7; the needs field starts at column 15.
        #expect(failure.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.message)" }.first == "7:15: row 4 (id \"c-4\"): needs: one category is not known; categories are housing, utilities, benefits, food, health-coverage, medical-debt, employment, education, immigration, family-safety, disability, mental-health")
    }

    @Test func aBadHeaderStopsTheWholeList() throws {
        #expect {
            _ = try list("id,name,langauge,zip,needs\n")
        } throws: { error in
            let messages = (error as? InputErrors)?.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.message)" }
            return messages == ["1:9: unknown column \"langauge\" (did you mean \"language\"?)", "1:1: missing column \"language\""]
        }
    }

    @Test func jsonListsUseTheSameKeysWithPositions() throws {
        let rows = rows(try list("""
            [
              {"id": "j-1", "name": "Ana", "language": "es", "zip": "60623", "needs": ["housing", "benefits"],
               "household_size": 3, "annual_income": 41000},
              {"id": "j-2", "language": "en", "zip": 60623, "needs": "housing"}
            ]
            """, name: "clients.json"))
        let first = try rows[0].get()
        #expect(first.client.household == Household(size: 3, annualIncome: 41_000))
        #expect(first.client.needs == ["housing", "benefits"])
        guard case .failure(let failure) = rows[1] else { Issue.record("row 2 should fail"); return }
        #expect(failure.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0): \($0.message)" } == ["4:42: row 2: zip: expected a string, found a number"])
    }

    @Test func messagesNeverRepeatTheRowsValues() throws {
        let rows = rows(try list("""
            id,name,language,zip,needs,household_size,annual_income
            Zelda Secret,Zelda Secret,xx yy,1234,secret-need,many,lots
            """))
        guard case .failure(let failure) = rows[0] else { Issue.record("the row should fail"); return }
        let text = failure.diagnostics.map(\.description).joined(separator: "\n")
        #expect(failure.diagnostics.count == 6)
        for secret in ["Zelda", "xx yy", "1234", "secret", "many", "lots"] { #expect(!text.contains(secret)) }
    }
}
