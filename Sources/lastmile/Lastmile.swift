import ArgumentParser
import Foundation
import LastmileKit

@main
struct Lastmile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lastmile",
        abstract: "Broadband coverage and demand planning from public FCC and Census files.",
        version: LastmileVersion.current,
        subcommands: [Run.self, Demo.self, Init.self, Classify.self, Inspect.self, MapCommand.self,
                      Runs.self,
                      Batch.self,
                      ReportCommand.self])
}

/// Options every reporting command shares.
struct CommonOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false
    @Flag(name: .shortAndLong, help: "Print more detail on stderr.")
    var verbose = false
    @Flag(inversion: .prefixedNo, help: "Show progress on stderr (default: only when stderr is a terminal).")
    var progress: Bool?

    var showsProgress: Bool { !quiet && (progress ?? (isatty(STDERR_FILENO) != 0)) }
}

/// Runs a command body, turning Lastmile errors into a message on stderr and the documented exit code
/// (1 failed, 64 usage, 65 bad input, 74 I/O).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as LastmileError {
        Console.error("lastmile: error: \(error.description)")
        throw ExitCode(error.exitCode)
    }
}

enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
