import ArgumentParser
import Foundation
import LastmileKit

/// `lastmile runs list|show|diff`: the run history kept in the run store.
struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show and compare recorded runs.",
        subcommands: [List.self, Show.self, Diff.self])

    /// Where the store is and how to print.
    struct StoreOptions: ParsableArguments {
        @Option(help: "Output root whose runs.sqlite to read.")
        var out: String = "reports"
        @Option(help: "The run store (SQLite). Default: <out>/runs.sqlite.")
        var store: String?
        @Option(help: "What the command prints.")
        var format: OutputFormat = .text

        var storePath: String { RunRecovery.storePath(outputRoot: out, store: store) }
        var outputFormat: OutputFormat { format }

        /// Prints the rendering `--format` asks for; only that one is computed.
        func printFormatted(
            text: @autoclosure () -> String, csv: @autoclosure () -> String, json: @autoclosure () -> String
        ) {
            switch format {
            case .text: Console.out(text())
            case .csv: Console.out(csv())
            case .json: Console.out(json())
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every run, newest first: id, study, date, status, key numbers.")
        @OptionGroup var options: StoreOptions

        func run() throws {
            try reportingErrors {
                let runs = try RunHistory.list(storePath: options.storePath)
                options.printFormatted(
                    text: RunHistoryFormatting.listText(runs), csv: RunHistoryFormatting.listCSV(runs),
                    json: RunHistoryFormatting.listJSON(runs))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One run: inputs, parameters, diagnostics, totals (CSV: per-area counts).")
        @Argument(help: "A run id, or a unique prefix of one.")
        var id: String
        @OptionGroup var options: StoreOptions

        func run() throws {
            try reportingErrors {
                let detail = try RunHistory.show(storePath: options.storePath, id: id)
                options.printFormatted(
                    text: RunHistoryFormatting.showText(detail), csv: RunHistoryFormatting.showCSV(detail),
                    json: RunHistoryFormatting.showJSON(detail))
            }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "What changed from run A to run B, per area: locations by class, class transitions, new and vanished locations."
        )
        @Argument(help: "The earlier run (id or unique prefix).")
        var a: String
        @Argument(help: "The later run (id or unique prefix).")
        var b: String
        @OptionGroup var options: StoreOptions
        @Option(help: "Also write a map (.svg or .png) of the locations upgraded to served, per area.")
        var map: String?
        @Flag(help: "List every location whose class changed (location_id,area,from,to) instead of the per-area table.")
        var locations = false

        func run() throws {
            try reportingErrors {
                if locations {
                    Console.out(
                        try RunHistory.locationChanges(
                            storePath: options.storePath, from: a, to: b,
                            json: options.outputFormat == .json))
                    return
                }
                let diff = try RunHistory.diff(storePath: options.storePath, from: a, to: b)
                if let map { try RunDiffMap.write(diff, storePath: options.storePath, to: map) }
                options.printFormatted(text: diff.text(), csv: diff.csv(), json: diff.json())
            }
        }
    }
}
