import CSV
import Foundation

/// One valid row of a client list: who the client is and where their packet goes. The id
/// is a reference the user chose (or `row-<n>`), checked against the id pattern, so it can
/// name a folder; nothing else from the row ever does.
public struct ClientRow: Sendable {
    /// The row's position among the data rows, from 1.
    public let number: Int
    /// The file line the row starts on.
    public let line: Int
    public let id: String
    public let client: Client
    public let county: String?
    public let state: String?
}

/// A row that cannot be used, with where and why. The diagnostics never repeat a value.
public struct ClientRowFailure: Error, Sendable {
    public let number: Int
    public let line: Int
    /// The row's id when it had a valid one.
    public let id: String?
    public let diagnostics: [Diagnostic]
}

/// Reads a client list row by row, CSV (RFC 4180, through CSV.swift, streamed so memory
/// does not grow with the file) or JSON (an array of objects with the same keys), and
/// checks each row. Columns: id, name, language, zip, needs (";"-separated), and the
/// optional household_size, annual_income, county, state.
public final class ClientList {
    public static let requiredColumns = ["id", "name", "language", "zip", "needs"]
    public static let optionalColumns = ["household_size", "annual_income", "county", "state"]

    /// A value as read, with the place it starts.
    struct Field {
        let value: String
        let line: Int
        let column: Int
    }

    struct RawRow {
        let number: Int
        let line: Int
        let fields: [String: Field]
    }

    /// The path shown in diagnostics.
    public let displayPath: String
    private var source: RowSource
    private var rowCount = 0

    private enum RowSource {
        case csv(CSVReader, header: [String], nextLine: Int)
        case json([JSONNode], next: Int)
    }

