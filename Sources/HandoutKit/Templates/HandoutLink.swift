/// Links between handouts, written in templates as the other file's name:
/// `[Repairs](housing-repairs.md)` or `housing-repairs.md#what-to-bring`.
enum HandoutLink {
    /// The id a relative `other.md` link points to, or nil for any other link.
    static func target(of destination: String) -> String? {
        guard !destination.contains(":"), !destination.contains("/") else { return nil }
        let file = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return file.hasSuffix(".md") && file.count > 3 ? String(file.dropLast(3)) : nil
    }

    /// `other.md#part` → `other.<lang>.html#part`, the file that handout is rendered to.
    static func rewrite(_ destination: String, language: String) -> String? {
        guard let id = target(of: destination) else { return nil }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        return "\(id).\(language).html" + (parts.count > 1 ? "#" + parts[1] : "")
    }
}
