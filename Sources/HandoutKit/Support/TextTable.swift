/// Columns padded to their widest cell (in terminal columns), two spaces apart.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return all.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                line += cell
                if column < row.count - 1 { line += String(repeating: " ", count: widths[column] - DisplayWidth.of(cell) + 2) }
            }
            return line + "\n"
        }.joined()
    }
}
