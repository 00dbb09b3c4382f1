import ArgumentParser
import Foundation
import HandoutKit

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one personalized handout as HTML and plain text.",
        discussion: """
            Writes <out>/<template-id>.<lang>.html and .txt (and with --pdf, .pdf), readable \
            by you alone (mode 0600). With --out -, writes the plain text to standard output \
            instead.
            """
    )

    @Argument(help: "The handout's id, as `handout list templates` shows it.", completion: Completions.templateIDs)
    var templateID: String

    @OptionGroup var projectOptions: ProjectOptions
    @OptionGroup var clientOptions: ClientOptions

    @OptionGroup var person: ClientPersonOptions
    @OptionGroup var practiceOptions: PracticeOptions
    @OptionGroup var printOptions: PrintOptions

    @Option(name: .long, help: ArgumentHelp("Folder to write into, or - for the text version on standard output.", valueName: "dir"))
    var out = "handouts"

    func validate() throws {
        if out == "-" && printOptions.pdf { throw ValidationError("--pdf writes a file beside the page: give --out a folder, not -") }
    }

    func run() throws {
        try reportingInputErrors {
            let printer = try printOptions.printer()
            var project = try projectOptions.loadProject()
            printOptions.apply(to: &project)
            let directory = try projectOptions.loadDirectory(for: project)
            try clientOptions.checkNeeds(directory)
            let zipTable = try clientOptions.zipTable(project: project)
            let renderer = try HandoutRenderer(project: project, directory: directory, zipTable: zipTable)
            let request = RenderRequest(
                templateID: templateID,
                client: clientOptions.client(person),
                practice: practiceOptions.practice,
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
            let report = try OutputWriter(folder: out, mode: 0o600, scope: .addFiles, pdf: printer).write(files)
            for name in report.paths(of: files) {
                let path = (out as NSString).appendingPathComponent(name)
                print(report.written.contains(name) ? "wrote \(path)" : "unchanged \(path)")
            }
        }
    }
}
