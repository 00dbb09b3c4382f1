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

    /// Every template, sorted by id then language. Files and folders whose names are not a
    /// handout id and a language code are left out (`misnamed()` reports them).
    public func entries() -> [Entry] { scan().entries }

    /// A diagnostic for each `.md` file or language folder that `entries()` leaves out because
    /// its name is not a handout id or a language code.
    public func misnamed() -> [Diagnostic] { scan().misnamed }

    private func scan() -> (entries: [Entry], misnamed: [Diagnostic]) {
        let files = FileManager.default
        let languages = ((try? files.contentsOfDirectory(atPath: root)) ?? []).filter {
            var isFolder: ObjCBool = false
            return files.fileExists(atPath: root + "/" + $0, isDirectory: &isFolder) && isFolder.boolValue && !$0.hasPrefix(".")
        }
        var entries: [Entry] = []
        var misnamed: [Diagnostic] = []
        for language in languages.sorted() {
            let folder = root + "/" + language
            let names = ((try? files.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            if !LanguageCode.isValid(language) {
                if !names.isEmpty {
                    misnamed.append(Diagnostic(.error, "folder name: " + LanguageCode.problem(language)! + "; its templates are skipped", path: PathDisplay.relative(folder)))
                }
                continue
            }
            for file in names.sorted() {
                let id = String(file.dropLast(3))
                if let problem = Identifier.problem(id, kind: "handout id") {
                    misnamed.append(Diagnostic(.error, "file name: \(problem); the template is skipped", path: PathDisplay.relative(folder + "/" + file)))
                    continue
                }
                entries.append(Entry(id: id, language: language, path: folder + "/" + file))
            }
        }
        return (entries.sorted { ($0.id, $0.language) < ($1.id, $1.language) }, misnamed)
    }

    /// The template for `id` in `language`, else in English (the caller says so in the output).
    /// Nil for an id or a language that is not one by the rules above, so neither can name a
    /// file outside the library.
    public func locate(id: String, language: String) -> Entry? {
        guard Identifier.isValid(id), LanguageCode.isValid(language) else { return nil }
        for candidate in [language, "en"] {
            let path = "\(root)/\(candidate)/\(id).md"
            if FileManager.default.fileExists(atPath: path) { return Entry(id: id, language: candidate, path: path) }
        }
        return nil
    }
}
