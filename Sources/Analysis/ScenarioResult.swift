/// One year of a scenario's cash flow, from the city's point of view (dollars, nominal).
public struct YearCashFlow: Hashable, Sendable {
    /// 0 = now (first construction), 1…horizon.
    public var year: Int
    /// Passings in service (built in an earlier year).
    public var passingsInService: Double
    /// Subscribers at the end of the year.
    public var subscribers: Double
    public var revenue: Double
    public var opex: Double
    public var capex: Double
    public var debtService: Double
    /// revenue − opex − capex.
    public var netCashFlow: Double { revenue - opex - capex }
    /// (revenue − opex) ÷ debt service; nil in years without debt service. A debt service below a cent a year (a bond share of 1e-300) counts
    /// as none, so the ratio stays finite.
    public var debtServiceCoverage: Double? { debtService >= 0.01 ? (revenue - opex) / debtService : nil }
}

/// A scenario's cash flows, metrics and risk.
public struct ScenarioResult: Hashable, Sendable {
    public var definition: ScenarioDefinition
    public var years: [YearCashFlow]
    /// The city's capital outlay over the horizon (undiscounted).
    public var capex: Double
    public var npv: Double
    /// Nil when the cash flows never change sign.
    public var irr: Double?
    public var paybackYears: Double?
    public var discountedPaybackYears: Double?
    /// The `demand.take_rate` at which the NPV is 0; nil when none in 0…1 does it.
    public var breakEvenTakeRate: Double?
    public var bondAmount: Double
    public var minimumDebtServiceCoverage: Double?
    /// Sorted by swing, widest first.
    public var tornado: [TornadoBar]
    public var monteCarlo: MonteCarloSummary

    public var cashFlows: [Double] { years.map(\.netCashFlow) }
}

/// One driver's effect on the NPV at its low and high values (others at base).
public struct TornadoBar: Hashable, Sendable {
    public var driver: RiskDriver
    public var lowMultiplier: Double
    public var highMultiplier: Double
    public var npvAtLow: Double
    public var npvAtHigh: Double
    public var swing: Double { abs(npvAtHigh - npvAtLow) }
}

/// The distribution of NPV over seeded random draws.
public struct MonteCarloSummary: Hashable, Sendable {
    public var draws: Int
    public var seed: UInt64
    public var p10: Double
    public var p50: Double
    public var p90: Double
    public var mean: Double
    public var probabilityNPVNegative: Double
    /// Every draw's NPV, sorted ascending (for the histogram).
    public var sortedNPVs: [Double]
}
