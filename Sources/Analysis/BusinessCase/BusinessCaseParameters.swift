import GeoModel

/// Every assumption of the business case, with documented defaults. The study file's [demand],
/// [cost], [finance], [plan], [risk] and [scenarios.*] tables fill it (see LastmileKit's
/// `BusinessCaseSettings`, which also prints each default's source on the report's method page).
public struct BusinessCaseParameters: Hashable, Sendable {
    /// Defaults other code quotes.
    public enum CostDefaults {
        public static let constructionCostIndex = 1.227
    }

    /// Who subscribes, and when.
    public struct Demand: Hashable, Sendable {
        /// Base terminal take rate (share of passings subscribing at saturation). Default 45 %: Cartesian
        /// 2019's assumed penetration in its densest group (50–70 % in sparser groups).
        public var takeRate = 0.45
        /// How the base take varies by area: the same everywhere, or Cartesian's assumed penetration by
        /// density group (45/50/60/70 %), scaled so that `takeRate` is the densest group's.
        public enum TakeRateBasis: String, Hashable, Sendable, CaseIterable {
            case fixed
            case densityGroup = "density_group"
        }
        public var takeRateBasis = TakeRateBasis.fixed
        /// Relative uplift of the take rate in an area where every location is unserved (no
        /// alternative): × (1 + uplift × unserved share). Planning assumption.
        public var unservedUplift = 0.25
        /// Relative reduction where every location already has a served (100/20) competitor:
        /// × (1 − penalty × served share). Planning assumption.
        public var competitorPenalty = 0.25
        /// Price elasticity of broadband demand. Default −0.62: Carare, McGovern, Noriega & Schwarz (2015),
        /// Information Economics and Policy 30 (bias-corrected). Applied to the price against `referencePrice`.
        public var priceElasticity = -0.62
        /// The monthly price at which the price adjustment is 1. Default $65: average U.S. internet bill
        /// (Boyce 2024, Telecommunications Policy 48(10)). The take is × (ARPU / reference price)^elasticity.
        public var referencePrice = 65.0
        /// The study's reference income, reported with the business case (the need score ranks income
        /// within the study and does not use it); nil = the household-weighted mean of the areas' ACS
        /// median incomes.
        public var referenceIncome: Double?
        /// Compound yearly growth of households (and passings). Default 0.5 %/year, a planning
        /// assumption (no published source) used when no earlier ACS table gives a trend.
        public var householdGrowth = 0.005
        /// The adoption curve toward the terminal take. Default: the ramp 45/75/90/100 %.
        public var adoption = AdoptionCurve.ramp(AdoptionCurve.defaultRamp)
        /// Yearly churn: churned subscribers are replaced by the diffusion but pay for half a year
        /// less on average (revenue × (1 − churn / 2)). Default 12 %/year (about 1 %/month): Lastmile assumption.
        public var churn = 0.12

        public init() {}
    }

    /// What it costs to pass and connect.
    public struct Cost: Hashable, Sendable {
        public enum Method: String, Hashable, Sendable, CaseIterable { case density, route }
        /// Density (Cartesian group averages) or route ($/ft × route miles). The study settings make
        /// route the default when a road layer is given.
        public var method = Method.density
        /// Multiplies Cartesian's 2019 dollars to today's. Default 1.227: BLS CPI-U, U.S. city
        /// average, annual average 2024 (313.689) ÷ 2019 (255.657).
        public var constructionCostIndex = CostDefaults.constructionCostIndex
        /// Route model: share of route built underground (the rest aerial). Planning assumption.
        public var undergroundShare = 0.5
        /// Route model: $ per foot underground. Default $18 (FBA/Cartesian 2025 median).
        public var undergroundPerFoot = 18.0
        /// Route model: $ per foot aerial. Default $8 (FBA/Cartesian 2025 median).
        public var aerialPerFoot = 8.0
        /// Route model without a road layer: route miles = factor × √(passings × square miles), the
        /// Beardwood–Halton–Hammersley tour length of n random points in an area (constant ≈ 0.7124,
        /// Percus & Martin 1996).
        public var routeFactor = 0.7124
        /// Drop and ONT per new subscriber. Default $650 (FTTH Council / CSMG).
        public var dropAndONT = 650.0
        /// Network electronics (OLT port, optics) per new subscriber. Planning assumption.
        public var electronicsPerSubscriber = 150.0
        /// Hub, OLT chassis and cabinets per passing, spent when an area is built. Planning assumption.
        public var hubElectronicsPerPassing = 100.0
        /// Pole make-ready per aerial route mile (route-costed areas only: Cartesian's averages are
        /// whole-plant costs). Planning assumption.
        public var makeReadyPerAerialMile = 10_000.0
        /// Middle mile (backhaul to an internet exchange), spent in year 0: a fixed amount plus miles × $ per
        /// mile. Defaults 0: planning assumption.
        public var middleMile = 0.0
        public var middleMileMiles = 0.0
        public var middleMilePerMile = 0.0
        /// Electronics (hub and per-subscriber) are replaced this many years after they are bought, and every
        /// as many years again. Planning assumption.
        public var electronicsRefreshYears = 10
        /// Share of the electronics' first cost spent at each refresh. Planning assumption.
        public var electronicsRefreshShare = 1.0
        /// Marketing and sales per new subscriber (no contingency). Planning assumption.
        public var customerAcquisitionPerSubscriber = 100.0
        /// Contingency on all capital costs. Planning assumption (planning-level estimates carry 10–20 %).
        public var contingency = 0.10

