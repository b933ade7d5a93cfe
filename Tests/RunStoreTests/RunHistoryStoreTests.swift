import Foundation
import GeoModel
import TestSupport
import Testing

@testable import RunStore

/// Ownership of running runs, location classes and their transitions, and the batch job table.
@Suite struct RunHistoryStoreTests {
    /// Location classes from (location id, area, class) rows.
    static func classes(_ rows: [(Int64, String, ServiceClass)]) -> [StoredLocationClass] {
        rows.map { StoredLocationClass(locationID: $0.0, areaID: $0.1, serviceClass: $0.2) }
    }

    @Test func orphanedRunsAreThoseWhoseProcessIsGone() throws {
        let dir = try TemporaryDirectory()
        let store = try RunStore(path: dir.file("runs.sqlite"))
        let live = try store.beginRun(RunStoreTests.sampleStart("20261128T013000Z-00000a"), owner: 100)
        let dead = try store.beginRun(RunStoreTests.sampleStart("20261128T013000Z-00000b"), owner: 200)
        let unowned = try store.beginRun(RunStoreTests.sampleStart("20261128T013000Z-00000c"), owner: nil)
        let finished = try store.beginRun(RunStoreTests.sampleStart("20261128T013000Z-00000d"), owner: 200)
        try store.finishRun(finished, status: .done)
        // Only pid 100 is alive; a running row without a pid (older versions) counts as orphaned.
        let orphans = try store.orphanedRuns(isAlive: { $0 == 100 }).map(\.id)
        #expect(orphans == [dead, unowned])
        try store.markInterrupted(dead)
        #expect(try store.run(dead)?.status == .failed)
        #expect(try store.run(dead)?.error?.hasPrefix("interrupted") == true)
        #expect(try store.run(finished)?.status == .done)  // markInterrupted never touches a finished run
        try store.markInterrupted(finished)
        #expect(try store.run(finished)?.status == .done)
        // A run begun by this process is owned from its first row: another process starting a run in
        // the same store at that moment must not take it for an interrupted one.
        let mine = try store.beginRun(RunStoreTests.sampleStart("20261128T013000Z-00000e"))
        #expect(try !store.orphanedRuns().map(\.id).contains(mine))
        // This process is alive, a pid that just exited is not.
        #expect(RunStore.processIsAlive(ProcessInfo.processInfo.processIdentifier))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        #expect(!RunStore.processIsAlive(p.processIdentifier))
    }

    @Test func transitionsCountChangedNewAndVanishedLocations() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("runs.sqlite")
        let store = try RunStore(path: path)
        let a = try store.beginRun(RunStoreTests.sampleStart("20261128T013000Z-0000a1"))
        let b = try store.beginRun(RunStoreTests.sampleStart("20261128T013001Z-0000b1"))
        // Run a: 1 unserved, 2 unserved, 3 underserved, 4 served (area X); 5 unserved (area Y).
        try store.recordLocations(
            Self.classes([
                (1, "X", .unserved), (2, "X", .unserved), (3, "X", .underserved), (4, "X", .served),
                (5, "Y", .unserved),
            ]).map(StoredLocation.init),
            for: a)
        // Run b: 1 and 2 served (2 × unserved→served), 3 served (underserved→served), 4 unchanged,
        // 5 vanished, 6 new unserved in Y.
        try store.recordLocations(
            Self.classes([
                (1, "X", .served), (2, "X", .served), (3, "X", .served), (4, "X", .served), (6, "Y", .unserved),
            ]).map(StoredLocation.init),
            for: b)
        let t = try store.locationTransitions(from: a, to: b)
        #expect(
            t == [
                LocationTransition(areaID: "X", from: .unserved, to: .served, count: 2),
                LocationTransition(areaID: "X", from: .underserved, to: .served, count: 1),
                LocationTransition(areaID: "Y", from: nil, to: .unserved, count: 1),
                LocationTransition(areaID: "Y", from: .unserved, to: nil, count: 1),
            ])
        #expect(try store.locationClassCount(a) == 5)
        #expect(try store.locationClasses(b).map(\.locationID) == [1, 2, 3, 4, 6])
        // Independent check with the sqlite3 shell: 3 of run a's locations changed class in run b.
        #expect(
            try SQLiteShell.query(
                path,
                """
                select count(*) from locations x join locations y using (location_id)
                where x.run_id = '\(a)' and y.run_id = '\(b)' and x.class <> y.class
                """) == "3")
    }

    @Test func batchJobsRoundTrip() throws {
        let dir = try TemporaryDirectory()
        let store = try RunStore(path: dir.file("runs.sqlite"))
        let when = Date(timeIntervalSince1970: 1_795_829_400)
        var job = BatchJob(
            folder: "/data/county-01", outRoot: "/out", studyPath: "/data/county-01/study.toml",
            status: .running, updatedAt: when, ownerPID: 42)
        try store.saveBatchJob(job)
        job.status = .failed
        job.error = "bad input"
        job.ownerPID = nil
        try store.saveBatchJob(job)
        try store.saveBatchJob(
            BatchJob(folder: "/data/county-02", outRoot: "/other", studyPath: "s", status: .pending, updatedAt: when))
        #expect(try store.batchJob(folder: "/data/county-01", outRoot: "/out") == job)
        #expect(try store.batchJobs(outRoot: "/out").count == 1)
        #expect(try store.batchJob(folder: "/data/county-01", outRoot: "/other") == nil)
    }
}
