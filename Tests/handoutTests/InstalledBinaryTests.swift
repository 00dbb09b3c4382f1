import Foundation
import Testing

/// The built binary copied alone into an empty folder, as an installer would put it in
/// /usr/local/bin: no checkout above it, HANDOUT_HOME unset, a home of its own. It must find
/// its templates in itself, write them out once, and use that copy from then on.
@Suite struct InstalledBinaryTests {
    struct Install {
        let binary: String
        let work: String
        let home: String
        var environment: [String: String]

        init() throws {
            let folder = try temporaryFolder()
            binary = folder + "/bin/handout"
            work = folder + "/work"
            home = folder + "/home"
            for path in [folder + "/bin", work, home] {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            }
            try FileManager.default.copyItem(atPath: Paths.executable, toPath: binary)
            // A clean environment, but for the sanitizers' options: under
            // `swift test --sanitize=address` the copied binary is instrumented too, and
            // without ASAN_OPTIONS=detect_leaks=0 its leak report fails every run.
            let kept: Set = ["PATH", "LANG", "ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"]
            environment = ProcessInfo.processInfo.environment.filter { kept.contains($0.key) }
            environment["HOME"] = home
            environment["TMPDIR"] = folder + "/tmp"
            environment["NO_COLOR"] = "1"
        }

        func run(_ arguments: [String]) throws -> CommandResult {
            try handoutTests.run(binary, arguments, in: work, environment: environment)
        }

        /// The library folders written into `cache`, and any half-written one left behind.
        func libraries(in cache: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: cache).sorted()
        }
    }

    @Test func listsAndRendersFromTheLibraryItCarries() throws {
        let install = try Install()
        let list = try install.run(["list", "templates"])
        #expect(list.status == 0)
        #expect(list.stderr == "")
        #expect(list.stdout.hasPrefix("ID "))
        #expect(list.stdout.contains("\nhousing-eviction "))
        #expect(list.stdout.hasSuffix(" languages\n"))

        let cache = install.home + "/.cache/handout"
        let libraries = try install.libraries(in: cache)
        #expect(libraries.count == 1)
        let library = cache + "/" + (libraries.first ?? "")
        #expect(libraries.first?.hasPrefix("library-") == true)

        let render = try install.run(["render", "housing-eviction", "--zip", "60623", "--lang", "es", "--today", "2026-11-29", "--out", "-"])
        #expect(render.status == 0)
        #expect(render.stderr == "")
        // The handout's title line comes from the extracted copy of the template.
        let template = try read(library + "/Templates/es/housing-eviction.md")
        let title = template.split(separator: "\n").first { $0.hasPrefix("title:") }.map { $0.dropFirst("title:".count).trimmingCharacters(in: .whitespaces) }
        #expect(title != nil)
        #expect(render.stdout.hasPrefix((title ?? "-") + "\n"))
    }

    @Test func writesTheLibraryOnceAndReusesIt() throws {
        let install = try Install()
        #expect(try install.run(["list", "templates"]).status == 0)
        let cache = install.home + "/.cache/handout"
        let first = try install.libraries(in: cache)
        let inode = try FileManager.default.attributesOfItem(atPath: cache + "/" + first[0])[.systemFileNumber] as? Int
        #expect(try install.run(["list", "templates"]).status == 0)
        #expect(try install.libraries(in: cache) == first)
        #expect(try FileManager.default.attributesOfItem(atPath: cache + "/" + first[0])[.systemFileNumber] as? Int == inode)
    }

    @Test func followsXDGCacheHomeAndFallsBackToTheTemporaryFolder() throws {
        var install = try Install()
        install.environment["XDG_CACHE_HOME"] = install.home + "/xdg"
        #expect(try install.run(["list", "templates"]).status == 0)
        #expect(try install.libraries(in: install.home + "/xdg/handout").count == 1)

        // A home that cannot hold a cache folder (a file stands where a folder should).
        install.environment["XDG_CACHE_HOME"] = nil
        #expect(FileManager.default.createFile(atPath: install.home + "/.cache", contents: Data()))
        #expect(try install.run(["list", "templates"]).status == 0)
        let temporary = try FileManager.default.contentsOfDirectory(atPath: install.environment["TMPDIR"]!)
        #expect(temporary.count == 1 && temporary[0].hasPrefix("handout-"))
    }

    @Test func handoutHomeStillOverrides() throws {
        var install = try Install()
        install.environment["HANDOUT_HOME"] = Paths.packageRoot
        #expect(try install.run(["list", "templates"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: install.home + "/.cache"))
    }

    /// The date is the newest `reviewed` among the templates the binary carries (compared
    /// with its extracted copy: a checkout's build may carry a copy one plan old).
    @Test func versionNamesTheLibraryReviewDate() throws {
        let install = try Install()
        let version = try install.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+ \(library reviewed \d{4}-\d{2}-\d{2}\)\n$"#, options: .regularExpression) != nil)

        #expect(try install.run(["list", "templates"]).status == 0)
        let cache = install.home + "/.cache/handout"
        let templates = cache + "/" + (try install.libraries(in: cache).first ?? "") + "/Templates"
        let newest = try FileManager.default.subpathsOfDirectory(atPath: templates)
            .filter { $0.hasSuffix(".md") }
            .compactMap { path -> String? in
                try read(templates + "/" + path).split(separator: "\n").first { $0.hasPrefix("reviewed:") }
                    .map { $0.dropFirst("reviewed:".count).trimmingCharacters(in: .whitespaces) }
            }
            .max()
        #expect(newest != nil)
        #expect(version.stdout.hasSuffix("(library reviewed \(newest ?? "?"))\n"))
    }
}
