import Foundation

/// `lastmile-bench compare KIT DATA_DIR [--rounds N] [--only run,p1,p2,p3]`: every task (or those named)
/// against its peers in one
/// interleaved sequence — each round runs every command once, one after the other, so each sees the
/// same machine — timed as whole processes by `/usr/bin/time` (wall, user + system CPU, peak RSS).
/// Prints each command's digest (its last line of output; one per task must agree), then a table of
/// medians with the ratio to the fastest peer.
struct PeerComparison {
    /// One command of one task.
    struct Command {
        var task: String
        var tool: String
        var argv: [String]
        /// A peer (one of the kit's scripts), as opposed to Lastmile.
        var isPeer: Bool
    }

    /// One timed run.
    struct Sample {
        var wall: Double
        var cpu: Double
        var rssMiB: Double
    }

    let kit: String
    let data: String
    let rounds: Int
    /// The tasks to run (`run`, `p1`, `p2`, `p3`); every one when empty.
    let only: Set<String>
    /// The `lastmile` and `lastmile-bench` executables.
    let lastmile: String
    let bench: String

    /// The commands in the order each round runs them: for each task the peers, then Lastmile.
    func commands(scratch: String) -> [Command] {
        let python = (kit as NSString).appendingPathComponent(".venv/bin/python")
        func peer(_ task: String, _ tool: String, _ script: String, _ extra: [String] = [], python: String = python)
            -> Command
        {
            Command(
                task: task, tool: tool, argv: [python, (kit as NSString).appendingPathComponent(script), data] + extra,
                isPeer: true)
        }
        func own(_ task: String, _ tool: String, _ argv: [String]) -> Command {
            Command(task: task, tool: tool, argv: argv, isPeer: false)
        }
        let study = (scratch as NSString).appendingPathComponent("study.toml")
        let bdc = (data as NSString).appendingPathComponent("bdc_fixed.csv")
        return [
            own(
                "run (whole study)", "lastmile run", [lastmile, "run", study, "--out", scratch + "/reports", "--quiet"]),
            own(
                "run (whole study)", "lastmile classify", [lastmile, "classify", bdc, "--by", "blockgroup", "--quiet"]),
            peer("P1 classify", "DuckDB (threads=2)", "p1_duckdb.py"),
            peer("P1 classify", "polars (lazy)", "p1_polars.py"),
            own("P1 classify", "lastmile-bench ingest", [bench, "ingest", data]),
            peer("P2 spatial join", "DuckDB spatial", "p2_duckdb.py"),
            peer("P2 spatial join", "geopandas sjoin", "p2_geopandas.py", ["--method", "sjoin"]),
            own("P2 spatial join", "lastmile-bench p2", [bench, "p2", data]),
            peer("P3 render", "geopandas+matplotlib", "p3_matplotlib.py"),
            peer("P3 render", "mapnik (Cairo)", "p3_mapnik.py", python: "/usr/bin/python3"),
            own("P3 render", "lastmile-bench p3", [bench, "p3", data]),
        ]
    }

    /// The study `lastmile run` takes: the kit's block groups, ACS table and availability file.
    func writeStudy(into scratch: String) throws {
        func file(_ name: String) -> String {
            "\"" + (data as NSString).appendingPathComponent(name).replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let toml = """
            [study]
            name = "Bench state"
            area_level = "blockgroup"
            [inputs]
            areas = \(file("blockgroups.gpkg"))
            availability = [\(file("bdc_fixed.csv"))]
            demographics = \(file("acs_blockgroups.csv"))

            """
        try Data(toml.utf8).write(to: URL(fileURLWithPath: (scratch as NSString).appendingPathComponent("study.toml")))
    }

    func run() throws -> String {
        let scratch = NSTemporaryDirectory() + "lastmile-compare-\(getpid())"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try writeStudy(into: scratch)
        let commands = commands(scratch: scratch).filter { only.isEmpty || only.contains(Self.key(of: $0.task)) }
        var samples = [[Sample]](repeating: [], count: commands.count)
        var digests = [Set<String>](repeating: [], count: commands.count)
        for round in 1...rounds {
            for (i, c) in commands.enumerated() {
                // Each run of `lastmile run` starts from an empty output root and run store.
                try? FileManager.default.removeItem(atPath: scratch + "/reports")
                let (sample, last) = try time(c.argv, scratch: scratch)
                samples[i].append(sample)
                digests[i].insert(last)
                FileHandle.standardError.write(
                    Data(String(format: "round %d/%d  %-22@ %6.2f s\n", round, rounds, c.tool, sample.wall).utf8))
            }
        }
        return report(commands, samples: samples, digests: digests)
    }

    /// Runs `argv` under `/usr/bin/time`; its timing and the last line it printed.
    func time(_ argv: [String], scratch: String) throws -> (Sample, String) {
        let timing = (scratch as NSString).appendingPathComponent("time.txt")
        let output = (scratch as NSString).appendingPathComponent("stdout.txt")
        FileManager.default.createFile(atPath: output, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%e %M %U %S", "-o", timing] + argv
        process.currentDirectoryURL = URL(fileURLWithPath: kit)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchFailure("\(argv.joined(separator: " ")) exited with status \(process.terminationStatus)")
        }
        let fields = try String(contentsOfFile: timing, encoding: .utf8).split(whereSeparator: \.isWhitespace)
            .compactMap { Double($0) }
        guard fields.count == 4 else { throw BenchFailure("\(timing): expected wall, KiB, user, system") }
        let printed = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let last = printed.split(separator: "\n").last.map(String.init) ?? ""
        return (Sample(wall: fields[0], cpu: fields[2] + fields[3], rssMiB: fields[1] / 1024), last)
    }

    /// The short name of a task for `--only`: `run`, `p1`, `p2`, `p3`.
    static func key(of task: String) -> String {
        task.hasPrefix("run") ? "run" : String(task.prefix(2)).lowercased()
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    func report(_ commands: [Command], samples: [[Sample]], digests: [Set<String>]) -> String {
        var out = "Digests (the last line each command printed):\n"
        for (c, d) in zip(commands, digests) where c.task.hasPrefix("P") {
            for line in d.sorted() { out += "  \(c.tool): \(line)\n" }
        }
        out += "\n| task | tool | wall median (min–max) | CPU median | peak RSS median | wall ÷ fastest peer |\n"
        out += "|---|---|---|---|---|---|\n"
        for (i, c) in commands.enumerated() {
            let s = samples[i]
            let wall = Self.median(s.map(\.wall))
            let peers = commands.indices.filter { commands[$0].task == c.task && commands[$0].isPeer }
            let fastest = peers.map { Self.median(samples[$0].map(\.wall)) }.min()
            let ratio: String
            if let fastest, !c.isPeer {
                ratio = String(format: "%.2f×", wall / fastest)
            } else if c.tool == "lastmile run", let j = commands.firstIndex(where: { $0.tool == "lastmile classify" }) {
                ratio = String(format: "%.1f× classify", wall / Self.median(samples[j].map(\.wall)))
            } else {
                ratio = ""
            }
            out += String(
                format: "| %@ | %@ | %.2f s (%.2f–%.2f) | %.2f s | %.0f MiB | %@ |\n", c.task, c.tool, wall,
                s.map(\.wall).min() ?? 0, s.map(\.wall).max() ?? 0, Self.median(s.map(\.cpu)),
                Self.median(s.map(\.rssMiB)), ratio)
        }
        out += "\n\(rounds) round\(rounds == 1 ? "" : "s"), each command once per round in the order above.\n"
        return out
    }
}

/// A benchmark command that could not run.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
