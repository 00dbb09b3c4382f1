import Yams

/// The message and position of a YAML syntax error, for diagnostics.
enum YAMLProblem {
    static func describe(_ error: Error) -> (problem: String, mark: Mark?) {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return (problem, mark)
        case .duplicatedKeysInMapping(let duplicates, _):
            return ("key given twice: \(duplicates.joined(separator: ", "))", nil)
        default:
            return ("\(error)", nil)
        }
    }
}

extension YAMLProblem {
    /// Parses a whole YAML file into its node tree, or throws its syntax error at its place.
    /// `textOnly`: every plain scalar is text (no bool, number, null or date tags), for a
    /// file read only through `.string`: resolving tags runs a regular expression per scalar,
    /// and was most of the time a render spent on facts.yml.
    static func compose(_ yaml: String, path: String, textOnly: Bool = false) throws -> Node? {
        do {
            return try Yams.compose(yaml: yaml, textOnly ? .basic : .default)
        } catch {
            let (problem, mark) = describe(error)
            throw InputErrors([Diagnostic(.error, problem, path: path, line: mark?.line, column: mark?.column)])
        }
    }
}
