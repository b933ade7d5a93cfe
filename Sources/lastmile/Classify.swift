import ArgumentParser
import Foundation
import LastmileKit

struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Classify FCC BDC availability files and print locations by class per area.")

    @Argument(help: "FCC BDC fixed availability files (.csv, .csv.gz, .zip).")
    var files: [String]

    @Option(help: "Aggregate to block, blockgroup, tract, county or state; or location for one row per location.")
    var by: String = "tract"

    @Option(help: "Policy profile: bead-2022, bead-2025, fcc-2024, or form477-25-3 for legacy Form 477 files.")
    var profile: String = "bead-2022"

    @Option(name: .customLong("business-residential"), help: "Codes to count, e.g. R,X (default R,B,X as NTIA).")
    var businessResidential: String?

    @Option(help: "The counts per area as CSV or JSON.")
    var format: CSVOrJSON = .csv

    @Option(
        help:
            "Parsing threads (default: one per active processor core; at most four per core). The result does not depend on it."
    )
    var threads: Int?

    @Flag(help: "Fail (exit 65) when rows carry a technology code the FCC does not define.")
    var strict = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard AreaLevel(rawValue: by) != nil || by == "location" else {
            throw ValidationError(
                "--by expects location or one of \(AreaLevel.allCases.map(\.rawValue).joined(separator: ", ")), got '\(by)'"
            )
        }
        guard !files.isEmpty else { throw ValidationError("give at least one availability file") }
        if let threads, threads < 1 { throw ValidationError("--threads expects a number of 1 or more, got \(threads)") }
    }

    func run() throws {
        try reportingErrors {
            if profile == Form477BlockTable.profileName {
                // Legacy Form 477 deployment files: blocks, served at 25/3 by any fixed terrestrial consumer offering.
                let result = try AreaClassification.runForm477(files: files, level: AreaLevel(rawValue: by)!)
                Console.out(format == .json ? result.json() : result.csv())
                return
            }
            var policy = try PolicyProfile.named(profile)
            if let businessResidential {
                policy.businessResidential = Set(
                    try businessResidential.split(separator: ",").map {
                        guard let c = BusinessResidentialCode(rawValue: $0.trimmingCharacters(in: .whitespaces)) else {
                            throw LastmileError.usage("--business-residential expects codes R, B or X, got '\($0)'")
                        }
                        return c
                    })
            }
            if by == "location" {
                Console.out(
                    try LocationClassification.text(
                        files: files, profile: policy,
                        threads: threads ?? AreaClassification.defaultThreads, json: format == .json))
                return
            }
            // Progress overwrites one stderr line (carriage return), cleared when the read is done.
            var progress: (@Sendable (String) -> Void)?
            if common.showsProgress {
                progress = { line in Console.standardError("\r\u{1B}[Klastmile: " + line) }
            }
            let result: AreaClassification
            do {
                defer { if progress != nil { Console.standardError("\r\u{1B}[K") } }
                result = try AreaClassification.run(
                    files: files, level: AreaLevel(rawValue: by)!, profile: policy,
                    threads: threads ?? AreaClassification.defaultThreads, progress: progress)
            }
            if result.unknownTechnologyRows > 0 {
                let message =
                    "\(English.counted(result.unknownTechnologyRows, "availability row")) "
                    + (result.unknownTechnologyRows == 1
                        ? "carries a technology code the FCC does not define; it counts as non-qualifying"
                        : "carry a technology code the FCC does not define; they count as non-qualifying")
                if strict {
                    throw LastmileError.badInput(
                        SourceLocation(file: files.joined(separator: ", "), column: "technology"),
                        "--strict: " + message)
                }
                if !common.quiet { Console.error("lastmile: warning: " + message) }
            }
            if let universe = result.universe.statement(profile: policy), !result.universe.isComplete {
                if strict {
                    throw LastmileError.badInput(
                        SourceLocation(file: files.joined(separator: ", "), column: "technology"),
                        "--strict: " + universe)
                }
                if !common.quiet { Console.error("lastmile: warning: " + universe) }
            }
            Console.out(format == .json ? result.json() : result.csv())
            if common.verbose {
                Console.error(
                    "lastmile: \(English.counted(result.rowsRead, "row")), \(English.counted(result.totals.locations, "location")), "
                        + English.counted(result.rows.count, "area")
                )
            }
        }
    }
}
