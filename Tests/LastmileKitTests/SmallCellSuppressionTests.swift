import Analysis
import Foundation
import GeoModel
import Testing

@testable import LastmileKit

@Suite struct SmallCellSuppressionTests {
    static func area(_ id: String, _ u: Int, _ d: Int, _ s: Int) -> AreaResult {
        AreaResult(id: AreaID(id), name: id, counts: ClassCounts(unserved: u, underserved: d, served: s))
    }

    @Test func primaryRowAndColumnRules() {
        // A: 40 unserved, 5 underserved, 60 served → underserved 5 is primary; the row rule adds the
        //    smaller of the rest (unserved 40).
        // B: 3 + 2 + 4 = 9 locations < 11 → the whole area.
        // C: 20, 30, 0 → nothing small; but the served column is hidden only in B (4)... B hides all,
        //    and A does not hide served, so served is hidden in one area: the column rule hides C's
        //    smallest non-zero served — C has 0 served, so D's served (50) is hidden; D's row then
        //    has one hidden class and gets its smallest other (unserved 12) hidden too.
        // D: 12, 0, 50.
        let s = SmallCellSuppression(results: [
            Self.area("A", 40, 5, 60), Self.area("B", 3, 2, 4),
            Self.area("C", 20, 30, 0), Self.area("D", 12, 0, 50),
        ])
        #expect(s.suppressed[AreaID("A")] == [.underserved, .unserved])
        #expect(s.suppressed[AreaID("B")] == Set(SmallCellSuppression.Cell.allCases))
        #expect(s.suppressed[AreaID("C")] == nil)
        #expect(s.suppressed[AreaID("D")] == [.served, .unserved])
        // Every class hidden anywhere is hidden in at least two areas; no area shows its total with one class hidden.
        for c in [SmallCellSuppression.Cell.unserved, .underserved, .served] {
            let n = s.suppressed.values.filter { $0.contains(c) }.count
            #expect(n == 0 || n >= 2, "\(c)")
        }
        for (_, cells) in s.suppressed where !cells.contains(.locations) {
            #expect(cells.count >= 2)
        }
    }

    @Test func zeroAndLargeCountsArePublished() {
        let s = SmallCellSuppression(results: [Self.area("A", 0, 11, 100), Self.area("B", 0, 0, 0)])
        #expect(s.suppressedAreas.isEmpty)
        let t = SmallCellSuppression(results: [Self.area("A", 0, 11, 100)], threshold: 12)
        // 11 < 12: underserved hidden; the row rule hides served (the only other non-zero class).
        #expect(t.suppressed[AreaID("A")] == [.underserved, .served])
    }
}
