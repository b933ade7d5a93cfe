import ArgumentParser
import Foundation
import LastmileKit

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a study: classify, join demographics, write the report and data outputs, record the run.")

    @Argument(help: "The study file (TOML).")
    var study: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var common: CommonOptions

    func run() throws {
        try reportingErrors {
            let study = try Study.load(path: self.study, overrides: output.set)
            try runAndPrint(study, output: output, common: common)
        }
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the embedded demo study (synthetic data in datasets/demo/).")

    @OptionGroup var output: OutputOptions
    @OptionGroup var common: CommonOptions

    func run() throws {
        try reportingErrors {
            let study = try Study.load(path: try DemoStudy.locate(), overrides: output.set)
            try runAndPrint(study, output: output, common: common)
        }
    }
}

/// Where outputs go, and study overrides.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output root; each run lands in DIR/<study>/<run-id>/ (a batch's in DIR/<folder name>/<run-id>/).")
    var out: String = "reports"

    @Option(help: "The run store (SQLite). Default: <out>/runs.sqlite.")
    var store: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Override a study parameter by its dotted key (in every study of a batch).", valueName: "KEY=VALUE"))
    var set: [String] = []

    @Option(help: "What the command prints (default: text; --quiet prints it only when --format is given).")
    var format: TextOrJSON?

    @Flag(
        help:
            "Fail (exit 65; in a batch, that study) on input warnings: unknown technology codes, invalid polygons, areas without a shape."
    )
    var strict = false

    @OptionGroup var edition: PublicEditionOptions

    /// What goes to stdout: the `--format` given, else the text summary, which `--quiet` leaves out.
    func printedFormat(quiet: Bool) -> TextOrJSON? { format ?? (quiet ? nil : .text) }

    func validate() throws {
        try edition.requirePublicForSuppressBelow()
        if let suppressBelow = edition.suppressBelow, suppressBelow < 1 {
            throw ValidationError("--suppress-below expects 1 or more, got \(suppressBelow)")
        }
    }
}

/// `--public` and `--suppress-below`: whether the outputs are a public edition, and its threshold.
struct PublicEditionOptions: ParsableArguments {
    @Flag(
        name: .customLong("public"),
        help: "Public edition: suppress per-area counts below --suppress-below in every output.")
    var isPublic = false

    @Option(name: .customLong("suppress-below"), help: "Smallest per-area count a public edition shows (default 11).")
    var suppressBelow: Int?

    /// The smallest per-area count shown, nil for a full (not public) edition.
    var threshold: Int? { isPublic ? (suppressBelow ?? SmallCellSuppression.defaultThreshold) : nil }

    /// For the commands' `validate()`: `--suppress-below` needs `--public`.
    func requirePublicForSuppressBelow() throws {
        if suppressBelow != nil && !isPublic {
            throw ValidationError("--suppress-below applies to --public outputs; add --public")
        }
    }
}

func runAndPrint(_ study: Study, output: OutputOptions, common: CommonOptions) throws {
    var progress: (@Sendable (String) -> Void)?
    if common.showsProgress || common.verbose {
        progress = { line in Console.error("lastmile: \(line)") }
    }
    for id in try RunRecovery.recover(storePath: RunRecovery.storePath(outputRoot: output.out, store: output.store))
    where !common.quiet {
        Console.error("lastmile: run \(id) was interrupted earlier; marked failed and its partial outputs removed")
    }
    var options = RunOptions(outputRoot: output.out, storePath: output.store, progress: progress)
    options.strict = output.strict
    options.publicThreshold = output.edition.threshold
    let outcome = try StudyRunner.run(study, options: options)
    if !common.quiet {
        for d in outcome.diagnostics { Console.error("lastmile: warning: \(d)") }
    }
    // --quiet: nothing on stdout unless the script asked for a format (errors still reach stderr).
    switch output.printedFormat(quiet: common.quiet) {
    case .json?: Console.out(outcome.json())
    case .text?: Console.out(outcome.text())
    case nil: break
    }
}
