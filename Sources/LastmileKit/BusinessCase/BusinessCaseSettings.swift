import Foundation
import GeoModel
import Analysis

/// The business-case keys of a study file ([demand], [cost], [finance], [plan], [risk],
/// [scenarios.NAME]): their defaults, sources and allowed ranges, and how they become
/// `BusinessCaseParameters`. The same table feeds `Study.knownKeys` and the report's method page.
public struct BusinessCaseSettings: Sendable {
    /// One parameter as the method page prints it.
    public struct Line: Hashable, Sendable {
        public var key: String
        /// The value used, as text.
        public var value: String
        /// "study file" when the study (or --set) gave it, else the source of the default.
        public var source: String
    }

    /// A documented key: default (as text), source of the default, allowed values.
    struct Setting {
        let key: String
        let defaultText: String
        let source: String
        let allowed: String
    }

    public var parameters: BusinessCaseParameters
    /// Residential business/residential codes counted as passings.
    public var residentialCodes: Set<BusinessResidentialCode>
    /// Every parameter with the value used and its source, in table order.
    public var lines: [Line]
    /// An earlier ACS table for the household trend (resolved against the study's folder), and the years between the two.
    public var earlierDemographicsPath: String?
    public var earlierDemographicsYears: Int?
    /// A road-centreline layer for measured route miles (resolved against the study's folder), its layer,
    /// and the MTFCC classes kept (nil: `RoadNetwork.defaultClasses` when the layer has MTFCC).
    public var roadsPath: String?
    public var roadsLayer: String?
    public var roadClasses: [String]?
    /// True when the study sets demand.household_growth itself (the ACS trend then does not replace it).
    public var householdGrowthGiven: Bool

    static let assumption = "planning assumption (no published source); replace with a local figure"

