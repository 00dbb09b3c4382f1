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
    static func compose(_ yaml: String, path: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch {
            let (problem, mark) = describe(error)
            throw InputErrors([Diagnostic(.error, problem, path: path, line: mark?.line, column: mark?.column)])
        }
    }
}
