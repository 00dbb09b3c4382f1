import Foundation
import HandoutKit
import Testing

/// Tab completion of handout ids and partner categories. The generated scripts call
/// `handout ---completion <command> -- <argument> <cursor word> <cursor index> <words...>`
/// (ArgumentParser's protocol); these tests call it the same way.
@Suite struct CompletionTests {
    let clinic = Paths.fixtures + "/clinic"

    func complete(_ argument: String, _ words: [String], in folder: String) throws -> CommandResult {
        try handout(["---completion", "render", "--", argument, "\(words.count - 1)", "0"] + words, in: folder)
    }

    @Test func handoutIdsComeFromTheProjectInTheCurrentFolder() throws {
        let result = try complete("positional@0", ["handout", "render", ""], in: clinic)
        #expect(result.status == 0)
        #expect(result.stdout == "eviction\nrepairs\n")
    }

    @Test func handoutIdsFollowProjectOnTheCommandLine() throws {
        let result = try complete("positional@0", ["handout", "render", "--project", clinic, ""], in: Paths.packageRoot)
        #expect(result.stdout == "eviction\nrepairs\n")
    }

    @Test func languagesAreThoseTheProjectHasHandoutsIn() throws {
        let result = try complete("--lang", ["handout", "render", "--lang", ""], in: clinic)
        #expect(result.status == 0)
        #expect(result.stdout == "en\nes\n")
    }

    @Test func categoriesComeFromTheProjectsDirectory() throws {
        let result = try complete("--need", ["handout", "render", "--need", ""], in: clinic)
        #expect(result.status == 0)
        let directory = try DirectoryLoader.load(path: clinic + "/directory.json")
        #expect(result.stdout == directory.taxonomy.ids.joined(separator: "\n") + "\n")
        #expect(result.stdout.contains("housing\n"))
    }

    @Test func aBrokenProjectOffersTheBuiltInCategories() throws {
        let result = try complete("--need", ["handout", "render", "--directory", "missing.json", "--need", ""], in: clinic)
        #expect(result.status == 0)
        #expect(result.stdout == Taxonomy.builtIn.ids.joined(separator: "\n") + "\n")
    }

    @Test(arguments: ["bash", "zsh", "fish"]) func everyShellsScriptAsksHandoutForIds(shell: String) throws {
        let result = try handout(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains("---completion render -- positional@0"))
        #expect(result.stdout.contains("---completion render -- --need"))
    }
}
