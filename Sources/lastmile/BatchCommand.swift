import ArgumentParser
import Foundation
import LastmileKit

/// `lastmile batch DIR… | --manifest FILE`: one study per folder, resumable.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one study per folder (each with a study.toml, or --template), resuming after a crash.",
        discussion: """
            Outputs go to OUT/<folder name>/<run-id>/. A job table in the run store records each study's \
            status; re-running the same command skips studies already done with unchanged inputs (SHA-256) \
            and restarts interrupted ones. Exit 0 when every study succeeded, 2 when some failed.
            """)

    @Argument(help: "Study folders.")
    var folders: [String] = []

    @Option(help: "A file listing study folders, one per line (relative to the file; # comments).")
    var manifest: String?

    @Option(help: "Studies run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        help: "A study file for folders without study.toml: paths resolve in each folder; {folder} becomes its name.")
    var template: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs expects 1 or more, got \(jobs)") }
        guard !folders.isEmpty || manifest != nil else {
            throw ValidationError("give study folders or --manifest FILE")
        }
    }

    func run() throws {
        var code: Int32 = 0
        try reportingErrors {
            var all = folders
            if let manifest { all += try BatchRunner.folders(fromManifest: manifest) }
            let display = BatchProgressDisplay(
                terminal: isatty(STDERR_FILENO) != 0 && (common.progress ?? true),
                enabled: !common.quiet && (common.progress ?? true), verbose: common.verbose)
            let summary = try BatchRunner.run(
                BatchRunner.Options(
                    folders: all, outputRoot: output.out, storePath: output.store, jobs: jobs, templatePath: template,
                    strict: output.strict, overrides: output.set, publicThreshold: output.edition.threshold,
                    progress: { display.show($0) }))
            display.finish()
            // --quiet: no summary unless a format was asked for; a failed study is an error, on stderr.
            switch output.printedFormat(quiet: common.quiet) {
            case .json?: Console.out(summary.json())
            case .text?: Console.out(summary.text())
            case nil: for r in summary.failed { Console.error("lastmile: error: \(r.folder): \(r.error ?? "failed")") }
            }
            code = summary.exitCode
        }
        if code != 0 { throw ExitCode(code) }
    }
}
