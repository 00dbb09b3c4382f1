import Foundation

/// `handout build`: the organization's static site, as a list of steps over one loaded
/// project, the way Publish reads a website's build:
///
///     load → check → plan → render → write
///
/// Nothing is personalized and the clock never reaches a page, so the same inputs give the
/// same bytes on any day, and only files whose bytes change are rewritten. What a build read
/// and found is kept in the manifest (`BuildRecord`): a rebuild whose inputs did not change
/// reuses the findings instead of checking again, and, when its files are as written too,
/// loads and plans nothing.
public struct SiteBuild: Sendable {
    public struct Options: Sendable {
        /// For the checks (a stale listing is a warning); never printed on a page.
        public var today: Day
        /// Warnings stop the build too.
        public var strict: Bool
        /// Write nothing; report what would change.
        public var dryRun: Bool
        /// Prints a PDF beside each page (`--pdf`); nil writes none.
        public var pdf: PDFPrinter?

        public init(today: Day, strict: Bool = false, dryRun: Bool = false, pdf: PDFPrinter? = nil) {
            self.pdf = pdf
            self.today = today
            self.strict = strict
            self.dryRun = dryRun
        }
    }

    public struct Result: Sendable {
        public let report: Checker.Report
        /// Nil when the checks failed and nothing was written.
        public let output: OutputWriter.Report?
        /// Files the site has.
        public let fileCount: Int
        /// Pages the site has, and how many of them were rendered: a page whose inputs did
        /// not change since the files it wrote (still as written) is not rendered again.
        public let pageCount: Int
        public let renderedPages: Int
        /// Whether the findings are the last build's, kept in its manifest under a fingerprint
        /// of everything the checks read (`BuildRecord`), which nothing since has changed.
        public let checksReused: Bool
    }

    /// Called as pages are rendered: how many are done, of how many.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    public let project: Project
    public let options: Options

    public init(project: Project, options: Options) {
        self.project = project
        self.options = options
    }

    public func run(progress: Progress? = nil) async throws -> Result {
        let writer = OutputWriter(folder: project.outputPath, mode: 0o644, scope: .wholeFolder, dryRun: options.dryRun, pdf: options.pdf)
        let projectInputs = BuildRecord.projectInputs(project)
        let checksKey = BuildRecord.checksKey(inputs: projectInputs, today: options.today)
        let siteKey = BuildRecord.siteKey(inputs: projectInputs, pdf: options.pdf)
        let lastRun = writer.lastRun()
        let record = lastRun?.record.flatMap(BuildRecord.init(json:))

        var loaded: LoadedProject?
        let report: Checker.Report
        if let record, record.checks == checksKey, let findings = record.diagnostics {
            report = Checker.Report(findings: findings, coverage: nil)
        } else {
            loaded = LoadedProject.load(project)
            report = Checker(loaded: loaded!, today: options.today).run()
        }
        let checksReused = loaded == nil
        guard !report.failed(strict: options.strict) else {
            return Result(report: report, output: nil, fileCount: 0, pageCount: 0, renderedPages: 0, checksReused: checksReused)
        }
        // Nothing the site is made from changed, nor any file since it was written: done.
        if checksReused, let record, record.site == siteKey, let files = lastRun?.untouchedFiles() {
            return Result(
                report: report, output: OutputWriter.Report(unchanged: files), fileCount: files.count, pageCount: record.pages,
                renderedPages: 0, checksReused: true)
        }
        guard let site = Site(loaded ?? LoadedProject.load(project)) else {
            return Result(report: report, output: nil, fileCount: 0, pageCount: 0, renderedPages: 0, checksReused: checksReused)
        }
        let plan = site.plan()
        // A page's files, and with --pdf each HTML page's PDF: a page is current only when all are.
        let pdf = options.pdf != nil
        let files = { (page: Site.Page) in site.files(page) + (pdf ? site.files(page).compactMap(OutputWriter.pdfPath) : []) }
        let inputs = try await plan.concurrentMap { page in site.inputs(page) }
        var candidates: [String: String] = [:]
        for (page, fingerprint) in zip(plan, inputs) {
            for file in files(page) { candidates[file] = fingerprint }
        }
        let current = writer.current(candidates)
        let stale = zip(plan, inputs).filter { page, _ in !files(page).allSatisfy(current.contains) }
        let rendered = try await site.render(stale, progress: progress)
        let kept = BuildRecord(checks: checksKey, findings: report.findings, site: siteKey, pages: plan.count)
        let output = try writer.write(rendered, keeping: current.subtracting(stale.flatMap { files($0.0) }), record: kept.json)
        return Result(
            report: report, output: output, fileCount: candidates.count, pageCount: plan.count, renderedPages: stale.count, checksReused: checksReused)
    }
}
