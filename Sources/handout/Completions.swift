import ArgumentParser
import Foundation
import HandoutKit

/// Shell completion of values that live in the project: handout ids and partner categories.
/// The shell runs `handout` itself when the user presses Tab; these read the project the
/// command line names (its --project and --directory, as the command would) and offer
/// nothing rather than fail.
enum Completions {
    static let templateIDs = CompletionKind.custom { words, _, _ in
        guard let project = try? projectOptions(in: words).loadProject() else { return [] }
        return Array(Set(TemplateLibrary(root: project.templatesPath).entries().map(\.id))).sorted()
    }

    /// The languages the project has handouts in.
    static let languages = CompletionKind.custom { words, _, _ in
        guard let project = try? projectOptions(in: words).loadProject() else { return [] }
        return Array(Set(TemplateLibrary(root: project.templatesPath).entries().map(\.language))).sorted()
    }

    static let categories = CompletionKind.custom { words, _, _ in
        let options = projectOptions(in: words)
        guard let project = try? options.loadProject(), let directory = try? options.loadDirectory(for: project) else {
            return Taxonomy.builtIn.ids
        }
        return directory.taxonomy.ids
    }

    /// The --project and --directory among the shell's words, which arrive as typed.
    static func projectOptions(in words: [String]) -> ProjectOptions {
        var arguments: [String] = []
        for (index, word) in words.enumerated() {
            for name in ["--project", "--directory"] {
                if word == name, index + 1 < words.count {
                    arguments += [name, unquoted(words[index + 1])]
                } else if word.hasPrefix(name + "=") {
                    arguments += [name, unquoted(String(word.dropFirst(name.count + 1)))]
                }
            }
        }
        return (try? ProjectOptions.parse(arguments)) ?? ProjectOptions()
    }

    static func unquoted(_ word: String) -> String {
        var word = word
        if word.count >= 2, let first = word.first, first == "'" || first == "\"", word.last == first {
            word = String(word.dropFirst().dropLast())
        }
        if word.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            word = home + word.dropFirst()
        }
        return word
    }
}
