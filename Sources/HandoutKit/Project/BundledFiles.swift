import Foundation

/// Where the bundled library lives: the folder holding `Templates/` and `Resources/`.
/// Found from `HANDOUT_HOME`, else next to (or above) the executable, else above the
/// current folder, so `swift run`, `.build/debug/handout` and an installed copy all work.
public enum BundledFiles {
    public static func root() -> String? {
        var candidates: [String] = []
        if let home = ProcessInfo.processInfo.environment["HANDOUT_HOME"], !home.isEmpty { candidates.append(home) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates += ancestors(of: executable.deletingLastPathComponent().path)
        candidates += ancestors(of: FileManager.default.currentDirectoryPath)
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/Resources/layouts/handout.html") }
    }

    private static func ancestors(of path: String) -> [String] {
        var result: [String] = []
        var url = URL(fileURLWithPath: path).standardizedFileURL
        for _ in 0..<8 {
            result.append(url.path)
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        return result
    }
}
