import ArgumentParser
import Foundation
import HandoutKit

/// Options every command shares: which project, which directory, which day it is.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Project folder with a handout.yml (default: the current folder if it has one, else the bundled library).", valueName: "dir"), completion: .directory)
    var project: String?

    @Option(name: .long, help: ArgumentHelp("Partner directory, overriding the project's.", valueName: "file"), completion: .file())
    var directory: String?

    @Option(name: .long, help: ArgumentHelp("Take this date as today (YYYY-MM-DD), for reproducible output.", valueName: "date"))
    var today: String?

    func validate() throws {
        if let today, Day(today) == nil { throw ValidationError("--today must be a date written YYYY-MM-DD") }
    }

    var day: Day { today.flatMap(Day.init) ?? Day.now() }

    /// The project in `folder` (a command's DIR argument), else `--project`, else the
    /// current folder; `--directory` replaces its directory here, once for every command.
    func loadProject(folder: String? = nil) throws -> Project {
        guard let root = BundledFiles.root() else {
            throw InputErrors([Diagnostic(.error, "cannot find the bundled Templates/ and Resources/; set HANDOUT_HOME to the folder that holds them", path: "handout")])
        }
        var loaded = try Project.load(folder: folder ?? project ?? FileManager.default.currentDirectoryPath, bundledRoot: root)
        if let directory { loaded.directoryPath = directory }
        return loaded
    }

    func loadDirectory(for project: Project) throws -> Directory {
        try DirectoryLoader.load(path: project.directoryPath, displayPath: PathDisplay.relative(project.directoryPath), maximumBytes: project.maxDirectoryBytes)
    }
}

/// Who the client is and where: the options `render` and `list partners` share.
struct ClientOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The client's ZIP code: partners that serve it are offered.", valueName: "zip"))
    var zip: String?

    @Option(name: .long, help: ArgumentHelp("The client's county, overriding the one the ZIP implies.", valueName: "name"))
    var county: String?

    @Option(name: .long, help: ArgumentHelp("The client's state (two letters), overriding the one the ZIP implies.", valueName: "code"))
    var state: String?

    @Option(name: .long, help: ArgumentHelp("A category the client needs help with (repeatable): partners offering it are added.", valueName: "category"), completion: Completions.categories)
    var need: [String] = []

    @Option(name: .long, help: ArgumentHelp("At most this many partners for each need, nearest first (default: the project's max_partners, else 3).", valueName: "count"))
    var maxPartners: Int?

    @Flag(name: .long, help: "List every partner that fits, not only the nearest few.")
    var allPartners = false

    func validate() throws {
        // The messages never repeat the value: it is the client's.
        if let zip, zip.count != 5 || !zip.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw ValidationError("--zip must be a 5-digit ZIP code")
        }
        if let state, state.count != 2 || !state.allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw ValidationError("--state must be a two-letter state code, like IL")
        }
        if let maxPartners, maxPartners < 1 { throw ValidationError("--max-partners must be 1 or more") }
        if maxPartners != nil && allPartners { throw ValidationError("give --max-partners or --all-partners, not both") }
    }

    /// How many partners to list for each need: nil for all.
    func partnerLimit(project: Project) -> Int? {
        allPartners ? nil : maxPartners ?? project.maxPartners
    }

    /// The ZIP table, when a ZIP code was given: it places the client and measures distances.
    func zipTable(project: Project) throws -> ZipTable? {
        zip == nil ? nil : try ZipTable(contentsOf: project.resourcesPath + "/zip-codes.tsv")
    }

    /// The client's location, or nil when none was given. Says so (without the ZIP) when
    /// the ZIP table does not know the ZIP.
    func location(table: ZipTable?) -> ClientLocation? {
        guard zip != nil || county != nil || state != nil else { return nil }
        let location = ClientLocation.resolve(zip: zip, county: county, state: state, table: table)
        if !location.zipKnown && county == nil && state == nil {
            DiagnosticPrinter().print([Diagnostic(.note, "the client's ZIP code is not in the ZIP table; only partners listed by ZIP code or working remotely are offered (give --county or --state to widen)", path: "handout")])
        }
        return location
    }

    func checkNeeds(_ directory: Directory) throws {
        for need in need where !directory.taxonomy.contains(need) {
            throw ValidationError("--need: " + directory.taxonomy.unknownCategoryMessage(need))
        }
    }
}

/// Runs a command body, printing input errors the way compilers do and exiting 1.
func reportingInputErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let errors as InputErrors {
        DiagnosticPrinter().print(errors.diagnostics)
        throw ExitCode(1)
    }
}

func reportingInputErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let errors as InputErrors {
        DiagnosticPrinter().print(errors.diagnostics)
        throw ExitCode(1)
    }
}
