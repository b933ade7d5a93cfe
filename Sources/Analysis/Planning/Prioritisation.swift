import GeoModel

/// Ranks areas by need and cost, selects them greedily under a capital budget and splits the
/// selection into yearly build phases.
public enum Prioritisation {
    /// Priority order: need score descending, then cost per unserved location ascending (areas
    /// without unserved locations last), then id.
    public static func ranked(_ plans: [AreaPlan]) -> [AreaPlan] {
        plans.sorted { a, b in
            if a.needScore != b.needScore { return a.needScore > b.needScore }
            switch (a.costPerUnservedLocation, b.costPerUnservedLocation) {
            case (let x?, let y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.id < b.id
            }
        }
    }

    /// Assigns phases: walks the ranked candidates, keeps each whose cost to pass still fits the
    /// budget (skipping those that do not), then splits the kept areas, in rank order, into
    /// `phases` groups of about equal capital (an area goes to the phase holding the midpoint of
    /// its capital on the cumulative scale).
    public static func assignPhases(
        _ plans: [AreaPlan], candidate: (AreaPlan) -> Bool, budget: Double?,
        phases: Int
    ) -> [AreaPlan] {
        var out = ranked(plans)
        var spent = 0.0
        var selected: [Int] = []
        for i in out.indices {
            out[i].phase = nil
            guard candidate(out[i]), out[i].passings > 0 else { continue }
            if let budget, spent + out[i].passCapex > budget { continue }
            spent += out[i].passCapex
            selected.append(i)
        }
        let n = max(1, phases)
        var cumulative = 0.0
        for i in selected {
            let mid = cumulative + out[i].passCapex / 2
            cumulative += out[i].passCapex
            let phase = spent > 0 ? min(n, Int(mid / spent * Double(n)) + 1) : 1
            out[i].phase = phase
        }
        return out
    }
}
