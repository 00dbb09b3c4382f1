/// Columns padded to their widest cell (in terminal columns), two spaces apart. Cells hold
/// text from directories, templates and facts files, so each is printed as one line without
/// control or direction-override characters (`ControlCharacters.singleLine`), as the text
/// handout prints it.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = ([header] + rows).map { $0.map(ControlCharacters.singleLine) }
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
