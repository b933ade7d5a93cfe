import Foundation
import GeoModel
import TestSupport
import Testing

@testable import Analysis

@Suite struct SharedLocationTableTests {
    /// Rows (id, block, class) from a linear congruential generator (Knuth's MMIX constants); each
    /// id always comes with the same block, as in FCC data.
    static func rows(_ n: Int) -> [(Int64, UInt64, UInt8)] {
        var x: UInt64 = 99
        return (0..<n).map { _ in
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let id = Int64(x >> 46)  // about 150 k distinct ids
            return (id, 50_000_000_000_000 + UInt64(id) * 7, UInt8(x >> 20 & 3) % 3)
        }
    }

    /// Folds `rows` into a shared table from `threads` threads, each taking every `threads`-th batch.
    static func fold(_ rows: [(Int64, UInt64, UInt8)], threads: Int) -> LocationTable {
        let shared = SharedLocationTable()
        let done = DispatchSemaphore(value: 0)
        for t in 0..<threads {
            Thread {
                var start = t * 1000
                while start < rows.count {
                    var batch = LocationBatch()
                    for r in rows[start..<min(start + 1000, rows.count)] {
                        batch.append(location: r.0, block: r.1, serviceClass: ServiceClass(rawValue: Int(r.2))!)
                    }
                    shared.add(&batch, chunk: start)
                    #expect(batch.isEmpty)
                    start += threads * 1000
                }
                done.signal()
            }.start()
        }
        for _ in 0..<threads { done.wait() }
        return LocationTable(profile: .bead2022, shared: shared, rowsSeen: rows.count, rowsIgnored: 0)
    }

    @Test(arguments: [1, 2, 8])
    func threadsGiveTheSameTableAsOneSequentialFold(threads: Int) {
        let rows = Self.rows(200_000)
        var expected = LocationClassTable()
        for r in rows { expected.add(location: r.0, block: r.1, serviceClass: ServiceClass(rawValue: Int(r.2))!) }
        let table = Self.fold(rows, threads: threads)
        #expect(table.count == expected.count)
        #expect(table.blockDisagreements == 0)
        var same = 0
        table.forEach { id, block, cls in
            if let e = expected[id], e.block == block, e.serviceClass == cls { same += 1 }
        }
        #expect(same == expected.count)
        #expect(table.rowsSeen == 200_000)

        // A row added afterwards finds its location in whichever partition holds it.
        var more = table
        let (id, block, _) = rows[0]
        more.add(
            locationID: id, block: block, technology: 50, download: 1000, upload: 1000, lowLatency: true,
            businessResidential: .residential)
        #expect(more.count == expected.count)
        #expect(more.entries[id]?.best == .served)
    }

    @Test func aLocationInTwoBlocksIsCounted() {
        let shared = SharedLocationTable()
        func add(_ block: UInt64, _ cls: Int) {
            var batch = LocationBatch()
            batch.append(location: 7, block: block, serviceClass: ServiceClass(rawValue: cls)!)
            shared.add(&batch, chunk: Int(block))
        }
        add(230_230_101_001_000, 0)
        add(230_230_101_001_000, 1)
        add(230_230_101_001_999, 2)
        let table = LocationTable(profile: .bead2022, shared: shared, rowsSeen: 3, rowsIgnored: 0)
        #expect(table.blockDisagreements == 1)
        #expect(table.entries[7] == LocationTable.Entry(block: 230_230_101_001_000, best: .served))
    }

    /// A location fold keeps only the rows its business/residential filter counts, and folds them
    /// into the shared table when flushed.
    @Test func foldKeepsTheRowsOfItsCodes() {
        let shared = SharedLocationTable()
        var profile = PolicyProfile.bead2022
        profile.businessResidential = [.residential]
        var fold = LocationFold(shared: shared, rule: ServiceRule(profile))
        fold.add(location: 1, block: 230_230_101_001_000, businessResidential: .residential, serviceClass: .served)
        fold.add(location: 2, block: 230_230_101_001_000, businessResidential: .business, serviceClass: .served)
        fold.flush(chunk: 0)
        var other = LocationFold(shared: shared, rule: ServiceRule(profile))
        other.add(
            location: 3, block: 230_230_101_001_001, businessResidential: .residential, serviceClass: .underserved)
        other.flush(chunk: 1)
        fold.merge(other)
        #expect(fold.rowsSeen == 3 && fold.rowsIgnored == 1)
        let table = LocationTable(
            profile: profile, shared: shared, rowsSeen: fold.rowsSeen,
            rowsIgnored: fold.rowsIgnored)
        #expect(table.count == 2)
        #expect(table.entries[1]?.best == .served && table.entries[2] == nil && table.entries[3]?.best == .underserved)
    }
}
