import ArgumentParser
import Foundation
import LastmileKit

/// `lastmile report --run ID`: re-renders a stored run's report, maps and charts without recomputing.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Re-render a stored run's report.pdf, maps/, charts/ and atlas.html from its report-content.json (nothing is recomputed)."
    )

    @Option(name: .customLong("run"), help: "The run: an id, or a unique prefix of one (see lastmile runs list).")
    var runID: String

    @Option(help: "Output root whose runs.sqlite to read.")
    var root: String = "reports"

    @Option(help: "The run store (SQLite). Default: <root>/runs.sqlite.")
    var store: String?

    @Option(help: "Where to write; default: the run's own folder (only the rendered files are replaced).")
    var out: String?

    @Option(help: "What to render: pdf, png, svg, html (the atlas), comma-separated.")
    var format: String = "pdf,png,svg,html"

    @Option(help: "PNG resolution in dots per inch (default: the run's report.dpi, 150).")
    var dpi: Double?

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        do { _ = try ReportFormat.parse(format) } catch { throw ValidationError("\(error)") }
        if let dpi, !(dpi >= 10 && dpi <= 1200) {
            throw ValidationError("--dpi expects a value of 10 to 1200, got \(dpi)")
        }
    }

    func run() throws {
        try reportingErrors {
            let result = try ReportRerun.render(
                storePath: RunRecovery.storePath(outputRoot: root, store: store), id: runID,
                outputDirectory: out, formats: try ReportFormat.parse(format), dpi: dpi)
            if !quiet {
                Console.out(
                    "run \(result.runID): \(English.counted(result.files.count, "file")) in \(result.outputDirectory)\n"
                        + result.files.map { "  \($0)\n" }.joined())
            }
        }
    }
}
