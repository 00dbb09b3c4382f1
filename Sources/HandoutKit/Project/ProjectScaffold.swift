import Foundation

/// `handout init DIR`: a new project folder, ready to build and to edit: handout.yml, the
/// example directory, the bundled templates and layouts, copied from the bundled library
/// (`BundledFiles.root()`), through the same write step as every other output.
public enum ProjectScaffold {
    /// What a new project's handout.yml says, with the keys a site most often changes.
    static let configuration = """
        # A handout project. `handout check` and `handout build` read this file; paths are
        # relative to it. See the README for every key.
        title: Know Your Rights
        organization: Your Organization
        languages: [en, es]
        directory: directory.json    # your partners (JSON; or Open Referral HSDS 3.0)
        templates: Templates         # Templates/<lang>/<id>.md; layouts/ holds the page around them
        output: _site
        stale_after_days: 365        # listings checked longer ago than this are marked
        contact: { name: Your Organization, phone: "+1 312 555 0100", website: "https://example.org" }
        # base_url: https://rights.example.org/   # needed for sitemap.xml
        # region: { counties: ["Cook, IL"] }      # list only the partners serving this area
        coverage_page: false         # true adds coverage.html for your staff
        # large_print: true          # every page in large print (18 point and more); or --large-print

        """

    /// Writes the project into `folder`, which must not exist or be empty. Returns the files
    /// written, relative to `folder`.
    public static func create(at folder: String, bundledRoot: String) throws -> [String] {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: folder), !existing.isEmpty {
            throw InputErrors([Diagnostic(.error, "the folder is not empty: choose a new folder for the project", path: PathDisplay.relative(folder))])
        }
        var files = [OutputFile(path: "handout.yml", contents: configuration)]
        files.append(try copy(bundledRoot + "/Resources/directory.json", as: "directory.json"))
        for (source, target) in [("/Templates", "Templates"), ("/Resources/layouts", "layouts")] {
            let root = bundledRoot + source
            for relative in (manager.subpaths(atPath: root) ?? []).sorted() {
                var isFolder: ObjCBool = false
                guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                    manager.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue
                else { continue }
                files.append(try copy(root + "/" + relative, as: target + "/" + relative))
            }
        }
        _ = try OutputWriter(folder: folder, mode: 0o644, scope: .addFiles).write(files)
        return files.map(\.path)
    }

    private static func copy(_ path: String, as name: String) throws -> OutputFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputErrors([Diagnostic(.error, "cannot read the bundled file", path: PathDisplay.relative(path))])
        }
        return OutputFile(path: name, contents: text)
    }
}
