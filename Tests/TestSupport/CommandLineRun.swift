import Foundation
import Testing

/// The result of running a program: what it printed and how it exited.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// The exit a test expects of a command: `.success` (0, the default) or `.exit(code)`.
public enum ExpectedExit: Sendable, Equatable, CustomStringConvertible {
    case success
    case exit(Int32)

    public var code: Int32 {
        switch self {
        case .success: 0
        case .exit(let code): code
        }
    }

    public var description: String { "exit \(code)" }
}

/// What a test expects on a command's stderr. The default is `.empty`: a command that succeeds says
/// nothing there, so any warning, progress line or stray debug print fails the test until the test
/// names it.
public struct ExpectedStderr: Sendable, CustomStringConvertible {
    enum Rule: Sendable {
        case empty
        case anything
        case containing([String])
        case exactly(String)
        case matching(String)
    }

    let rule: Rule

    /// Nothing at all on stderr (the default).
    public static let empty = ExpectedStderr(rule: .empty)
    /// Anything, including nothing: for output the test does not pin (progress, or a test that checks
    /// stderr itself). Use sparingly and say why at the call.
    public static let allowed = ExpectedStderr(rule: .anything)
    /// Every one of `parts` somewhere in stderr.
    public static func containing(_ parts: String...) -> ExpectedStderr { ExpectedStderr(rule: .containing(parts)) }
    /// Exactly `text`, byte for byte.
    public static func exactly(_ text: String) -> ExpectedStderr { ExpectedStderr(rule: .exactly(text)) }
    /// A match of the regular expression `pattern` (NSRegularExpression syntax) somewhere in stderr;
    /// anchor it with `\A` and `\z` to pin the whole of it.
    public static func matching(_ pattern: String) -> ExpectedStderr { ExpectedStderr(rule: .matching(pattern)) }

    public var description: String {
        switch rule {
        case .empty: "empty stderr"
        case .anything: "any stderr"
        case .containing(let parts): "stderr containing " + parts.map { "\"\($0)\"" }.joined(separator: " and ")
        case .exactly(let text): "stderr exactly \"\(text)\""
        case .matching(let pattern): "stderr matching /\(pattern)/"
        }
    }

    /// Why `stderr` does not meet the expectation, or nil when it does.
    public func problem(with stderr: String) -> String? {
        switch rule {
        case .empty:
            return stderr.isEmpty ? nil : "expected an empty stderr"
        case .anything:
            return nil
        case .containing(let parts):
            let missing = parts.filter { !stderr.contains($0) }
            return missing.isEmpty ? nil : "stderr lacks " + missing.map { "\"\($0)\"" }.joined(separator: " and ")
        case .exactly(let text):
            return stderr == text ? nil : "expected stderr exactly \"\(text)\""
        case .matching(let pattern):
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return "invalid pattern /\(pattern)/" }
            let range = NSRange(stderr.startIndex..., in: stderr)
            return regex.firstMatch(in: stderr, range: range) == nil ? "stderr does not match /\(pattern)/" : nil
        }
    }
}

extension CommandResult {
    /// Everything about this result that differs from the expectation (empty when it meets it).
    public func mismatches(expecting exit: ExpectedExit, stderr expected: ExpectedStderr) -> [String] {
        var out: [String] = []
        if status != exit.code { out.append("exit \(status), expected \(exit.code)") }
        if let problem = expected.problem(with: stderr) { out.append(problem) }
        return out
    }
}

/// Runs programs for tests: the built `lastmile` executable, or tools such as pdftotext and ogrinfo.
///
/// `lastmile(_:)` checks the exit code and stderr of every call, by default exit 0 and an empty
/// stderr; a test that expects otherwise says so:
///
///     try CommandLineRun.lastmile(["classify", path])                            // exit 0, stderr empty
///     try CommandLineRun.lastmile(["run", bad], expecting: .exit(65), stderr: .containing("line 3"))
///     try CommandLineRun.lastmile(["init", dir], stderr: .containing("407 tracts were summed"))
///
/// A mismatch is recorded as a test issue at the caller's line, naming the command and showing the
/// start of its stderr and stdout; the result is returned either way for the test's own checks.
public enum CommandLineRun {
    /// The `lastmile` executable built next to the test bundle (`.build/debug/lastmile`).
    public static var lastmileExecutable: String {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [bundleDir, bundleDir.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("lastmile").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return TestPaths.repo(".build/debug/lastmile")
    }

    /// Runs `lastmile` with arguments, from `directory` (default: the repository root), and records an
    /// issue unless it exits as `exit` says (default 0) with stderr as `stderr` says (default empty).
    /// `environment` is added to this process's environment.
    @discardableResult
    public static func lastmile(
        _ arguments: [String], in directory: String? = nil,
        environment: [String: String] = [:],
        expecting exit: ExpectedExit = .success, stderr: ExpectedStderr = .empty,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CommandResult {
        let r = try run(
            lastmileExecutable, arguments, in: directory ?? TestPaths.repositoryRoot.path,
            environment: environment)
        check(r, command: ["lastmile"] + arguments, expecting: exit, stderr: stderr, sourceLocation: sourceLocation)
        return r
    }

    /// Records one issue per mismatch between `result` and the expectation, at `sourceLocation`.
    /// For a `lastmile` started some other way (under `timeout`, or by `sh -c` with a redirection).
    public static func check(
        _ result: CommandResult, command: [String], expecting exit: ExpectedExit = .success,
        stderr: ExpectedStderr = .empty, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let mismatches = result.mismatches(expecting: exit, stderr: stderr)
        guard !mismatches.isEmpty else { return }
        let shown = command.map { $0.count > 120 ? String($0.prefix(60)) + "…(\($0.count) characters)" : $0 }
        let message =
            "\(shown.joined(separator: " ")): " + mismatches.joined(separator: "; ")
            + "\n--- stderr (\(result.stderr.utf8.count) bytes):\n" + excerpt(result.stderr)
            + "\n--- stdout (\(result.stdout.utf8.count) bytes):\n" + excerpt(result.stdout)
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// The first 2,000 characters of `text`, marked when cut.
    static func excerpt(_ text: String) -> String {
        text.count <= 2_000 ? text : String(text.prefix(2_000)) + "\n…(\(text.count - 2_000) more characters)"
    }

    /// The standard output of a tool (pdfinfo, pdftotext, ogrinfo …), whatever its exit status.
    public static func output(_ tool: String, _ arguments: [String]) throws -> String {
        try run(tool, arguments).stdout
    }

    /// The lines a `python3` script prints (an independent calculation to compare with), whatever its exit status.
    public static func pythonLines(_ script: String, _ arguments: [String]) throws -> [String] {
        try output("python3", [script] + arguments).split(separator: "\n").map(String.init)
    }

    /// Runs the `sqlite3` shell, an independent reader of a run store, on one SQL text; nothing is checked.
    public static func sqlite3(_ database: String, _ sql: String) throws -> CommandResult {
        try run("sqlite3", [database, sql])
    }

    /// Runs a program found on PATH (or by absolute path) and waits for it; nothing is checked.
    /// `environment` is added to this process's environment.
    public static func run(
        _ program: String, _ arguments: [String], in directory: String? = nil,
        environment: [String: String] = [:]
    ) throws -> CommandResult {
        let p = Process()
        if !environment.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if program.hasPrefix("/") {
            p.executableURL = URL(fileURLWithPath: program)
            p.arguments = arguments
        } else {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [program] + arguments
        }
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var stderrData = Data()
        group.enter()
        DispatchQueue.global().async {
            stderrData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return CommandResult(
            status: p.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
