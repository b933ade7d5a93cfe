import Foundation
import LastmileKit

/// `lastmile-bench runs-diff [--locations N]`: two runs of N locations (default 1,000,000) in a fresh
/// run store, the second with 5 % of locations in another class, 1 % new and 1 % gone, then times
/// `RunHistory.diff` (what `lastmile runs diff` does) and checks its totals against the changes made.
struct RunsDiffBenchmark {
    var locations: Int

    struct Outcome {
        var storeSeconds: Double
        var diffSeconds: Double
        var changed: Int, new: Int, vanished: Int
    }

    func run() throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lastmile-bench-diff-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let storePath = folder + "/runs.sqlite"
        let store = try RunStore(path: storePath)
        // A location's class and tract are a function of its id; in the second run every 20th changes
        // class, every 100th (offset 1) is gone and 1 % new ids follow the last.
        func area(_ id: Int) -> String { String(format: "2302397%04d", id % 500) }
        func cls(_ id: Int, shifted: Bool) -> ServiceClass { ServiceClass.allCases[(id % 3 + (shifted ? 1 : 0)) % 3] }
        let before = (0..<locations).map {
            StoredLocationClass(locationID: Int64($0), areaID: area($0), serviceClass: cls($0, shifted: false))
        }
        var after: [StoredLocationClass] = []
        var expected = (changed: 0, new: 0, vanished: 0)
        for id in 0..<locations {
            if id % 100 == 1 {
                expected.vanished += 1
                continue
            }
            let shifted = id % 20 == 0
            if shifted { expected.changed += 1 }
            after.append(
                StoredLocationClass(locationID: Int64(id), areaID: area(id), serviceClass: cls(id, shifted: shifted)))
        }
        for id in locations..<(locations + locations / 100) {
            after.append(
                StoredLocationClass(locationID: Int64(id), areaID: area(id), serviceClass: cls(id, shifted: false)))
            expected.new += 1
        }
        let storing = Date()
        var ids: [RunID] = []
        for (n, rows) in [before, after].enumerated() {
            let id = try store.beginRun(
                RunStart(
                    id: RunID("20260101T00000\(n)Z-bench\(n)"), studyName: "bench", studyPath: "bench.toml",
                    toolVersion: LastmileVersion.current, studyText: "", outputDirectory: folder))
            try store.recordingTogether(for: id) { try store.recordLocations(rows.map(StoredLocation.init), for: id) }
            try store.finishRun(id, status: .done)
            ids.append(id)
        }
        let storeSeconds = Date().timeIntervalSince(storing)
        let start = Date()
        let diff = try RunHistory.diff(storePath: storePath, from: ids[0].rawValue, to: ids[1].rawValue)
        let diffSeconds = Date().timeIntervalSince(start)
        let changed = RunDiff.classChanges.reduce(0) { $0 + diff.total(from: $1.0, to: $1.1) }
        guard changed == expected.changed, diff.totalNew == expected.new, diff.totalVanished == expected.vanished else {
            throw LastmileError.failed(
                "runs diff counted \(changed) changed, \(diff.totalNew) new, \(diff.totalVanished) gone; "
                    + "expected \(expected.changed), \(expected.new), \(expected.vanished)")
        }
        return Outcome(
            storeSeconds: storeSeconds, diffSeconds: diffSeconds, changed: changed, new: diff.totalNew,
            vanished: diff.totalVanished)
    }
}
