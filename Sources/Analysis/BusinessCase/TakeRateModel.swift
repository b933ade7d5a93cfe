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
        /// With `demand.take_rate_basis = density_group`: the Cartesian group's assumed penetration ÷ the
        /// densest group's (45 %), so that `demand.take_rate` is the densest group's take; else 1.
        public var density = 1.0
        public init() {}
        public var combined: Double { max(0, unserved * competition * price * density) }
    }

    /// The factors for `area` at the monthly price `arpu`.
    public static func adjustments(_ area: BusinessCaseArea, _ demand: BusinessCaseParameters.Demand, arpu: Double)
        -> Adjustments
    {
        var a = Adjustments()
        if let unserved = area.counts.unservedShare { a.unserved = 1 + demand.unservedUplift * unserved }
        if area.counts.locations > 0 {
            a.competition = 1 - demand.competitorPenalty * Double(area.counts.served) / Double(area.counts.locations)
        }
        a.price = priceFactor(arpu: arpu, demand)
        if demand.takeRateBasis == .densityGroup { a.density = densityFactor(area.householdDensity) }
        return a
    }

    /// Cartesian 2019's assumed penetration for the area's density group ÷ the densest group's; the
    /// unpriced group below 63/mi² (and an area without land area) takes the sparsest priced group's (D1).
    public static func densityFactor(_ householdsPerSquareMile: Double?) -> Double {
        let groups = CostToPass.cartesian2019
        let densest = groups[0].assumedPenetration!
        let sparsest = groups.last { $0.assumedPenetration != nil }!.assumedPenetration!
        guard let d = householdsPerSquareMile else { return sparsest / densest }
        return (CostToPass.group(householdsPerSquareMile: d).assumedPenetration ?? sparsest) / densest
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
        var sum = 0.0
        var weight = 0.0
        for a in areas {
            guard let income = a.medianIncome else { continue }
            let w = Double(a.households ?? a.passings)
            sum += income * w
            weight += w
        }
        return weight > 0 ? sum / weight : nil
    }
}
