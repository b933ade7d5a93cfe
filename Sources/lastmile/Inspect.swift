import ArgumentParser
import LastmileKit

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say what a file is: driver, layers, CRS, fields, row count and the known schema it matches.")

    @Argument(help: "Any GDAL vector source or CSV (.csv, .csv.gz, .zip).")
    var path: String

    @Option(help: "What the command prints.")
    var format: TextOrJSON = .text

    func run() throws {
        try reportingErrors {
            let report = try Inspection.inspect(path: path)
            Console.out(format == .json ? report.json() : report.text())
        }
    }
}
