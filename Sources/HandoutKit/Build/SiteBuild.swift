import Foundation

/// `handout build`: the organization's static site, as a list of steps over one loaded
/// project, the way Publish reads a website's build:
///
///     load → check → plan → render → write
///
/// Nothing is personalized and the clock never reaches a page, so the same inputs give the
/// same bytes on any day, and only files whose bytes change are rewritten.
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
        let loaded = LoadedProject.load(project)
        let report = Checker(loaded: loaded, today: options.today).run()
        guard !report.failed(strict: options.strict), let site = Site(loaded) else {
            return Result(report: report, output: nil, fileCount: 0)
        }
        let plan = site.plan()
        let files = try await site.render(plan, progress: progress)
        let output = try OutputWriter(folder: project.outputPath, mode: 0o644, scope: .wholeFolder, dryRun: options.dryRun, pdf: options.pdf).write(files)
        return Result(report: report, output: output, fileCount: files.count)
    }
}
