import Foundation

/// Where the bundled library lives: the folder holding `Templates/` and `Resources/`.
/// Found from `HANDOUT_HOME`, else next to (or above) the executable, else above the
/// current folder, so `swift run`, `.build/debug/handout` and a checkout's edits all work;
/// else it is the copy compiled into the binary (Plugins/EmbedLibrary), written once per
/// content into a cache folder, so an installed binary needs nothing beside it.
public enum BundledFiles {
    public static func root() -> String? {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let home = environment["HANDOUT_HOME"], !home.isEmpty { candidates.append(home) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates += ancestors(of: executable.deletingLastPathComponent().path)
        candidates += ancestors(of: FileManager.default.currentDirectoryPath)
        if let found = candidates.first(where: holdsLibrary) { return found }
        return EmbeddedCopy.folder(environment: environment)
    }

    /// The newest `reviewed` date among the templates compiled into this binary, as
    /// YYYY-MM-DD: how fresh its library is.
    public static var reviewed: String? { EmbeddedLibrary.reviewed }

    static func holdsLibrary(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/Resources/layouts/handout.html")
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

/// The library compiled into the binary, written out as files the first time a binary with
/// this content runs: `$XDG_CACHE_HOME/handout/library-HASH`, else `~/.cache/handout/...`,
/// else `$TMPDIR/handout-USER/...`. Later runs find the folder with one `stat`, so the cost
/// is paid once per version. A folder is written whole under a temporary name, then renamed,
/// so a killed or concurrent run never leaves (or sees) half a library.
enum EmbeddedCopy {
    static var folderName: String { "library-" + EmbeddedLibrary.contentHash }

    static func folder(environment: [String: String]) -> String? {
        for parent in cacheFolders(environment: environment) {
            let folder = parent.path + "/" + folderName
            if parent.shared && !ownedByUser(parent.path) { continue }
            if BundledFiles.holdsLibrary(folder) { return folder }
            if (try? extract(into: parent)) != nil, BundledFiles.holdsLibrary(folder) { return folder }
        }
        return nil
    }

    /// Where the copy may go, best first. `shared` marks a folder other users can write
    /// beside (the temporary folder): one that someone else made is never used.
    static func cacheFolders(environment: [String: String]) -> [(path: String, shared: Bool)] {
        var folders: [(path: String, shared: Bool)] = []
        // The XDG spec: a relative XDG_CACHE_HOME is invalid and must be ignored.
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            folders.append((cache + "/handout", false))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            folders.append((home + "/.cache/handout", false))
        }
        let temporary = environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        folders.append((temporary + "/handout-" + NSUserName(), true))
        return folders
    }

    static func ownedByUser(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return true }  // not made yet: ours to make
        return attributes[.type] as? FileAttributeType == .typeDirectory
            && attributes[.ownerAccountName] as? String == NSUserName()
    }

    static func extract(into parent: (path: String, shared: Bool)) throws {
        let files = FileManager.default
        try files.createDirectory(atPath: parent.path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if parent.shared && !ownedByUser(parent.path) { throw CocoaError(.fileWriteNoPermission) }
        let staging = parent.path + "/.\(folderName).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString)"
        defer { try? files.removeItem(atPath: staging) }
        for file in EmbeddedLibrary.files {
            guard let contents = Data(base64Encoded: file.base64) else { throw CocoaError(.fileReadCorruptFile) }
            let path = staging + "/" + file.path
            try files.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard files.createFile(atPath: path, contents: contents) else { throw CocoaError(.fileWriteUnknown) }
        }
        // Fails when another run renamed its copy first; that copy is as good as ours.
        try? files.moveItem(atPath: staging, toPath: parent.path + "/" + folderName)
    }
}
