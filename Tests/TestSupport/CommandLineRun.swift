import Foundation

/// The result of running a program: what it printed and how it exited.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs programs for tests: the built `lastmile` executable, or tools such as pdftotext and ogrinfo.
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

    /// Runs `lastmile` with arguments, from `directory` (default: the repository root).
    public static func lastmile(_ arguments: [String], in directory: String? = nil,
                                environment: [String: String] = [:]) throws -> CommandResult {
        try run(lastmileExecutable, arguments, in: directory ?? TestPaths.repositoryRoot.path, environment: environment)
    }

    /// The standard output of a tool (pdfinfo, pdftotext, ogrinfo …), whatever its exit status.
    public static func output(_ tool: String, _ arguments: [String]) throws -> String {
        try run(tool, arguments).stdout
    }

    /// Runs a program found on PATH (or by absolute path) and waits for it.
    /// `environment` is added to this process's environment.
    public static func run(_ program: String, _ arguments: [String], in directory: String? = nil,
                           environment: [String: String] = [:]) throws -> CommandResult {
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
        let out = Pipe(), err = Pipe()
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
        return CommandResult(status: p.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                             stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
