import ArgumentParser
import Foundation
import HandoutKit

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render one personalized handout as HTML and plain text.",
        discussion: """
            Writes <out>/<template-id>.<lang>.html and .txt, readable by you alone (mode \
            0600). With --out -, writes the plain text to standard output instead.
            """
    )

    @Argument(help: "The handout's id, as `handout list templates` shows it.", completion: Completions.templateIDs)
    var templateID: String

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var clientOptions: ClientOptions

    @Option(name: .long, help: ArgumentHelp("The client's language; a handout missing in it falls back to English and says so.", valueName: "code"), completion: Completions.languages)
    var lang = "en"

    @Option(name: .long, help: ArgumentHelp("The client's name, for templates that greet the client.", valueName: "name"))
    var clientName: String?

    @Option(name: .long, help: ArgumentHelp("Your practice's name, printed at the foot of the handout.", valueName: "name"))
    var practiceName: String?

    @Option(name: .long, help: ArgumentHelp("Your practice's phone number.", valueName: "number"))
    var practicePhone: String?

    @Option(name: .long, help: ArgumentHelp("Your practice's web site (http or https).", valueName: "url"))
    var practiceWebsite: String?

    @Option(name: .long, help: ArgumentHelp("Your name, for templates that use it.", valueName: "name"))
    var practitionerName: String?

    @Option(name: .long, help: ArgumentHelp("Folder to write into, or - for the text version on standard output.", valueName: "dir"))
    var out = "handouts"

    func validate() throws {
        guard LanguageCode.isValid(lang) else { throw ValidationError("--lang must be a language code: " + LanguageCode.advice) }
        if let practicePhone, PhoneNumber(practicePhone) == nil { throw ValidationError("--practice-phone is not a valid phone number") }
        if let practiceWebsite, !WebAddress.isHTTP(practiceWebsite) {
            throw ValidationError("--practice-website must be an http or https address, like https://example.org")
        }
    }

    func run() throws {
        try reportingInputErrors {
            let project = try projectOptions.loadProject()
            let directory = try projectOptions.loadDirectory(for: project)
            try clientOptions.checkNeeds(directory)
            let zipTable = try clientOptions.zipTable(project: project)
            let renderer = try HandoutRenderer(project: project, directory: directory, zipTable: zipTable)
            let request = RenderRequest(
                templateID: templateID,
                client: Client(name: clientName, language: lang, zip: clientOptions.zip, needs: clientOptions.need),
                practice: Practice(
                    name: practiceName, phone: practicePhone.flatMap(PhoneNumber.init), website: practiceWebsite,
                    practitioner: practitionerName),
                location: clientOptions.location(table: zipTable),
                today: projectOptions.day,
                partnerLimit: clientOptions.partnerLimit(project: project))
            let handout = try renderer.render(request)
            DiagnosticPrinter().print(handout.warnings)
            if out == "-" {
                FileHandle.standardOutput.write(Data(handout.text.utf8))
                return
            }
            // The shared write step: added to the folder, readable by you alone.
            let files = [
                OutputFile(path: "\(handout.fileStem).html", contents: handout.html),
                OutputFile(path: "\(handout.fileStem).txt", contents: handout.text),
            ]
            let report = try OutputWriter(folder: out, mode: 0o600, scope: .addFiles).write(files)
            for file in files {
                let path = (out as NSString).appendingPathComponent(file.path)
                print(report.written.contains(file.path) ? "wrote \(path)" : "unchanged \(path)")
            }
        }
    }
}
