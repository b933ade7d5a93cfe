/// One year's capital spending by component (the city's share of it in the subsidy scenario).
public struct CapitalLines: Hashable, Sendable {
    /// Passing the areas built this year (Cartesian group average or route model), contingency included.
    public var costToPass = 0.0
    /// Hub, OLT and cabinets of the areas built this year.
    public var hubElectronics = 0.0
    /// Pole make-ready on route-costed aerial miles.
    public var makeReady = 0.0
    /// Backhaul to an internet exchange (year 0).
    public var middleMile = 0.0
    /// Drop, ONT and per-subscriber electronics for new subscribers.
    public var connection = 0.0
    /// Replacing electronics bought `cost.electronics_refresh_years` earlier.
    public var electronicsRefresh = 0.0
    /// Marketing and sales per new subscriber.
    public var customerAcquisition = 0.0

    public init() {}

    public var total: Double {
        costToPass + hubElectronics + makeReady + middleMile + connection + electronicsRefresh + customerAcquisition
    }

    /// Every component with its name in run.json, its label in the report and its amount, in table order.
    public var lines: [(key: String, label: String, amount: Double)] {
        [
            ("cost_to_pass", "Cost to pass", costToPass),
            ("hub_electronics", "Hub, OLT and cabinets", hubElectronics),
            ("make_ready", "Pole make-ready", makeReady),
            ("middle_mile", "Middle mile", middleMile),
            ("connection", "Drops, ONTs and subscriber electronics", connection),
            ("electronics_refresh", "Electronics refresh", electronicsRefresh),
            ("customer_acquisition", "Customer acquisition", customerAcquisition),
        ]
    }

    func scaled(_ f: Double) -> CapitalLines {
        var c = self
        c.costToPass *= f; c.hubElectronics *= f; c.makeReady *= f; c.middleMile *= f
        c.connection *= f; c.electronicsRefresh *= f; c.customerAcquisition *= f
        return c
    }
}

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
    /// Capital spent this year, by component.
    public var capital: CapitalLines
    public var debtService: Double
    /// Every capital component.
    public var capex: Double { capital.total }
    /// revenue − opex − capex.
    public var netCashFlow: Double { revenue - opex - capex }
    /// (revenue − opex) ÷ debt service; nil in years without debt service.
    public var debtServiceCoverage: Double? { debtService > 0 ? (revenue - opex) / debtService : nil }
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

    /// Each capital component summed over the horizon (undiscounted).
    public var capitalTotals: CapitalLines {
        var c = CapitalLines()
        for y in years {
            c.costToPass += y.capital.costToPass; c.hubElectronics += y.capital.hubElectronics
            c.makeReady += y.capital.makeReady; c.middleMile += y.capital.middleMile
            c.connection += y.capital.connection; c.electronicsRefresh += y.capital.electronicsRefresh
            c.customerAcquisition += y.capital.customerAcquisition
        }
        return c
    }
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