    /// Fixed keys, in the order the method page lists them.
    static let settings: [Setting] = [
        Setting(key: "demand.take_rate", defaultText: "0.45", source: "Cartesian for the Fiber Broadband Association, FTTH Study 2019: assumed penetration 45 % in its densest group (50–70 % in sparser groups)", allowed: "0 to 1"),
        Setting(key: "demand.take_rate_basis", defaultText: "fixed", source: "fixed: demand.take_rate in every area; density_group: Cartesian 2019's assumed penetration by density group (45/50/60/70 %, D1's below 63/mi²) scaled so that demand.take_rate is the densest group's", allowed: "fixed or density_group"),
        Setting(key: "demand.unserved_uplift", defaultText: "0.25", source: assumption, allowed: "0 to 10"),
        Setting(key: "demand.competitor_penalty", defaultText: "0.25", source: assumption, allowed: "0 to 1"),
        Setting(key: "demand.price_elasticity", defaultText: "-0.62", source: "Carare, McGovern, Noriega & Schwarz (2015), Information Economics and Policy 30: bias-corrected broadband price elasticity (Dutz, Orszag & Willig 2009 estimate −0.69 for 2008)", allowed: "-10 to 0"),
        Setting(key: "demand.reference_price", defaultText: "65", source: "average U.S. internet bill about $65/month (Boyce 2024, Telecommunications Policy 48(10)); take × (ARPU ÷ reference price)^elasticity", allowed: "greater than 0, at most 1,000,000 (dollars)"),
        Setting(key: "demand.reference_income", defaultText: "household-weighted mean of area median incomes", source: "ACS B19013 of the study; the need score's income part", allowed: "1 to 10,000,000 (dollars)"),
        Setting(key: "demand.household_growth", defaultText: "0.005", source: assumption + " (used without an earlier ACS table)", allowed: "-0.5 to 0.5"),
        Setting(key: "demand.households_earlier", defaultText: "none", source: "an earlier ACS 5-year table: household_growth becomes the compound yearly rate between the two (unless set)", allowed: "a path to an ACS table"),
        Setting(key: "demand.households_earlier_years", defaultText: "from the ACS file names (ACSDT5Y2017 → ACSDT5Y2022 = 5)", source: "data.census.gov file naming", allowed: "whole years 1 to 30"),
        Setting(key: "demand.adoption", defaultText: "ramp", source: "a feasibility pro forma ramps to its terminal take within 3–5 years; most of a fiber cohort's penetration arrives within about two years of launch (Frontier Communications cohort reporting, 2024)", allowed: "ramp or bass"),
        Setting(key: "demand.ramp", defaultText: "[0.45, 0.75, 0.9, 1.0]", source: assumption + " (share of the terminal take in years 1, 2, … after an area is lit)", allowed: "a list of 1 to 30 shares, each 0 to 1"),
        Setting(key: "demand.bass_p", defaultText: "0.03", source: "Sultan, Farley & Lehmann (1990) meta-analysis mean", allowed: "greater than 0, at most 1"),
        Setting(key: "demand.bass_q", defaultText: "0.38", source: "Sultan, Farley & Lehmann (1990) meta-analysis mean", allowed: "0 to 5"),
        Setting(key: "demand.observed_subscribers", defaultText: "none", source: "when given, p and q are fitted by least squares (Bass 1969)", allowed: "a list of at least 3 cumulative counts ≥ 0"),
        Setting(key: "demand.churn", defaultText: "0.12", source: "about 1 %/month; Frontier reported 1.29 %/month (Q2 2025)", allowed: "0 to 1"),
        Setting(key: "demand.residential", defaultText: "[\"R\", \"X\"]", source: "FCC BDC location fabric codes: residential (R) and mixed-use (X) locations are homes a network passes", allowed: "codes R, B, X"),
        Setting(key: "cost.method", defaultText: "route with inputs.roads, else density", source: "density: Cartesian for the Fiber Broadband Association, FTTH Study 2019 group averages; route: measured road miles × $/ft", allowed: "density or route"),
        Setting(key: "cost.construction_cost_index", defaultText: "1.227", source: "BLS CPI-U, U.S. city average, annual average 2024 (313.689) ÷ 2019 (255.657); brings Cartesian's 2019 dollars to 2024", allowed: "greater than 0, at most 10"),
        Setting(key: "cost.underground_share", defaultText: "0.5", source: assumption, allowed: "0 to 1"),
        Setting(key: "cost.underground_per_foot", defaultText: "18", source: "Fiber Broadband Association / Cartesian, Fiber Deployment Cost Annual Report 2025: median underground $/ft", allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "cost.aerial_per_foot", defaultText: "8", source: "Fiber Broadband Association / Cartesian, Fiber Deployment Cost Annual Report 2025: median aerial $/ft", allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "cost.route_factor", defaultText: "0.7124", source: "Beardwood–Halton–Hammersley tour constant (Percus & Martin 1996)", allowed: "greater than 0, at most 10"),
        Setting(key: "inputs.roads", defaultText: "none: route miles estimated from area and passings", source: "cost.route_factor × √(passings × square miles); with a road layer, its centreline length clipped to each area (GeoIO RoadNetwork)", allowed: "a path to any GDAL line source (TIGER/Line roads .zip, GeoPackage, GeoJSON)"),
        Setting(key: "inputs.roads_layer", defaultText: "the only layer", source: "GDAL layer of inputs.roads", allowed: "a layer name"),
        Setting(key: "cost.road_classes", defaultText: "[\"S1200\", \"S1400\", \"S1640\"] when the road layer has MTFCC, else every line", source: "Census MTFCC definitions: secondary roads, local roads and service drives reach addressed structures", allowed: "a list of MTFCC codes (e.g. S1100, S1200, S1400, S1640)"),
        Setting(key: "cost.drop_and_ont", defaultText: "650", source: "FTTH Council / CSMG via benton.org (about $650 per subscriber; Cartesian 2019: $550)", allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "cost.electronics_per_subscriber", defaultText: "150", source: assumption, allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "cost.hub_electronics_per_passing", defaultText: "100", source: assumption + " (hub, OLT chassis, cabinets; spent when an area is built)", allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "cost.make_ready_per_aerial_mile", defaultText: "10000", source: assumption + " (pole make-ready on route-costed aerial miles)", allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "cost.middle_mile", defaultText: "0", source: assumption + " (set the quoted cost of backhaul to an internet exchange; spent in year 0)", allowed: "0 to 1,000,000,000 (dollars)"),
        Setting(key: "cost.middle_mile_miles", defaultText: "0", source: assumption + " (route miles of backhaul the network builds itself)", allowed: "0 to 100,000 (miles)"),
        Setting(key: "cost.middle_mile_per_mile", defaultText: "0", source: assumption + " ($ per middle-mile route mile, added to cost.middle_mile)", allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "cost.electronics_refresh_years", defaultText: "10", source: assumption + " (electronics replaced every 10 years)", allowed: "whole years 0 (never) to 100"),
        Setting(key: "cost.electronics_refresh_share", defaultText: "1.0", source: assumption + " (share of the electronics' first cost spent at each refresh)", allowed: "0 to 5"),
        Setting(key: "cost.customer_acquisition", defaultText: "100", source: assumption + " (marketing and sales per new subscriber)", allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "cost.contingency", defaultText: "0.10", source: assumption + " (planning estimates carry 10–20 %)", allowed: "0 to 5"),
        Setting(key: "finance.arpu", defaultText: "65", source: "Frontier Communications 8-K: consumer fiber ARPU $65.40 (Q3 2024); average U.S. internet bill about $65/month (Boyce 2024, Telecommunications Policy 48(10))", allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "finance.price_change", defaultText: "0", source: assumption + " (flat nominal prices)", allowed: "-0.5 to 0.5"),
        Setting(key: "finance.opex_per_subscriber_month", defaultText: "20", source: assumption, allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "finance.opex_per_passing_year", defaultText: "30", source: assumption, allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "finance.opex_fixed_year", defaultText: "250000", source: assumption + " (fixed yearly overhead: staff, network operations, billing system, insurance)", allowed: "0 to 1,000,000,000 (dollars)"),
        Setting(key: "finance.discount_rate", defaultText: "0.04", source: assumption + " (near recent tax-exempt municipal bond yields)", allowed: "-0.5 (−50 %) to 1"),
        Setting(key: "finance.horizon_years", defaultText: "20", source: assumption, allowed: "whole years 1 to 100"),
        Setting(key: "finance.bond_share", defaultText: "1.0", source: assumption, allowed: "0 to 1"),
        Setting(key: "finance.bond_rate", defaultText: "0.04", source: assumption + " (check the rate in a current official statement)", allowed: "-0.5 to 1"),
        Setting(key: "finance.bond_term_years", defaultText: "20", source: assumption, allowed: "whole years 1 to 100"),
        Setting(key: "finance.capitalized_interest_years", defaultText: "0", source: "none: debt service starts in year 1; n > 0 borrows n years of interest during construction and starts debt service in year n + 1", allowed: "whole years 0 to 10"),
        Setting(key: "finance.debt_service_reserve", defaultText: "false", source: "true borrows one year's debt service as a reserve, held and released in the last year of debt service", allowed: "true or false"),
        Setting(key: "finance.grant", defaultText: "0", source: "none assumed; e.g. a BEAD or ReConnect award, received in step with the cost to pass, in every scenario", allowed: "0 to 1,000,000,000,000 (dollars)"),
        Setting(key: "finance.grant_per_passing", defaultText: "0", source: "none assumed; added to finance.grant for each passing built", allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "finance.dscr_covenant", defaultText: "1.25", source: "municipal revenue-bond rate covenants commonly require 1.20–1.25× coverage (e.g. 'a rate covenant of 1.25x' in Fitch reports quoted by the Farlex Financial Dictionary); check the bond's official statement", allowed: "0 to 10"),
        Setting(key: "plan.capital_budget", defaultText: "no limit", source: "build every area with unserved or underserved locations", allowed: "greater than 0, at most 1,000,000,000,000 (dollars)"),
        Setting(key: "plan.phases", defaultText: "3", source: assumption + " (three construction seasons)", allowed: "whole numbers 1 to 50"),
        Setting(key: "plan.include_served_areas", defaultText: "false", source: "build only where there is need (areas with unserved or underserved locations, served share at most plan.max_served_share)", allowed: "true or false"),
        Setting(key: "plan.build", defaultText: "areas", source: "areas: every location of a built area, as a municipal retail network would; eligible_locations: only unserved and underserved locations, as a BEAD-style subsidy would, costed by their share of the area's plant", allowed: "areas or eligible_locations"),
        Setting(key: "plan.max_served_share", defaultText: "0.8", source: assumption + " (an area mostly served at 100/20 already is not built)", allowed: "0 to 1"),
        Setting(key: "risk.take_rate_range", defaultText: "[0.8, 1.2]", source: assumption + " (±20 %)", allowed: "[low, high] multipliers with 0 ≤ low ≤ 1 ≤ high ≤ 10"),
        Setting(key: "risk.cost_range", defaultText: "[0.8, 1.2]", source: assumption + " (±20 %)", allowed: "[low, high] multipliers with 0 ≤ low ≤ 1 ≤ high ≤ 10"),
        Setting(key: "risk.arpu_range", defaultText: "[0.8, 1.2]", source: assumption + " (±20 %)", allowed: "[low, high] multipliers with 0 ≤ low ≤ 1 ≤ high ≤ 10"),
        Setting(key: "risk.opex_range", defaultText: "[0.8, 1.2]", source: assumption + " (±20 %)", allowed: "[low, high] multipliers with 0 ≤ low ≤ 1 ≤ high ≤ 10"),
        Setting(key: "risk.discount_rate_range", defaultText: "[0.8, 1.2]", source: assumption + " (±20 %); tornado only", allowed: "[low, high] multipliers with 0 ≤ low ≤ 1 ≤ high ≤ 10"),
        Setting(key: "risk.take_arpu_correlation", defaultText: "-0.5", source: assumption + " (a price above plan goes with fewer subscribers, as a negative price elasticity implies)", allowed: "-1 to 1"),
        Setting(key: "risk.cost_correlation", defaultText: "0.5", source: assumption + " (capital components share labour and materials prices)", allowed: "0 to 1"),
        Setting(key: "risk.draws", defaultText: "10000", source: "enough draws that P10/P50/P90 are stable to about 1 % (Monte Carlo standard error falls as 1/√draws)", allowed: "whole numbers 100 to 1,000,000"),
        Setting(key: "risk.seed", defaultText: "20261128", source: "fixed so that a rerun repeats the draws", allowed: "a whole number ≥ 0"),
    ]

