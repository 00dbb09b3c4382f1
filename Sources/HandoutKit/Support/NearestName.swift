/// "Did you mean …?" for misspelt keys, categories and variables.
enum NearestName {
    /// The candidate closest to `name` by edit distance, if it is close enough to be a typo.
    /// Of equally close ones, the first in byte order: candidates often come from a set or a
    /// dictionary, whose order changes from run to run, and a message must not.
    static func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
        let lowered = name.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if let current = best, distance > current.distance || (distance == current.distance && !candidate.utf8.lexicographicallyPrecedes(current.name.utf8)) {
                continue
            }
            best = (candidate, distance)
        }
        guard let best, best.distance <= max(2, name.count / 3) else { return nil }
        return best.name
    }

    /// `message` followed by ` (did you mean "x"?)` when there is a near name.
    static func describe(_ message: String, name: String, among candidates: some Sequence<String>) -> String {
        guard let near = suggestion(for: name, among: candidates) else { return message }
        return "\(message) (did you mean \"\(near)\"?)"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
