import Foundation

/// The terminal take rate of an area: the base adjusted for alternatives and price, clamped to 0…1.
///
/// take = clamp(base × (1 + uplift × unserved share) × (1 − penalty × served share)
///              × (ARPU / reference price)^elasticity, 0, 1)
public enum TakeRateModel {
    /// Each factor that multiplies the base take in an area.
    public struct Adjustments: Hashable, Sendable {
        /// 1 + uplift × unserved share (no alternative at all).
        public var unserved = 1.0
        /// 1 − penalty × share already served at 100/20 (a competitor).
        public var competition = 1.0
        /// (ARPU / reference price)^elasticity.
        public var price = 1.0
        public init() {}
        public var combined: Double { max(0, unserved * competition * price) }
    }

    /// The factors for `area` at the monthly price `arpu`.
    public static func adjustments(_ area: BusinessCaseArea, _ demand: BusinessCaseParameters.Demand, arpu: Double) -> Adjustments {
        var a = Adjustments()
        if let unserved = area.counts.unservedShare { a.unserved = 1 + demand.unservedUplift * unserved }
        if area.counts.locations > 0 {
            a.competition = 1 - demand.competitorPenalty * Double(area.counts.served) / Double(area.counts.locations)
        }
        a.price = priceFactor(arpu: arpu, demand)
        return a
    }

    /// (ARPU / reference price)^elasticity: 1 at the reference price or without a price.
    public static func priceFactor(arpu: Double, _ demand: BusinessCaseParameters.Demand) -> Double {
        arpu > 0 && demand.referencePrice > 0 ? pow(arpu / demand.referencePrice, demand.priceElasticity) : 1
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
