import GeoModel

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
        c.costToPass *= f
        c.hubElectronics *= f
        c.makeReady *= f
        c.middleMile *= f
        c.connection *= f
        c.electronicsRefresh *= f
        c.customerAcquisition *= f
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
    /// Grant received this year.
    public var grant: Double = 0
    public var debtService: Double
    /// Every capital component.
    public var capex: Double { capital.total }
    /// revenue + grant − opex − capex.
    public var netCashFlow: Double { revenue + grant - opex - capex }
    /// (revenue − opex) ÷ debt service; nil in years without debt service. A debt service below a cent a
    /// year (a bond share of 1e-300) counts as none, so the ratio stays finite.
    public var debtServiceCoverage: Double? { debtService >= 0.01 ? (revenue - opex) / debtService : nil }
}

/// A scenario's cash flows, metrics and risk.
public struct ScenarioResult: Hashable, Sendable, CarriesScenarioMetrics {
    public var definition: ScenarioDefinition
    public var years: [YearCashFlow]
    /// Capital, NPV, IRR, paybacks, break-even take rate, bond and lowest coverage.
    public var metrics: ScenarioMetrics
    /// The bond behind `bondAmount`: capitalised interest, reserve, payment and years.
    public var bond = BondSchedule(
        financed: 0, rate: 0, termYears: 1, capitalizedInterestYears: 0, debtServiceReserve: false)
    /// The grant this scenario receives in total.
    public var grant: Double = 0
    /// The total grant that makes the NPV zero; nil when nothing is built.
    public var fundingGap: FundingGap?
    /// Coverage of the bond's debt service against the covenant.
    public var debtServiceCoverage = CoverageTest(years: [], covenant: 1.25)
    /// The city's cumulative cash after debt service: its worst point.
    public var generalFundExposure = GeneralFundExposure(cumulative: [])
    /// Sorted by swing, widest first.
    public var tornado: [TornadoBar]
    public var monteCarlo: MonteCarloSummary

    public var cashFlows: [Double] { years.map(\.netCashFlow) }

    /// Each capital component summed over the horizon (undiscounted).
    public var capitalTotals: CapitalLines {
        var c = CapitalLines()
        for y in years {
            c.costToPass += y.capital.costToPass
            c.hubElectronics += y.capital.hubElectronics
            c.makeReady += y.capital.makeReady
            c.middleMile += y.capital.middleMile
            c.connection += y.capital.connection
            c.electronicsRefresh += y.capital.electronicsRefresh
            c.customerAcquisition += y.capital.customerAcquisition
        }
        return c
    }
}

/// The grant that makes a scenario's NPV zero, received in step with the cost to pass as any grant is.
public struct FundingGap: Hashable, Sendable {
    /// The total grant (including any grant the study already gives) at which the NPV is zero; 0 when the
    /// scenario already has a non-negative NPV without a grant.
    public var total: Double
    /// `total` ÷ passings built.
    public var perPassing: Double
}

/// Debt-service coverage (revenue − opex) ÷ debt service, year by year, against a covenant.
public struct CoverageTest: Hashable, Sendable {
    /// (year, coverage) for every year with debt service.
    public var years: [(year: Int, coverage: Double)]
    public var covenant: Double
    public var minimum: Double? { years.map(\.coverage).min() }
    public var maximum: Double? { years.map(\.coverage).max() }
    /// Years whose coverage is below the covenant.
    public var yearsBelowCovenant: [Int] { years.filter { $0.coverage < covenant }.map(\.year) }

    public static func == (a: CoverageTest, b: CoverageTest) -> Bool {
        a.covenant == b.covenant && a.years.map(\.year) == b.years.map(\.year)
            && a.years.map(\.coverage) == b.years.map(\.coverage)
    }
    public func hash(into h: inout Hasher) {
        h.combine(covenant)
        for y in years {
            h.combine(y.year)
            h.combine(y.coverage)
        }
    }
}

/// What the general fund would have to carry: the cumulative cash after debt service (revenue + grant +
/// bond proceeds − opex − capital − debt service), and its lowest point.
public struct GeneralFundExposure: Hashable, Sendable {
    /// Cumulative cash at the end of each year 0…horizon.
    public var cumulative: [Double]
    /// The most negative cumulative cash (0 when it never goes below zero).
    public var worst: Double { min(0, cumulative.min() ?? 0) }
    /// The year of the worst point; nil when the cash never goes below zero.
    public var worstYear: Int? {
        guard worst < 0 else { return nil }
        return cumulative.firstIndex(of: cumulative.min()!)
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
    /// The correlations the draws assumed (take rate with ARPU; between capital components).
    public var takeARPUCorrelation = 0.0
    public var costCorrelation = 0.0
    public var p10: Double
    public var p50: Double
    public var p90: Double
    public var mean: Double
    public var probabilityNPVNegative: Double
    /// Every draw's NPV, sorted ascending (for the histogram).
    public var sortedNPVs: [Double]
}
