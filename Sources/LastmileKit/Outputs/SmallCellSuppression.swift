import Analysis
import Foundation
import GeoModel

/// Small-cell suppression for public outputs: which per-area counts must not be published.
///
/// Primary: a class count from 1 to `threshold` − 1 is suppressed; when the area's whole location
/// count is below the threshold, every count of the area is. Complementary, repeated until nothing
/// changes: an area with exactly one suppressed class count (its total being public) gets its smallest
/// other non-zero class count suppressed too; a class suppressed in exactly one area (study totals
/// being public) gets suppressed in the area with that class's smallest other non-zero count; the
/// same for business-case passings. Zero
/// counts are published: they reveal no one.
public struct SmallCellSuppression: Sendable {
    /// The smallest count that may be published. Default 11: counts of 1–10 are withheld, the usual
    /// small-cell rule (e.g. CMS cell size suppression policy, and the default).
    public static let defaultThreshold = 11

    /// The counts of an area: its locations, by class, and its business-case passings (residential
    /// and mixed-use locations, which can be few where locations are many).
    public enum Cell: Hashable, Sendable, CaseIterable { case locations, unserved, underserved, served, passings }

    public let threshold: Int
    /// Suppressed cells per area; areas absent from the dictionary are published in full.
    public private(set) var suppressed: [AreaID: Set<Cell>] = [:]

    /// - Parameter passings: business-case passings per area (suppressed alone, with the column rule).
    public init(
        results: [AreaResult], passings: [AreaID: Int] = [:], threshold: Int = SmallCellSuppression.defaultThreshold
    ) {
        self.threshold = threshold
        func value(_ r: AreaResult, _ c: Cell) -> Int {
            switch c {
            case .locations: r.counts.locations
            case .unserved: r.counts.unserved
            case .underserved: r.counts.underserved
            case .served: r.counts.served
            case .passings: passings[r.id] ?? 0
            }
        }
        let classes: [Cell] = [.unserved, .underserved, .served]
        var s: [AreaID: Set<Cell>] = [:]
        for r in results {
            let n = r.counts.locations
            if n > 0 && n < threshold {
                s[r.id] = Set(Cell.allCases)
                continue
            }
            let small = (classes + [.passings]).filter { value(r, $0) > 0 && value(r, $0) < threshold }
            if !small.isEmpty { s[r.id] = Set(small) }
        }
        var changed = true
        while changed {
            changed = false
            // Row rule: one suppressed class in an area whose total is public.
            for r in results {
                guard let cells = s[r.id], !cells.contains(.locations) else { continue }
                let hidden = classes.filter { cells.contains($0) }
                if hidden.count == 1 {
                    let candidates = classes.filter { !cells.contains($0) && value(r, $0) > 0 }
                    if let extra = candidates.min(by: { value(r, $0) < value(r, $1) }) {
                        s[r.id]!.insert(extra)
                        changed = true
                    }
                }
            }
            // Column rule: a class (or passings) suppressed in a single area.
            for c in classes + [.passings] {
                let hiddenIn = results.filter { s[$0.id]?.contains(c) == true }
                guard hiddenIn.count == 1 else { continue }
                let candidates = results.filter { s[$0.id]?.contains(c) != true && value($0, c) > 0 }
                if let extra = candidates.min(by: { (value($0, c), $0.id.rawValue) < (value($1, c), $1.id.rawValue) }) {
                    s[extra.id, default: []].insert(c)
                    changed = true
                }
            }
        }
        suppressed = s
    }

    public func isSuppressed(_ area: AreaID, _ cell: Cell) -> Bool { suppressed[area]?.contains(cell) == true }
    public func hasSuppression(_ area: AreaID) -> Bool { suppressed[area] != nil }
    /// Areas with at least one suppressed count, sorted.
    public var suppressedAreas: [AreaID] { suppressed.keys.sorted() }
}