    /// Keys of one scenario table, [scenarios.NAME].
    static let scenarioFields: [Setting] = [
        Setting(key: "kind", defaultText: "required", source: "retail, wholesale or subsidy", allowed: "retail, wholesale or subsidy"),
        Setting(key: "label", defaultText: "the table name", source: "", allowed: "text"),
        Setting(key: "arpu", defaultText: "finance.arpu", source: "", allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "opex_per_subscriber_month", defaultText: "finance.opex_per_subscriber_month", source: "", allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "opex_per_passing_year", defaultText: "finance.opex_per_passing_year", source: "", allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "opex_fixed_year", defaultText: "finance.opex_fixed_year (0 for subsidy)", source: "", allowed: "0 to 1,000,000,000 (dollars)"),
        Setting(key: "bond_share", defaultText: "finance.bond_share", source: "", allowed: "0 to 1"),
        Setting(key: "wholesale_per_subscriber_month", defaultText: "35", source: assumption + " (about half the retail ARPU)", allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "wholesale_per_passing_month", defaultText: "0", source: assumption, allowed: "0 to 1,000,000 (dollars)"),
        Setting(key: "capital_contribution", defaultText: "0.25", source: assumption, allowed: "0 to 1"),
        Setting(key: "revenue_share", defaultText: "0", source: assumption, allowed: "0 to 1"),
    ]

