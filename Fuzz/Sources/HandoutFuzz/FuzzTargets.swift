import Foundation
import HandoutKit

/// libFuzzer calls `testOneInput` with each input; `HANDOUT_FUZZ_TARGET` picks
/// what the bytes are fed to. A crash, a trap (a Swift precondition, an out-of-range
/// index) or a broken invariant below is a finding; a thrown diagnostic is the expected
/// answer to bad input.
enum FuzzTarget: String, CaseIterable {
    /// The bytes as a partner directory (JSON parser and DirectoryLoader).
    case directory
    /// The bytes as a template file: front matter, Mustache parsing, the unsafe-tag guard.
    case template
    /// The first line as the client's name, the rest as a template, rendered to HTML and
    /// text with the bundled directory and layouts.
    case render
}

/// The repository root, from this file's place in it (Fuzz/Sources/HandoutFuzz/).
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
}()

nonisolated(unsafe) var target = FuzzTarget.directory
nonisolated(unsafe) var renderer: HandoutRenderer?

/// libFuzzer's entry point for a program that has its own `main` (SwiftPM links every
/// executable through the target's own main, so libFuzzer's `main` cannot be used).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@main
enum HandoutFuzz {
    static func main() {
        let name = ProcessInfo.processInfo.environment["HANDOUT_FUZZ_TARGET"] ?? ""
        guard let chosen = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("HANDOUT_FUZZ_TARGET must be one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        target = chosen
        if target == .render {
            let project = Project.bundled(root: repositoryRoot)
            do {
                renderer = try HandoutRenderer(project: project, directory: DirectoryLoader.load(path: project.directoryPath))
            } catch {
                FileHandle.standardError.write(Data("cannot load the bundled project from \(repositoryRoot): \(error)\n".utf8))
                exit(2)
            }
        }
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in testOneInput(bytes, count) })
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    switch target {
    case .directory:
        _ = try? DirectoryLoader.parse(text, path: "fuzz.json")
    case .template:
        _ = try? HandoutTemplate.parse(text, path: "fuzz.md", id: "fuzz", language: "en")
    case .render:
        let name = String(text.prefix(while: { $0 != "\n" }))
        let source = String(text.dropFirst(name.count + 1))
        guard let renderer, let template = try? HandoutTemplate.parse(source, path: "fuzz.md", id: "fuzz", language: "en") else { return 0 }
        let request = RenderRequest(
            templateID: "fuzz", client: Client(name: name, language: "en", zip: "60623"),
            practice: Practice(name: name), location: ClientLocation(zip: "60623", county: "Cook", state: "IL"),
            today: Day("2026-12-01")!)
        guard let handout = try? renderer.render(template, request: request) else { return 0 }
        checkNothingLive(handout.html)
    }
    return 0
}

/// Whatever a template or a value holds, cmark's safe mode and the Markdown escaping
/// must keep scripts and script URLs out of the page.
func checkNothingLive(_ html: String) {
    let lowered = html.lowercased()
    for forbidden in ["<script", "href=\"javascript:", "href=\"vbscript:", "src=\"javascript:"] where lowered.contains(forbidden) {
        FileHandle.standardError.write(Data("the rendered page contains \(forbidden)\n".utf8))
        abort()
    }
}
