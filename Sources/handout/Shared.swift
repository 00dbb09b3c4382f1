import ArgumentParser
import Foundation
import HandoutKit

/// Options every command shares: which project, which directory, which day it is.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Project folder with a handout.yml (default: the current folder if it has one, else the bundled library).", valueName: "dir"), completion: .directory)
    var project: String?

    @Option(name: .long, help: ArgumentHelp("Partner directory (handout's JSON or Open Referral HSDS 3.0), overriding the project's.", valueName: "file"), completion: .file())
    var directory: String?

    @Option(name: .long, help: ArgumentHelp("YAML file mapping HSDS taxonomy codes or terms to categories, overriding the project's taxonomy_map.", valueName: "file"), completion: .file())
    var taxonomyMap: String?

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
        if let taxonomyMap { loaded.taxonomyMapPath = taxonomyMap }
        return loaded
    }

    /// The project's directory; what an HSDS import left out is printed as warnings.
    func loadDirectory(for project: Project) throws -> Directory {
        let directory = try DirectoryLoader.load(for: project)
        DiagnosticPrinter().print(directory.warnings.filter { $0.level >= .warning })
        return directory
    }
}

/// How pages are set for paper: `render`, `packet` and `build`.
struct PrintOptions: ParsableArguments {
    @Flag(name: .long, inversion: .prefixedNo, help: "Large print: 18 point and more, sans-serif, 1.5 line spacing, no italics (default: the project's large_print).")
    var largePrint: Bool?

    @Flag(name: .long, help: "Also write a PDF beside each HTML page, printed by headless Chromium (HANDOUT_CHROMIUM names another browser).")
    var pdf = false

    /// The project with the command line's choices over its own.
    func apply(to project: inout Project) {
        if let largePrint { project.largePrint = largePrint }
    }

    /// With --pdf, the browser that prints; found first, so a missing one stops the command
    /// before it renders or writes anything.
    func printer() throws -> PDFPrinter? {
        pdf ? try PDFPrinter.locate() : nil
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

    @Option(name: .long, help: ArgumentHelp("Persons in the client's household, for partners with an income limit.", valueName: "count"))
    var householdSize: Int?

    @Option(name: .long, help: ArgumentHelp("The household's income for a year, in dollars: partners whose limit (a percent of the federal poverty guidelines) it is above are left out.", valueName: "dollars"))
    var annualIncome: Double?

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
        if (householdSize == nil) != (annualIncome == nil) {
            throw ValidationError("--household-size and --annual-income go together")
        }
        if let householdSize, !Household.sizes.contains(householdSize) {
            throw ValidationError("--household-size must be a whole number from 1 to \(Household.sizes.upperBound)")
        }
        if let annualIncome, !(annualIncome >= 0 && annualIncome.isFinite) {
            throw ValidationError("--annual-income must be a number of dollars, 0 or more")
        }
    }

    /// How many partners to list for each need: nil for all.
    func partnerLimit(project: Project) -> Int? {
        allPartners ? nil : maxPartners ?? project.maxPartners
    }

    /// The ZIP table, when a ZIP code was given: it places the client and measures distances.
    func zipTable(project: Project) throws -> ZipTable? {
        zip == nil ? nil : try ZipTable(contentsOf: project.resourcesPath + "/zip-codes.tsv")
    }

    /// Whether any option about the client was given (a batch takes them from its file).
    var anyGiven: Bool { zip != nil || county != nil || state != nil || !need.isEmpty || householdSize != nil }

    var household: Household? {
        guard let householdSize, let annualIncome else { return nil }
        return Household(size: householdSize, annualIncome: annualIncome)
    }

    func client(_ person: ClientPersonOptions) -> Client {
        Client(name: person.clientName, language: person.lang, zip: zip, needs: need, household: household)
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

/// Who the client is: the language they read and the name a handout greets them by
/// (`render` and `packet`).
struct ClientPersonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The client's language; a handout missing in it falls back to English and says so.", valueName: "code"), completion: Completions.languages)
    var lang = "en"

    @Option(name: .long, help: ArgumentHelp("The client's name, for templates that greet the client.", valueName: "name"))
    var clientName: String?

    func validate() throws {
        guard LanguageCode.isValid(lang) else { throw ValidationError("--lang must be a language code: " + LanguageCode.advice) }
    }
}

/// Who hands the handout over, printed at its foot (`render` and `packet`).
struct PracticeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Your practice's name, printed at the foot of the handout.", valueName: "name"))
    var practiceName: String?

    @Option(name: .long, help: ArgumentHelp("Your practice's phone number.", valueName: "number"))
    var practicePhone: String?

    @Option(name: .long, help: ArgumentHelp("Your practice's web site (http or https).", valueName: "url"))
    var practiceWebsite: String?

    @Option(name: .long, help: ArgumentHelp("Your name, for templates that use it.", valueName: "name"))
    var practitionerName: String?

    func validate() throws {
        if let practicePhone, PhoneNumber(practicePhone) == nil { throw ValidationError("--practice-phone is not a valid phone number") }
        if let practiceWebsite, !WebAddress.isHTTP(practiceWebsite) {
            throw ValidationError("--practice-website must be an http or https address, like https://example.org")
        }
    }

    var practice: Practice {
        Practice(name: practiceName, phone: practicePhone.flatMap(PhoneNumber.init), website: practiceWebsite, practitioner: practitionerName)
    }
}

/// Runs a command body, printing input errors the way compilers do and exiting 1 (69 when
/// a program it needs, Chromium for --pdf, is missing).
func reportingInputErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let errors as InputErrors {
        DiagnosticPrinter().print(errors.diagnostics)
        throw ExitCode(1)
    } catch let missing as MissingProgram {
        DiagnosticPrinter().print([missing.diagnostic])
        throw ExitCode(MissingProgram.exitCode)
    }
}

func reportingInputErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let errors as InputErrors {
        DiagnosticPrinter().print(errors.diagnostics)
        throw ExitCode(1)
    } catch let missing as MissingProgram {
        DiagnosticPrinter().print([missing.diagnostic])
        throw ExitCode(MissingProgram.exitCode)
    }
}
