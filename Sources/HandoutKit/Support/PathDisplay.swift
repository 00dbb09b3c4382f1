import Foundation

/// Paths in diagnostics: a relative path as the user wrote it; an absolute one relative to
/// the current folder when it lies inside it.
public enum PathDisplay {
    public static func relative(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path.hasPrefix("./") ? String(path.dropFirst(2)) : path }
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path + "/"
        return standardized.hasPrefix(current) ? String(standardized.dropFirst(current.count)) : standardized
    }
}
