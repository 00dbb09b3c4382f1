import Foundation

/// The first step of every command: the project read from disk once. Templates, the
/// directory, the ZIP table and the layouts are read here and nowhere else, so `check` and
/// `build` share one load, and a problem in one file does not hide the problems in others.
public struct LoadedProject: Sendable {
    public let project: Project
    /// Every template file found, sorted by id then language.
    public let entries: [TemplateLibrary.Entry]
    /// The templates that have front matter, errors or not: all of them are checked.
    public let templates: [HandoutTemplate]
    /// The ids of templates that have errors: they are never rendered.
    public let brokenTemplates: Set<String>
    public let directory: Directory?
    public let zipTable: ZipTable?
    /// The bundled facts and the project's own; nil when a facts file has errors.
    public let facts: FactBook?
    let layout: Layout?
    /// What reading found, as `handout check` findings (template-invalid, front-matter-key,
    /// directory-invalid, directory-import), every file's problems together.
    public let findings: [Diagnostic]

    public static func load(_ project: Project) -> LoadedProject {
        let log = FindingLog()
        let library = TemplateLibrary(root: project.templatesPath)
        let entries = library.entries()
        log.add(library.misnamed(), as: "template-invalid")
        var templates: [HandoutTemplate] = []
        var broken: Set<String> = []
        for entry in entries {
            let read = HandoutTemplate.read(path: entry.path, displayPath: PathDisplay.relative(entry.path), id: entry.id, language: entry.language)
            for diagnostic in read.diagnostics {
                log.add([diagnostic], as: diagnostic.level == .error ? "template-invalid" : "front-matter-key")
            }
            if read.diagnostics.contains(where: { $0.level == .error }) { broken.insert(entry.id) }
            if let template = read.template { templates.append(template) }
        }
        var directory: Directory?
        do {
            let loaded = try DirectoryLoader.load(for: project)
            log.add(loaded.warnings, as: "directory-import")
            directory = loaded
        } catch let errors as InputErrors {
            log.add(errors.diagnostics, as: "directory-invalid")
        } catch {}
        // The page layout and the partner listing follow the templates' rules (unsafe tags,
        // partials that include themselves).
        var layout: Layout?
        do {
            layout = try Layout(project: project)
        } catch let errors as InputErrors {
            log.add(errors.diagnostics, as: "template-invalid")
        } catch {}
        var facts: FactBook?
        do {
            facts = try FactBook.load(project: project)
        } catch let errors as InputErrors {
            log.add(errors.diagnostics, as: "facts-invalid")
        } catch {}
        return LoadedProject(
            project: project, entries: entries, templates: templates, brokenTemplates: broken, directory: directory,
            zipTable: try? ZipTable(contentsOf: project.resourcesPath + "/zip-codes.tsv"), facts: facts, layout: layout,
            findings: log.findings)
    }

    /// Whether everything needed to render was read without an error.
    public var isRenderable: Bool { directory != nil && layout != nil && facts != nil && brokenTemplates.isEmpty }

    /// A renderer over this load, without reading anything again; nil when the directory,
    /// the layouts or the facts could not be read (the findings say why).
    public func renderer(directory override: Directory? = nil) -> HandoutRenderer? {
        guard let directory = override ?? directory, let layout, let facts else { return nil }
        return HandoutRenderer(project: project, directory: directory, zipTable: zipTable, layout: layout, facts: facts)
    }
}
