import Foundation

/// The terminal take rate of an area: the base adjusted for competition and income, clamped to 0…1.
///
/// take = clamp(base × (1 + uplift × unserved share) × (1 − penalty × served share)
///              × (income / reference)^(−elasticity), 0, 1)
/// The income factor is 1 when the area's income or the reference is unknown.
public enum TakeRateModel {
    /// The factor that multiplies the base take in `area` (everything but the base and the clamp).
    public static func modifier(_ area: BusinessCaseArea, _ demand: BusinessCaseParameters.Demand,
                                referenceIncome: Double?) -> Double {
        var m = 1.0
        if let unserved = area.counts.unservedShare { m *= 1 + demand.unservedUplift * unserved }
        if area.counts.locations > 0 {
            m *= 1 - demand.competitorPenalty * Double(area.counts.served) / Double(area.counts.locations)
        }
        if let income = area.medianIncome, let ref = referenceIncome, income > 0, ref > 0 {
            m *= pow(income / ref, -demand.priceElasticity)
        }
        return max(0, m)
    }

    /// The terminal take rate for a base take rate.
    public static func takeRate(base: Double, modifier: Double) -> Double { min(1, max(0, base * modifier)) }

    /// The household-weighted mean of the areas' median incomes (weights: households, else passings);
    /// nil when no area has an income.
    public static func referenceIncome(_ areas: [BusinessCaseArea]) -> Double? {
        var sum = 0.0, weight = 0.0
        for a in areas {
            guard let income = a.medianIncome else { continue }
            let w = Double(a.households ?? a.passings)
            sum += income * w
            weight += w
        }
        return weight > 0 ? sum / weight : nil
    }
}