    /// Opens the list and reads its header (CSV) or parses it (JSON, by its `.json` name);
    /// a list that cannot be read at all is an error for the whole batch.
    public init(path: String) throws {
        displayPath = PathDisplay.relative(path)
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputErrors([Diagnostic(.error, "cannot read the client list", path: displayPath)])
        }
        if path.lowercased().hasSuffix(".json") {
            source = try Self.openJSON(path: path, displayPath: displayPath)
        } else {
            source = try Self.openCSV(path: path, displayPath: displayPath)
        }
    }

    private static func openCSV(path: String, displayPath: String) throws -> RowSource {
        guard let stream = InputStream(fileAtPath: path), let reader = try? CSVReader(stream: stream) else {
            throw InputErrors([Diagnostic(.error, "cannot read the client list", path: displayPath)])
        }
        guard let header = reader.next() else {
            throw InputErrors([Diagnostic(.error, "the client list is empty: its first line names the columns (\(requiredColumns.joined(separator: ",")))", path: displayPath, line: 1, column: 1)])
        }
        let positions = fieldPositions(header, line: 1)
        var problems: [Diagnostic] = []
        for (index, name) in header.enumerated() where !(requiredColumns + optionalColumns).contains(name) {
            let message = NearestName.describe("unknown column \"\(name)\"", name: name, among: requiredColumns + optionalColumns)
            problems.append(Diagnostic(.error, message, path: displayPath, line: 1, column: positions[index].column))
        }
        for name in requiredColumns where !header.contains(name) {
            problems.append(Diagnostic(.error, "missing column \"\(name)\"", path: displayPath, line: 1, column: 1))
        }
        for (index, name) in header.enumerated() where header[..<index].contains(name) {
            problems.append(Diagnostic(.error, "column \"\(name)\" appears twice", path: displayPath, line: 1, column: positions[index].column))
        }
        if !problems.isEmpty { throw InputErrors(problems) }
        return .csv(reader, header: header, nextLine: 2 + header.joined().filter { $0 == "\n" }.count)
    }

    private static func openJSON(path: String, displayPath: String) throws -> RowSource {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputErrors([Diagnostic(.error, "cannot read the client list as UTF-8", path: displayPath)])
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw InputErrors([Diagnostic(.error, error.message, path: displayPath, line: error.line, column: error.column)])
        }
        guard case .array(let rows) = root.value else {
            throw InputErrors([Diagnostic(.error, "a client list in JSON is an array of objects, one per client", path: displayPath, line: root.line, column: root.column)])
        }
        return .json(rows, next: 0)
    }

    /// The next row, checked; nil at the end of the list.
    public func next(taxonomy: Taxonomy) -> Result<ClientRow, ClientRowFailure>? {
        switch nextRaw() {
        case nil: return nil
        case .success(let raw): return validate(raw, taxonomy: taxonomy)
        case .failure(let failure): return .failure(failure)
        }
    }

    private func nextRaw() -> Result<RawRow, ClientRowFailure>? {
        switch source {
        case .csv(let reader, let header, var line):
            var row: [String]?
            // Blank lines separate nothing in CSV; skip them, counting their lines.
            while let candidate = reader.next() {
                if candidate == [""] { line += 1; continue }
                row = candidate
                break
            }
            guard let row else { return nil }
            rowCount += 1
            let start = line
            let positions = Self.fieldPositions(row, line: start)
            line = start + 1 + row.joined().filter { $0 == "\n" }.count
            source = .csv(reader, header: header, nextLine: line)
            guard row.count == header.count else {
                let message = "row \(rowCount): expected \(header.count) fields as the header names, found \(row.count)"
                return .failure(ClientRowFailure(number: rowCount, line: start, id: nil, diagnostics: [
                    Diagnostic(.error, message, path: displayPath, line: start, column: 1)]))
            }
            var fields: [String: Field] = [:]
            for (index, name) in header.enumerated() {
                fields[name] = Field(value: row[index], line: positions[index].line, column: positions[index].column)
            }
            return .success(RawRow(number: rowCount, line: start, fields: fields))
        case .json(let rows, let next):
            guard next < rows.count else { return nil }
            source = .json(rows, next: next + 1)
            rowCount += 1
            return jsonRow(rows[next], number: rowCount)
        }
    }

    /// Where each field of a CSV record starts. CSV.swift hands back values, not places, so
    /// the raw text is rebuilt with RFC 4180's minimal quoting (quotes only around a value
    /// holding a comma, quote or line break, as spreadsheets write it); a value quoted
    /// without need shifts the columns after it on its line by two.
    static func fieldPositions(_ fields: [String], line: Int) -> [(line: Int, column: Int)] {
        var positions: [(line: Int, column: Int)] = []
        var line = line, column = 1
        for field in fields {
            positions.append((line, column))
            let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            let raw = needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            let pieces = raw.split(separator: "\n", omittingEmptySubsequences: false)
            if pieces.count > 1 {
                line += pieces.count - 1
                column = pieces.last!.count + 1
            } else {
                column += raw.count
            }
            column += 1
        }
        return positions
    }

    private func jsonRow(_ node: JSONNode, number: Int) -> Result<RawRow, ClientRowFailure> {
        func fail(_ message: String, _ at: JSONNode) -> Result<RawRow, ClientRowFailure> {
            .failure(ClientRowFailure(number: number, line: node.line, id: nil, diagnostics: [
                Diagnostic(.error, "row \(number): \(message)", path: displayPath, line: at.line, column: at.column)]))
        }
        guard case .object(let members) = node.value else { return fail("expected an object, found \(node.typeDescription)", node) }
        var fields: [String: Field] = [:]
        for member in members {
            guard (Self.requiredColumns + Self.optionalColumns).contains(member.key) else {
                let message = NearestName.describe("unknown key \"\(member.key)\"", name: member.key, among: Self.requiredColumns + Self.optionalColumns)
                return fail(message, member.value)
            }
            let value: String
            switch member.value.value {
            case .string(let text): value = text
            case .null: value = ""
            case .number(let number) where ["household_size", "annual_income"].contains(member.key):
                value = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            case .array(let items) where member.key == "needs":
                var needs: [String] = []
                for item in items {
                    guard case .string(let need) = item.value else { return fail("needs: expected strings, found \(item.typeDescription)", item) }
                    needs.append(need)
                }
                value = needs.joined(separator: ";")
            default:
                return fail("\(member.key): expected a string, found \(member.value.typeDescription)", member.value)
            }
            fields[member.key] = Field(value: value, line: member.value.line, column: member.value.column)
        }
        return .success(RawRow(number: number, line: node.line, fields: fields))
    }

    /// Checks one row's values. Messages name the row and the column, never the value:
    /// it is the client's.
    private func validate(_ raw: RawRow, taxonomy: Taxonomy) -> Result<ClientRow, ClientRowFailure> {
        var problems: [Diagnostic] = []
        func text(_ key: String) -> String? {
            guard let value = raw.fields[key]?.value.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        let givenID = text("id")
        let idIsValid = givenID.map(Identifier.isValid) ?? true
        let name = givenID.flatMap { idIsValid ? "row \(raw.number) (id \"\($0)\")" : nil } ?? "row \(raw.number)"
        func fail(_ key: String, _ message: String) {
            let field = raw.fields[key]
            problems.append(Diagnostic(.error, "\(name): \(key): \(message)", path: displayPath, line: field?.line ?? raw.line, column: field?.column ?? 1))
        }
        if !idIsValid { fail("id", "must be lowercase letters, digits and hyphens, starting with a letter or digit (like client-12)") }
        let language = text("language") ?? "en"
        if !LanguageCode.isValid(language) { fail("language", "must be a language code: " + LanguageCode.advice) }
        let zip = text("zip")
        if let zip, zip.count != 5 || !zip.allSatisfy(\.isASCIIDigit) { fail("zip", "must be a 5-digit ZIP code") }
        if zip == nil && text("county") == nil && text("state") == nil { fail("zip", "is empty: give a ZIP code, or a county and state") }
        let needs = (text("needs") ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if needs.isEmpty { fail("needs", "is empty: give one or more categories separated by \";\"") }
        // Only the taxonomy's own ids are echoed, never what the row wrote.
        let unknown = needs.filter { !taxonomy.contains($0) }
        if !unknown.isEmpty {
            fail("needs", "\(unknown.count == 1 ? "one category is" : "\(unknown.count) categories are") not known; categories are \(taxonomy.ids.joined(separator: ", "))")
        }
        let state = text("state")
        if let state, state.count != 2 || !state.allSatisfy({ $0.isASCII && $0.isLetter }) { fail("state", "must be a two-letter state code, like IL") }
        var household: Household?
        switch (text("household_size"), text("annual_income")) {
        case (nil, nil): break
        case (let size?, let income?):
            let count = Int(size), dollars = Double(income.replacingOccurrences(of: ",", with: ""))
            if count.map(Household.sizes.contains) != true { fail("household_size", "must be a whole number from 1 to \(Household.sizes.upperBound)") }
            if dollars.map({ $0 >= 0 && $0.isFinite }) != true { fail("annual_income", "must be a number of dollars, 0 or more") }
            if let count, let dollars { household = Household(size: count, annualIncome: dollars) }
        case (nil, _): fail("household_size", "is empty, but annual_income is given: they go together")
        case (_, nil): fail("annual_income", "is empty, but household_size is given: they go together")
        }
        guard problems.isEmpty else {
            return .failure(ClientRowFailure(number: raw.number, line: raw.line, id: idIsValid ? givenID : nil, diagnostics: problems))
        }
        let client = Client(name: text("name"), language: language, zip: zip, needs: needs, household: household)
        return .success(ClientRow(number: raw.number, line: raw.line, id: givenID ?? "row-\(raw.number)", client: client, county: text("county"), state: state?.uppercased()))
    }
}
