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
