import ArgumentParser
import Foundation
import HandoutKit

struct DirectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "Convert or validate a partner directory: handout's JSON or Open Referral HSDS 3.0.",
        subcommands: [Convert.self, Validate.self]
    )

    /// Options both subcommands share: the file, and how HSDS terms map to categories.
    struct Input: ParsableArguments {
        @Argument(help: ArgumentHelp("The directory: handout's JSON or an HSDS 3.0 document (recognised by its shape).", valueName: "file"), completion: .file())
        var file: String

        @Option(name: .long, help: ArgumentHelp("YAML file mapping HSDS taxonomy codes or terms to categories.", valueName: "file"), completion: .file())
        var taxonomyMap: String?

        func load() throws -> Directory {
            let map = try taxonomyMap.map { try TaxonomyMap.load(path: $0) } ?? .common
            return try DirectoryLoader.load(path: file, taxonomyMap: map)
        }
    }

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert",
            abstract: "Write a directory in the other format.",
            usage: "handout directory convert <file> --to <format> [<options>]",
            discussion: """
                HSDS ids are name-based UUIDs derived from the partner ids, so converting \
                the same directory twice gives the same file. What the target format cannot \
                hold (translations in HSDS, for one) is left out with a note. See docs/hsds.md \
                for the mapping.
                """)

        enum Target: String, ExpressibleByArgument, CaseIterable { case handout, hsds }

        @OptionGroup var input: Input

        @Option(name: .long, help: "The format to write: handout or hsds.")
        var to: Target

        @Option(name: .long, help: ArgumentHelp("File to write (default: standard output).", valueName: "file"), completion: .file())
        var out: String?

        func run() throws {
            try reportingInputErrors {
                let directory = try input.load()
                DiagnosticPrinter().print(directory.warnings.filter { $0.level >= .warning })
                let output = DirectoryWriter.write(directory, as: to == .hsds ? .hsds : .handout)
                DiagnosticPrinter().print(output.notes.map { Diagnostic(.note, $0, path: input.file) })
                guard let out else {
                    FileHandle.standardOutput.write(Data(output.text.utf8))
                    return
                }
                let outcome = try AtomicFile.write(output.text, to: out, mode: 0o644)
                print("\(outcome == .written ? "wrote" : "unchanged") \(out): \(directory.partners.count) partners")
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Report every problem in a directory at once, with its line and column.",
            discussion: "Exit status 1 when the directory has an error; warnings and notes say what an HSDS import leaves out.")

        @OptionGroup var input: Input

        func run() throws {
            try reportingInputErrors {
                let directory = try input.load()
                DiagnosticPrinter().print(directory.warnings)
                let format = directory.format == .hsds ? "Open Referral HSDS 3.0" : "handout directory"
                let warnings = directory.warnings.filter { $0.level == .warning }.count
                print("\(input.file): \(format), \(directory.partners.count) partners, \(warnings) warning\(warnings == 1 ? "" : "s")")
            }
        }
    }
}
