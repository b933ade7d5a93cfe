import ArgumentParser
import Foundation
import LastmileKit
import Synchronization

@main
struct Lastmile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lastmile",
        abstract: "Broadband coverage and demand planning from public FCC and Census files.",
        version: LastmileVersion.current,
        subcommands: [
            Run.self, Demo.self, Init.self, Classify.self, Inspect.self, MapCommand.self,
            Runs.self,
            Batch.self,
            ReportCommand.self, Speeds.self,
        ])

    /// ArgumentParser's `main`, with the exit code checked against failed console writes.
    static func main() {
        let code: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            code = 0
        } catch {
            code = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == 0 { Console.out(message + "\n") } else { Console.error(message) }
            }
        }
        Glibc.exit(Console.finalExitCode(code))
    }
}

/// Options every reporting command shares.
struct CommonOptions: ParsableArguments {
    @Flag(
        name: .shortAndLong,
        help:
            "Print only errors and the output asked for (a --format given, a table): no summary, warnings or progress.")
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
    } catch let error where LastmileError.fileSystem(error) != nil {
        let io = LastmileError.fileSystem(error)!
        Console.error("lastmile: error: \(io.description)")
        throw ExitCode(io.exitCode)
    }
}

/// The process's standard output and error. A write that fails (`> /dev/full`, a closed pipe) does
/// not trap: the output is given up, the failure is remembered, and the process ends in exit 74
/// (`Lastmile.main`) once the command has finished, so a run's record stays what it really is.
enum Console {
    /// The first failed write: which stream and the system's reason.
    private static let failure = Mutex<(stream: String, reason: String)?>(nil)

    static func error(_ line: String) { standardError(line + "\n") }
    static func out(_ text: String) { write(text, to: STDOUT_FILENO, named: "standard output") }
    /// Text on stderr as it is (no line break): progress lines rewrite themselves with `\r`.
    static func standardError(_ text: String) { write(text, to: STDERR_FILENO, named: "standard error") }

    private static func write(_ text: String, to fd: Int32, named stream: String) {
        if failure.withLock({ $0 != nil }) { return }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            // write returns the bytes written, or -1 with errno set.
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let reason = String(cString: strerror(n < 0 ? errno : EIO))
                failure.withLock { if $0 == nil { $0 = (stream, reason) } }
                return
            }
            bytes = bytes.dropFirst(n)
        }
    }

    /// The exit code after a command that would exit with `code`: 74 when a write failed (said on
    /// stderr when stdout was the stream that failed and stderr still works).
    static func finalExitCode(_ code: Int32) -> Int32 {
        guard let f = failure.withLock({ $0 }) else { return code }
        if f.stream == "standard output" {
            let line = Array("lastmile: error: \(f.stream): cannot write: \(f.reason)\n".utf8)
            // write returns -1 when stderr fails too; there is nowhere left to report it.
            _ = line.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
        }
        return code == 0 ? 74 : code
    }
}
