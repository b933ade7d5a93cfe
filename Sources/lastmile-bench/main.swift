import Foundation
import LastmileKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `lastmile-bench ingest DATA_DIR [--threads N]`: runs the peer benchmark's P1 pipeline on a data
/// folder made by the peer kit's `gen_data.py` (see README.md beside this file), prints rows/s, seconds and peak memory, then the
/// digest line (last, as the peer scripts print it: `bench.py` reads the last line).
/// `lastmile-bench p2 DATA_DIR [--threads N]`: the P2 spatial join (P2Pipeline), its phases' seconds, then its digest.
/// `lastmile-bench p3 DATA_DIR`: the P3 map (P3Pipeline), then its digest.
/// `lastmile-bench compare KIT DATA_DIR [--rounds N] [--only run,p1,p2,p3]`: `lastmile run`, `classify` and P1–P3 against the peer
/// kit's scripts in one interleaved sequence (PeerComparison).
/// `lastmile-bench runs-diff [--locations N]`: times `runs diff` of two N-location runs (RunsDiffBenchmark).
let usage =
    "usage: lastmile-bench ingest DATA_DIR [--threads N] | p2 DATA_DIR [--threads N] | p3 DATA_DIR"
    + " | compare KIT DATA_DIR [--rounds N] [--only run,p1,p2,p3] | runs-diff [--locations N]"

#if os(Linux)
    /// `RUSAGE_SELF` as Glibc imports it (an enum case on Linux, an `Int32` macro elsewhere).
    let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
    let RUSAGE_SELF_WHO = RUSAGE_SELF
#endif

func peakResidentMiB() -> Double {
    var usage = rusage()
    // getrusage returns 0 on success; ru_maxrss is in KiB on Linux (bytes on macOS).
    guard getrusage(RUSAGE_SELF_WHO, &usage) == 0 else { return .nan }
    #if os(Linux)
        return Double(usage.ru_maxrss) / 1024
    #else
        return Double(usage.ru_maxrss) / 1_048_576
    #endif
}

var arguments = Array(CommandLine.arguments.dropFirst())

/// Removes `option N` from the arguments and returns N (nil when absent); exits 64 when N is not a number of 1 or more.
@MainActor func countOption(_ option: String) -> Int? {
    guard let i = arguments.firstIndex(of: option) else { return nil }
    guard i + 1 < arguments.count, let n = Int(arguments[i + 1]), n >= 1 else {
        FileHandle.standardError.write(Data("lastmile-bench: \(option) expects a number of 1 or more\n\(usage)\n".utf8))
        exit(64)
    }
    arguments.removeSubrange(i...i + 1)
    return n
}
let threads = countOption("--threads") ?? AreaClassification.defaultThreads
let locations = countOption("--locations") ?? 1_000_000
let rounds = countOption("--rounds") ?? 5
/// Removes `--only A,B` from the arguments and returns the names (empty when absent).
@MainActor func namesOption(_ option: String) -> Set<String> {
    guard let i = arguments.firstIndex(of: option), i + 1 < arguments.count else { return [] }
    let names = Set(arguments[i + 1].split(separator: ",").map(String.init))
    arguments.removeSubrange(i...i + 1)
    return names
}
let only = namesOption("--only")
guard only.isSubset(of: ["run", "p1", "p2", "p3"]) else {
    FileHandle.standardError.write(Data("lastmile-bench: --only takes run, p1, p2, p3\n\(usage)\n".utf8))
    exit(64)
}
guard
    arguments == ["runs-diff"] || arguments.count == 2 && ["ingest", "p2", "p3"].contains(arguments[0])
        || arguments.count == 3 && arguments[0] == "compare"
else {
    FileHandle.standardError.write(Data("\(usage)\n".utf8))
    exit(64)
}

let start = Date()
do {
    if arguments == ["runs-diff"] {
        let d = try RunsDiffBenchmark(locations: locations).run()
        print(
            String(
                format: "lastmile-bench runs-diff: two runs of %d locations, diff in %.3f s (%d changed class, %d new, "
                    + "%d gone; storing both runs %.3f s), peak RSS %.1f MiB",
                locations, d.diffSeconds, d.changed, d.new, d.vanished, d.storeSeconds, peakResidentMiB()))
        exit(0)
    }
    if arguments[0] == "p2" {
        let p2 = try P2Pipeline(dataDirectory: arguments[1], threads: threads).run()
        print(
            String(
                format:
                    "lastmile-bench p2: %d points in %.3f s, %d thread(s), peak RSS %.1f MiB (read polygons %.3f s, "
                    + "index %.3f s, read points %.3f s, join %.3f s, digest %.3f s)",
                p2.points, Date().timeIntervalSince(start), threads, peakResidentMiB(), p2.polygonSeconds,
                p2.indexSeconds, p2.pointSeconds, p2.joinSeconds, p2.digestSeconds))
        print(p2.digest)
        exit(0)
    }
    if arguments[0] == "p3" {
        let digest = try P3Pipeline(dataDirectory: arguments[1]).run()
        print(
            String(
                format: "lastmile-bench p3: PNG 2400 px and PDF in %.3f s, peak RSS %.1f MiB",
                Date().timeIntervalSince(start), peakResidentMiB()))
        print(digest)
        exit(0)
    }
    if arguments[0] == "compare" {
        // lastmile and lastmile-bench are built side by side.
        let here = (CommandLine.arguments[0] as NSString).deletingLastPathComponent
        let bench =
            here.isEmpty ? CommandLine.arguments[0] : (here as NSString).appendingPathComponent("lastmile-bench")
        let lastmile = (here as NSString).appendingPathComponent("lastmile")
        func absolute(_ p: String) -> String {
            p.hasPrefix("/") ? p : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(p)
        }
        let comparison = PeerComparison(
            kit: absolute(arguments[1]), data: absolute(arguments[2]), rounds: rounds, only: only,
            lastmile: absolute(lastmile),
            bench: absolute(bench))
        print(try comparison.run(), terminator: "")
        exit(0)
    }
    let outcome = try P1Pipeline(dataDirectory: arguments[1], threads: threads).run()
    let seconds = Date().timeIntervalSince(start)
    print(
        String(
            format: "lastmile-bench ingest: %d BDC rows in %.3f s (%.0f rows/s), %d thread(s), peak RSS %.1f MiB "
                + "(classify %.3f s, ACS %.3f s, join+write %.3f s), wrote %@",
            outcome.rowsRead, seconds, Double(outcome.rowsRead) / seconds, threads, peakResidentMiB(),
            outcome.classifySeconds, outcome.acsSeconds, outcome.writeSeconds, outcome.outputPath))
    print(outcome.digest)
} catch let error as LastmileError {
    FileHandle.standardError.write(Data("lastmile-bench: \(error)\n".utf8))
    exit(error.exitCode)
} catch {
    FileHandle.standardError.write(Data("lastmile-bench: \(error)\n".utf8))
    exit(1)
}