        public init() {}
    }

    /// Revenue, operating cost, discounting and financing.
    public struct Finance: Hashable, Sendable {
        /// Retail revenue per subscriber per month. Default $65 (Frontier Communications consumer fiber
        /// ARPU $65.40, Q3 2024; average U.S. internet bill about $65/month, Boyce 2024).
        public var arpu = 65.0
        /// Yearly change of prices and fees. Default 0 (flat nominal prices): Lastmile assumption.
        public var priceChange = 0.0
        /// Operating cost per subscriber per month (support, billing, backhaul). Default $20: Lastmile assumption.
        public var opexPerSubscriberMonth = 20.0
        /// Operating cost per passing per year (plant maintenance, locates, pole fees). Default $30: Lastmile assumption.
        public var opexPerPassingYear = 30.0
        /// Fixed yearly overhead (staff, network operations centre, billing system, insurance) from year 1.
        /// Default $250,000: planning assumption.
        public var opexFixedYear = 250_000.0
        /// Discount rate. Default 4 %: planning assumption, near recent tax-exempt municipal bond yields.
        public var discountRate = 0.04
        /// Years of cash flow after year 0. Default 20: planning assumption (no published source).
        public var horizonYears = 20
        /// Share of the city's capital financed by a bond issued in year 0. Default 100 %: Lastmile assumption.
        public var bondShare = 1.0
        /// Bond interest rate. Default 4 %: planning assumption (check a current official statement).
        public var bondRate = 0.04
        /// Bond term in years (level debt service). Planning assumption.
        public var bondTermYears = 20
        /// Years of interest during construction borrowed into the bond (debt service starts after them).
        /// Default 0.
        public var capitalizedInterestYears = 0
        /// Borrow one year's debt service as a reserve, held and released in the last year. Default false.
        public var debtServiceReserve = false
        /// Grant (e.g. BEAD, ReConnect) received in total, in every scenario, paid in step with the cost to
        /// pass (a reimbursement of construction). Default 0.
        public var grant = 0.0
        /// Grant per passing built, added to `grant`. Default 0.
        public var grantPerPassing = 0.0
        /// Debt-service coverage a revenue bond's rate covenant requires. Default 1.25×: a common
        /// municipal revenue-bond rate covenant (1.20–1.25×; check the bond's official statement).
        public var dscrCovenant = 1.25

        public init() {}
    }

    /// Which areas are built, and when.
    public struct Plan: Hashable, Sendable {
        /// Capital budget for passing areas (cost to pass incl. contingency); nil = no limit.
        public var capitalBudget: Double?
        /// Number of yearly build phases. Default 3: Lastmile assumption (three construction seasons).
        public var phases = 3
        /// Build every area, not only those with unserved or underserved locations. Default false.
        public var includeServedAreas = false
        /// What is built in an area.
        public enum Build: String, Hashable, Sendable, CaseIterable {
            /// Every location of the area, as a municipal retail network would.
            case areas
            /// Only the unserved and underserved locations, as a BEAD-style subsidy would.
            case eligibleLocations = "eligible_locations"
        }
        public var build = Build.areas
        /// Areas whose share of locations already served at 100/20 is above this are not built (unless
        /// `includeServedAreas`). Default 0.8: planning assumption.
        public var maxServedShare = 0.8

        public init() {}
    }

    /// Sensitivity and Monte Carlo settings.
    public struct Risk: Hashable, Sendable {
        /// Low and high multipliers of each driver. Default ±20 %: planning assumption (no published source).
        public var ranges: [RiskDriver: ClosedRange<Double>] = Dictionary(
            uniqueKeysWithValues: RiskDriver.allCases.map { ($0, 0.8...1.2) })
        /// Correlation of the take-rate and ARPU draws (Gaussian copula). Default −0.5: planning assumption
        /// (a price above plan goes with fewer subscribers, as a negative price elasticity implies).
        public var takeARPUCorrelation = -0.5
        /// Correlation between any two capital components' draws (a common labour-and-materials factor).
        /// Default 0.5: planning assumption.
        public var costCorrelation = 0.5
        /// Monte Carlo draws. Default 10,000.
        public var draws = 10_000
        /// Seed of the Monte Carlo generator: the same seed gives the same draws.
        public var seed: UInt64 = 20_261_128

        public init() {}
    }

    public var demand = Demand()
    /// The need score's weights ([need]).
    public var need = NeedWeights()
    public var cost = Cost()
    public var finance = Finance()
    public var plan = Plan()
    public var risk = Risk()
    /// Scenarios side by side; when empty one retail scenario named "retail" is evaluated.
    public var scenarios: [ScenarioDefinition] = []

    public init() {}
}

/// A quantity the tornado and Monte Carlo vary, as a multiplier of its base value.
public enum RiskDriver: String, Hashable, Sendable, CaseIterable, Comparable {
    case takeRate = "take_rate"
    case cost
    case arpu
    case opex
    case discountRate = "discount_rate"

    /// Drivers the Monte Carlo draws (triangular); the discount rate is a choice, not an uncertainty.
    public static let monteCarloDrivers: [RiskDriver] = [.takeRate, .cost, .arpu, .opex]

    public var label: String {
        switch self {
        case .takeRate: "Take rate"
        case .cost: "Capital cost"
        case .arpu: "Revenue per subscriber"
        case .opex: "Operating cost"
        case .discountRate: "Discount rate"
        }
    }

    public static func < (a: RiskDriver, b: RiskDriver) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
