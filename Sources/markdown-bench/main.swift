// The Markdown stage alone, for scripts/benchmark.sh to hold against the `cmark` command on
// the same files: for each file, what handout does with a page's Markdown (cmark parses it,
// the tree is copied into Swift values, cmark renders the HTML, PlainTextRenderer writes the
// text version). No template, directory or layout is involved. Not shipped, not tested.
//
//   markdown-bench [--html-only] FILE...
import Foundation
import HandoutKit

var arguments = Array(CommandLine.arguments.dropFirst())
let htmlOnly = arguments.first == "--html-only"
if htmlOnly { arguments.removeFirst() }
guard !arguments.isEmpty else {
    FileHandle.standardError.write(Data("usage: markdown-bench [--html-only] FILE...\n".utf8))
    exit(64)
}

var bytes = 0
for path in arguments {
    guard let markdown = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("markdown-bench: cannot read \(path)\n".utf8))
        exit(1)
    }
    let document = MarkdownDocument(markdown: markdown)
    bytes += document.html.utf8.count
    if !htmlOnly { bytes += PlainTextRenderer().render(document.root).utf8.count }
}
// Printed so the work cannot be optimised away, and as a sanity check.
print("\(arguments.count) files, \(bytes) bytes of output")
