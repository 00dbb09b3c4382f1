import Foundation

/// A folder of templates, `<root>/<lang>/<id>.md`.
public struct TemplateLibrary: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    public struct Entry: Sendable, Equatable {
        public let id: String
        public let language: String
        public let path: String
    }

    /// Every template, sorted by id then language.
    public func entries() -> [Entry] {
        let files = FileManager.default
        let languages = ((try? files.contentsOfDirectory(atPath: root)) ?? []).filter {
            var isFolder: ObjCBool = false
            return files.fileExists(atPath: root + "/" + $0, isDirectory: &isFolder) && isFolder.boolValue && !$0.hasPrefix(".")
        }
        var entries: [Entry] = []
        for language in languages {
            let folder = root + "/" + language
            for file in (try? files.contentsOfDirectory(atPath: folder)) ?? [] where file.hasSuffix(".md") && !file.hasPrefix(".") {
                entries.append(Entry(id: String(file.dropLast(3)), language: language, path: folder + "/" + file))
            }
        }
        return entries.sorted { ($0.id, $0.language) < ($1.id, $1.language) }
    }

    /// The template for `id` in `language`, else in English (the caller says so in the output).
    public func locate(id: String, language: String) -> Entry? {
        for candidate in [language, "en"] {
            let path = "\(root)/\(candidate)/\(id).md"
            if FileManager.default.fileExists(atPath: path) { return Entry(id: id, language: candidate, path: path) }
        }
        return nil
    }
}
