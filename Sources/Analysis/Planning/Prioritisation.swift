import GeoModel

/// Ranks areas by need and cost, selects them greedily under a capital budget and splits the
/// selection into yearly build phases.
public enum Prioritisation {
    /// Weights of the need score's parts (Lastmile's documented choice): unserved share 0.4,
    /// underserved share 0.2, share of households without internet 0.2, income need 0.2, where
    /// income need = clamp(1 − income / reference income, 0, 1). Missing parts are left out and the
    /// remaining weights rescaled to sum to 1. Score = 100 × the weighted sum.
    public static let weights = (unserved: 0.4, underserved: 0.2, noInternet: 0.2, income: 0.2)

    /// The need score 0…100.
    public static func needScore(_ a: BusinessCaseArea, referenceIncome: Double?) -> Double {
        var parts: [(weight: Double, value: Double)] = []
        if let s = a.counts.unservedShare { parts.append((weights.unserved, s)) }
        if let s = a.counts.underservedShare { parts.append((weights.underserved, s)) }
        if let s = a.noInternetShare { parts.append((weights.noInternet, s)) }
        if let income = a.medianIncome, let ref = referenceIncome, ref > 0 {
            parts.append((weights.income, min(1, max(0, 1 - income / ref))))
        }
        let total = parts.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 0 }
        return 100 * parts.reduce(0) { $0 + $1.weight * $1.value } / total
    }

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