    /// `key: "default (source)"` for Study.knownKeys-style lookups.
    public static var knownKeys: [String: String] {
        var out: [String: String] = [:]
        for s in settings { out[s.key] = s.source.isEmpty ? s.defaultText : "\(s.defaultText) (\(s.source))" }
        return out
    }

    /// True for `scenarios.NAME.FIELD` with a known field.
    public static func isScenarioKey(_ key: String) -> Bool {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0] == "scenarios" && !parts[1].isEmpty
            && scenarioFields.contains { $0.key == parts[2] }
    }

    /// Reads the business-case keys.
    /// - Throws: `.badInput` naming the study file and the key, with the allowed range, for a value
    ///   of the wrong type or out of range, an unknown scenario kind, or observations that fit no Bass curve.
    public init(values v: [String: StudyValue], file: String) throws {
        var lines: [Line] = []
        func bad(_ key: String, _ what: String) -> LastmileError { .badInput(SourceLocation(file: file, column: key), what) }
        func allowed(_ key: String) -> String {
            if let s = Self.settings.first(where: { $0.key == key }) { return s.allowed }
            let field = key.split(separator: ".").last.map(String.init) ?? key
            return Self.scenarioFields.first { $0.key == field }?.allowed ?? ""
        }
        func number(_ key: String, _ ok: (Double) -> Bool) throws -> Double? {
            guard let value = v[key] else { return nil }
            let d: Double
            switch value {
            case .number(let x): d = x
            case .integer(let i): d = Double(i)
            default: throw bad(key, "\(key) must be a number (allowed: \(allowed(key))), found \(value.typeName) \(value)")
            }
            guard d.isFinite, ok(d) else { throw bad(key, "\(key) is out of range: allowed \(allowed(key)), found \(value)") }
            return d
        }
        func integer(_ key: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let value = v[key] else { return nil }
            guard case .integer(let i) = value else {
                throw bad(key, "\(key) must be a whole number (allowed: \(allowed(key))), found \(value.typeName) \(value)")
            }
            guard range.contains(i) else { throw bad(key, "\(key) is out of range: allowed \(allowed(key)), found \(i)") }
            return i
        }
        func text(_ key: String) throws -> String? {
            guard let value = v[key] else { return nil }
            guard case .string(let s) = value else { throw bad(key, "\(key) must be text (allowed: \(allowed(key))), found \(value.typeName) \(value)") }
            return s
        }
        // Every range is closed and finite so that every derived quantity stays finite (README, "Study
        // values"): dollar amounts per unit at most a million, rates above -50 % (a discount factor
        // over 100 years stays below 2^100).
        let amount: (Double) -> Bool = { $0 >= 0 && $0 <= 1e6 }
        let yearlyAmount: (Double) -> Bool = { $0 >= 0 && $0 <= 1e9 }
        let share: (Double) -> Bool = { $0 >= 0 && $0 <= 1 }
        let rate: (Double) -> Bool = { $0 >= -0.5 && $0 <= 1 }

        var p = BusinessCaseParameters()
        // demand
        if let x = try number("demand.take_rate", share) { p.demand.takeRate = x }
        if let b = try text("demand.take_rate_basis") {
            guard let basis = BusinessCaseParameters.Demand.TakeRateBasis(rawValue: b) else {
                throw bad("demand.take_rate_basis", "demand.take_rate_basis must be \(allowed("demand.take_rate_basis")), found '\(b)'")
            }
            p.demand.takeRateBasis = basis
        }
        if let x = try number("demand.unserved_uplift", { $0 >= 0 && $0 <= 10 }) { p.demand.unservedUplift = x }
        if let x = try number("demand.competitor_penalty", share) { p.demand.competitorPenalty = x }
        if let x = try number("demand.price_elasticity", { $0 >= -10 && $0 <= 0 }) { p.demand.priceElasticity = x }
        if let x = try number("demand.reference_income", { $0 >= 1 && $0 <= 1e7 }) { p.demand.referenceIncome = x }
        if let x = try number("demand.household_growth", { $0 >= -0.5 && $0 <= 0.5 }) { p.demand.householdGrowth = x }
        if let path = try text("demand.households_earlier"), !path.isEmpty {
            let folder = (file as NSString).deletingLastPathComponent
            earlierDemographicsPath = path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
        } else {
            earlierDemographicsPath = nil
        }
        earlierDemographicsYears = try integer("demand.households_earlier_years", 1...30)
        householdGrowthGiven = v["demand.household_growth"] != nil
        if let x = try number("demand.reference_price", { $0 > 0 && $0 <= 1e6 }) { p.demand.referencePrice = x }
        let adoptionKind = try text("demand.adoption")
        if let k = adoptionKind, k != "ramp", k != "bass" {
            throw bad("demand.adoption", "demand.adoption must be \(allowed("demand.adoption")), found '\(k)'")
        }
        if let value = v["demand.ramp"] {
            let key = "demand.ramp"
            guard case .list(let items) = value, (1...30).contains(items.count) else { throw bad(key, "\(key) must be \(allowed(key)), found \(value)") }
            let shares = try items.map { item -> Double in
                switch item {
                case .integer(let i) where i >= 0 && i <= 1: return Double(i)
                case .number(let d) where d >= 0 && d <= 1: return d
                default: throw bad(key, "\(key) must be \(allowed(key)), found \(item)")
                }
            }
            p.demand.adoption = .ramp(shares)
        }
        var bass = BassDiffusion()
        if let x = try number("demand.bass_p", { $0 > 0 && $0 <= 1 }) { bass.p = x }
        if let x = try number("demand.bass_q", { $0 >= 0 && $0 <= 5 }) { bass.q = x }
        if let value = v["demand.observed_subscribers"] {
            let key = "demand.observed_subscribers"
            guard case .list(let items) = value else { throw bad(key, "\(key) must be \(allowed(key)), found \(value)") }
            let counts = try items.map { item -> Double in
                switch item {
                case .integer(let i) where i >= 0: return Double(i)
                case .number(let d) where d >= 0 && d.isFinite: return d
                default: throw bad(key, "\(key) must be \(allowed(key)), found \(item)")
                }
            }
            guard let fit = BassDiffusion.fit(cumulativeSubscribers: counts) else {
                throw bad(key, "\(key): these counts fit no saturating Bass curve (need \(allowed(key)) that grow and level off)")
            }
            bass = fit.curve
        }
        // Bass when asked for, or when observed counts are given and the study names no curve.
        if adoptionKind == "bass" || (adoptionKind == nil && v["demand.observed_subscribers"] != nil) { p.demand.adoption = .bass(bass) }
        if let x = try number("demand.churn", share) { p.demand.churn = x }
        var residential: Set<BusinessResidentialCode> = [.residential, .both]
        if let value = v["demand.residential"] {
            let key = "demand.residential"
            let items: [StudyValue]
            if case .list(let l) = value { items = l } else { items = [value] }
            residential = Set(try items.map { item in
                guard case .string(let s) = item, let c = BusinessResidentialCode(rawValue: s) else {
                    throw bad(key, "\(key) must be \(allowed(key)), found \(item)")
                }
                return c
            })
        }
        // cost
        if let m = try text("cost.method") {
            guard let method = BusinessCaseParameters.Cost.Method(rawValue: m) else {
                throw bad("cost.method", "cost.method must be \(allowed("cost.method")), found '\(m)'")
            }
            p.cost.method = method
        }
        if let x = try number("cost.construction_cost_index", { $0 > 0 && $0 <= 10 }) { p.cost.constructionCostIndex = x }
        if let x = try number("cost.underground_share", share) { p.cost.undergroundShare = x }
        if let x = try number("cost.underground_per_foot", amount) { p.cost.undergroundPerFoot = x }
        if let x = try number("cost.aerial_per_foot", amount) { p.cost.aerialPerFoot = x }
        if let x = try number("cost.route_factor", { $0 > 0 && $0 <= 10 }) { p.cost.routeFactor = x }
        if let path = try text("inputs.roads"), !path.isEmpty, path != "none" {
            let folder = (file as NSString).deletingLastPathComponent
            roadsPath = path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
        } else {
            roadsPath = nil
        }
        roadsLayer = try text("inputs.roads_layer")
        if let value = v["cost.road_classes"] {
            let key = "cost.road_classes"
            let items: [StudyValue]
            if case .list(let l) = value { items = l } else { items = [value] }
            roadClasses = try items.map { item in
                guard case .string(let code) = item, !code.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw bad(key, "\(key) must be \(allowed(key)), found \(item)")
                }
                return code.trimmingCharacters(in: .whitespaces)
            }
            if roadClasses!.isEmpty { throw bad(key, "\(key) must be \(allowed(key)), found an empty list") }
        } else {
            roadClasses = nil
        }
        if let x = try number("cost.drop_and_ont", amount) { p.cost.dropAndONT = x }
        if let x = try number("cost.electronics_per_subscriber", amount) { p.cost.electronicsPerSubscriber = x }
        if let x = try number("cost.contingency", { $0 >= 0 && $0 <= 5 }) { p.cost.contingency = x }
        if let x = try number("cost.hub_electronics_per_passing", amount) { p.cost.hubElectronicsPerPassing = x }
        if let x = try number("cost.make_ready_per_aerial_mile", amount) { p.cost.makeReadyPerAerialMile = x }
        if let x = try number("cost.middle_mile", yearlyAmount) { p.cost.middleMile = x }
        if let x = try number("cost.middle_mile_miles", { $0 >= 0 && $0 <= 100_000 }) { p.cost.middleMileMiles = x }
        if let x = try number("cost.middle_mile_per_mile", amount) { p.cost.middleMilePerMile = x }
        if let x = try integer("cost.electronics_refresh_years", 0...100) { p.cost.electronicsRefreshYears = x }
        if let x = try number("cost.electronics_refresh_share", { $0 >= 0 && $0 <= 5 }) { p.cost.electronicsRefreshShare = x }
        if let x = try number("cost.customer_acquisition", amount) { p.cost.customerAcquisitionPerSubscriber = x }
        // With a road layer the route model is the default.
        if v["cost.method"] == nil, roadsPath != nil { p.cost.method = .route }
        // finance
        if let x = try number("finance.arpu", amount) { p.finance.arpu = x }
        if let x = try number("finance.price_change", { $0 >= -0.5 && $0 <= 0.5 }) { p.finance.priceChange = x }
        if let x = try number("finance.opex_per_subscriber_month", amount) { p.finance.opexPerSubscriberMonth = x }
        if let x = try number("finance.opex_per_passing_year", amount) { p.finance.opexPerPassingYear = x }
        if let x = try number("finance.opex_fixed_year", yearlyAmount) { p.finance.opexFixedYear = x }
        if let x = try number("finance.discount_rate", rate) { p.finance.discountRate = x }
        if let x = try integer("finance.horizon_years", 1...100) { p.finance.horizonYears = x }
        if let x = try number("finance.bond_share", share) { p.finance.bondShare = x }
        if let x = try number("finance.bond_rate", rate) { p.finance.bondRate = x }
        if let x = try integer("finance.bond_term_years", 1...100) { p.finance.bondTermYears = x }
        if let x = try integer("finance.capitalized_interest_years", 0...10) { p.finance.capitalizedInterestYears = x }
        if let value = v["finance.debt_service_reserve"] {
            guard case .boolean(let b) = value else {
                throw bad("finance.debt_service_reserve", "finance.debt_service_reserve must be true or false, found \(value)")
            }
            p.finance.debtServiceReserve = b
        }
        if let x = try number("finance.grant", { $0 >= 0 && $0 <= 1e12 }) { p.finance.grant = x }
        if let x = try number("finance.grant_per_passing", amount) { p.finance.grantPerPassing = x }
        if let x = try number("finance.dscr_covenant", { $0 >= 0 && $0 <= 10 }) { p.finance.dscrCovenant = x }
        // plan
        if let x = try number("plan.capital_budget", { $0 > 0 && $0 <= 1e12 }) { p.plan.capitalBudget = x }
        if let x = try integer("plan.phases", 1...50) { p.plan.phases = x }
        if let b = try text("plan.build") {
            guard let build = BusinessCaseParameters.Plan.Build(rawValue: b) else {
                throw bad("plan.build", "plan.build must be \(allowed("plan.build")), found '\(b)'")
            }
            p.plan.build = build
        }
        if let x = try number("plan.max_served_share", share) { p.plan.maxServedShare = x }
        if let value = v["plan.include_served_areas"] {
            guard case .boolean(let b) = value else {
                throw bad("plan.include_served_areas", "plan.include_served_areas must be true or false, found \(value)")
            }
            p.plan.includeServedAreas = b
        }
        // risk
        for driver in RiskDriver.allCases {
            let key = "risk.\(driver.rawValue)_range"
            guard let value = v[key] else { continue }
            guard case .list(let items) = value, items.count == 2 else {
                throw bad(key, "\(key) must be \(allowed(key)), found \(value)")
            }
            let bounds = try items.map { item -> Double in
                switch item {
                case .integer(let i): return Double(i)
                case .number(let d): return d
                default: throw bad(key, "\(key) must be \(allowed(key)), found \(value)")
                }
            }
            guard bounds[0] >= 0, bounds[0] <= 1, bounds[1] >= 1, bounds[1] <= 10 else {
                throw bad(key, "\(key) is out of range: allowed \(allowed(key)), found \(value)")
            }
            p.risk.ranges[driver] = bounds[0]...bounds[1]
        }
        if let x = try number("risk.take_arpu_correlation", { $0 >= -1 && $0 <= 1 }) { p.risk.takeARPUCorrelation = x }
        if let x = try number("risk.cost_correlation", share) { p.risk.costCorrelation = x }
        if let x = try integer("risk.draws", 100...1_000_000) { p.risk.draws = x }
        if let x = try integer("risk.seed", 0...Int.max) { p.risk.seed = UInt64(x) }

        // scenarios: [scenarios.NAME] tables, ordered retail, wholesale, subsidy, then by name.
        var names = Set<String>()
        for key in v.keys where key.hasPrefix("scenarios.") {
            let parts = key.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, !parts[1].isEmpty else {
                throw bad(key, "scenarios are tables [scenarios.NAME] with keys \(Self.scenarioFields.map(\.key).joined(separator: ", ")); found '\(key)'")
            }
            names.insert(String(parts[1]))
        }
        var scenarios: [ScenarioDefinition] = []
        for name in names {
            let k = { (field: String) in "scenarios.\(name).\(field)" }
            guard let kindText = try text(k("kind")) else {
                throw bad(k("kind"), "scenario '\(name)' needs kind = \"retail\", \"wholesale\" or \"subsidy\"")
            }
            guard let kind = ScenarioDefinition.Kind(rawValue: kindText) else {
                throw bad(k("kind"), "\(k("kind")) must be retail, wholesale or subsidy, found '\(kindText)'")
            }
            var s = ScenarioDefinition(name: name, label: try text(k("label")), kind: kind)
            s.arpu = try number(k("arpu"), amount)
            s.opexPerSubscriberMonth = try number(k("opex_per_subscriber_month"), amount)
            s.opexPerPassingYear = try number(k("opex_per_passing_year"), amount)
            s.opexFixedYear = try number(k("opex_fixed_year"), yearlyAmount)
            s.bondShare = try number(k("bond_share"), share)
            if let x = try number(k("wholesale_per_subscriber_month"), amount) { s.wholesalePerSubscriberMonth = x }
            if let x = try number(k("wholesale_per_passing_month"), amount) { s.wholesalePerPassingMonth = x }
            if let x = try number(k("capital_contribution"), share) { s.capitalContribution = x }
            if let x = try number(k("revenue_share"), share) { s.revenueShare = x }
            scenarios.append(s)
        }
        let order = ScenarioDefinition.Kind.allCases
        p.scenarios = scenarios.sorted {
            $0.kind != $1.kind ? order.firstIndex(of: $0.kind)! < order.firstIndex(of: $1.kind)! : $0.name < $1.name
        }

        // The method page's lines: every fixed key, then each scenario's keys.
        for s in Self.settings {
            if let value = v[s.key] {
                lines.append(Line(key: s.key, value: value.description, source: "study file (default \(s.defaultText): \(s.source))"))
            } else {
                lines.append(Line(key: s.key, value: s.defaultText, source: s.source))
            }
        }
        for s in p.scenarios {
            for f in Self.scenarioFields {
                let key = "scenarios.\(s.name).\(f.key)"
                let inherited = f.source.isEmpty ? "from \(f.defaultText)" : "default \(f.defaultText): \(f.source)"
                if let value = v[key] {
                    lines.append(Line(key: key, value: value.description,
                                      source: f.key == "kind" || f.key == "label" ? "study file" : "study file (\(inherited))"))
                } else if f.key != "label" && Self.applies(field: f.key, to: s.kind) {
                    lines.append(Line(key: key, value: Self.effective(f.key, s, p), source: inherited))
                }
            }
        }
        // Say which adoption keys the chosen curve leaves unused.
        let unused: Set<String> = p.demand.adoption.bass == nil
            ? ["demand.bass_p", "demand.bass_q"] : ["demand.ramp"]
        for i in lines.indices where unused.contains(lines[i].key) {
            lines[i].source += " — not used: demand.adoption is \(p.demand.adoption.bass == nil ? "ramp" : "bass")"
        }
        self.parameters = p
        self.residentialCodes = residential
        self.lines = lines
    }

    /// The value a scenario uses for a field it does not set.
    static func effective(_ field: String, _ s: ScenarioDefinition, _ p: BusinessCaseParameters) -> String {
        func text(_ d: Double) -> String { StudyValue.number(d).description }
        switch field {
        case "arpu": return text(s.arpu ?? p.finance.arpu)
        case "opex_per_subscriber_month": return text(s.opexPerSubscriberMonth ?? p.finance.opexPerSubscriberMonth)
        case "opex_per_passing_year": return text(s.opexPerPassingYear ?? p.finance.opexPerPassingYear)
        case "opex_fixed_year": return text(s.opexFixedYear ?? (s.kind == .subsidy ? 0 : p.finance.opexFixedYear))
        case "bond_share": return text(s.bondShare ?? p.finance.bondShare)
        case "wholesale_per_subscriber_month": return text(s.wholesalePerSubscriberMonth)
        case "wholesale_per_passing_month": return text(s.wholesalePerPassingMonth)
        case "capital_contribution": return text(s.capitalContribution)
        case "revenue_share": return text(s.revenueShare)
        default: return ""
        }
    }

    /// Whether a scenario field matters for a kind (the method page leaves out the others).
    static func applies(field: String, to kind: ScenarioDefinition.Kind) -> Bool {
        switch field {
        case "wholesale_per_subscriber_month", "wholesale_per_passing_month": kind == .wholesale
        case "capital_contribution", "revenue_share": kind == .subsidy
        case "opex_per_subscriber_month", "opex_per_passing_year": kind != .subsidy
        default: true
        }
    }
}
