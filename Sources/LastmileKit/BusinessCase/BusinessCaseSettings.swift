import Analysis
import Foundation
import GeoModel

/// How the business-case keys of a study file ([demand], [cost], [finance], [plan], [risk],
/// [scenarios.NAME]) become `BusinessCaseParameters` and the lines of the report's method page. Their
/// defaults, sources and allowed values are in the one table of study keys, `StudyKeys`.
public struct BusinessCaseSettings: Sendable {
    /// One parameter as the method page prints it.
    public struct Line: Hashable, Sendable {
        public var key: String
        /// The value used, as text.
        public var value: String
        /// "study file" when the study (or --set) gave it, else the source of the default.
        public var source: String
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

    /// The business-case keys of `StudyKeys`, in the order the method page lists them.
    static var settings: [StudyKey] { StudyKeys.businessCase }

    /// Reads the business-case keys.
    /// - Throws: `.badInput` naming the study file and the key, with the allowed range, for a value
    ///   of the wrong type or out of range, an unknown scenario kind, or observations that fit no Bass curve.
    public init(values v: [String: StudyValue], file: String) throws {
        var lines: [Line] = []
        let reader = StudyValueReader(values: v, file: file)
        func bad(_ key: String, _ what: String) -> LastmileError { reader.bad(key, what) }
        func allowed(_ key: String) -> String { StudyKeys.entry(key)?.allowed ?? "" }
        func number(_ key: String) throws -> Double? { try reader.number(key) }
        func integer(_ key: String) throws -> Int? { try reader.integer(key) }
        func text(_ key: String) throws -> String? { try reader.text(key) }
        func choice<E: RawRepresentable>(_ key: String) throws -> E? where E.RawValue == String {
            try reader.choice(key)
        }
        func path(_ key: String, noneMeansNothing: Bool = false) throws -> String? {
            try reader.path(key, noneMeansNothing: noneMeansNothing)
        }
        var p = BusinessCaseParameters()
        /// Sets each parameter whose key the study gives.
        func numbers(_ keys: KeyValuePairs<String, WritableKeyPath<BusinessCaseParameters, Double>>) throws {
            for (key, parameter) in keys { if let x = try number(key) { p[keyPath: parameter] = x } }
        }
        func integers(_ keys: KeyValuePairs<String, WritableKeyPath<BusinessCaseParameters, Int>>) throws {
            for (key, parameter) in keys { if let x = try integer(key) { p[keyPath: parameter] = x } }
        }
        func flag(_ key: String, _ parameter: WritableKeyPath<BusinessCaseParameters, Bool>) throws {
            guard let value = v[key] else { return }
            guard case .boolean(let b) = value else { throw bad(key, "\(key) must be true or false, found \(value)") }
            p[keyPath: parameter] = b
        }
        for i in NeedIndicator.allCases { if let x = try number("need.\(i.rawValue)") { p.need[i] = x } }
        // demand
        try numbers(["demand.take_rate": \.demand.takeRate])
        if let basis: BusinessCaseParameters.Demand.TakeRateBasis = try choice("demand.take_rate_basis") {
            p.demand.takeRateBasis = basis
        }
        try numbers([
            "demand.unserved_uplift": \.demand.unservedUplift,
            "demand.competitor_penalty": \.demand.competitorPenalty,
            "demand.price_elasticity": \.demand.priceElasticity,
        ])
        if let x = try number("demand.reference_income") { p.demand.referenceIncome = x }
        try numbers(["demand.household_growth": \.demand.householdGrowth])
        earlierDemographicsPath = try path("demand.households_earlier")
        earlierDemographicsYears = try integer("demand.households_earlier_years")
        householdGrowthGiven = v["demand.household_growth"] != nil
        try numbers(["demand.reference_price": \.demand.referencePrice])
        let adoptionKind = try text("demand.adoption")
        if let k = adoptionKind, k != "ramp", k != "bass" {
            throw bad("demand.adoption", "demand.adoption must be \(allowed("demand.adoption")), found '\(k)'")
        }
        if let value = v["demand.ramp"] {
            let key = "demand.ramp"
            guard case .list(let items) = value, (1...30).contains(items.count) else {
                throw bad(key, "\(key) must be \(allowed(key)), found \(value)")
            }
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
        if let x = try number("demand.bass_p") { bass.p = x }
        if let x = try number("demand.bass_q") { bass.q = x }
        if let value = v["demand.observed_subscribers"] {
            let key = "demand.observed_subscribers"
            guard case .list(let items) = value else {
                throw bad(key, "\(key) must be \(allowed(key)), found \(value)")
            }
            let counts = try items.map { item -> Double in
                switch item {
                case .integer(let i) where i >= 0: return Double(i)
                case .number(let d) where d >= 0 && d.isFinite: return d
                default: throw bad(key, "\(key) must be \(allowed(key)), found \(item)")
                }
            }
            guard let fit = BassDiffusion.fit(cumulativeSubscribers: counts) else {
                throw bad(
                    key,
                    "\(key): these counts fit no saturating Bass curve (need \(allowed(key)) that grow and level off)")
            }
            bass = fit.curve
        }
        // Bass when asked for, or when observed counts are given and the study names no curve.
        if adoptionKind == "bass" || (adoptionKind == nil && v["demand.observed_subscribers"] != nil) {
            p.demand.adoption = .bass(bass)
        }
        try numbers(["demand.churn": \.demand.churn])
        var residential: Set<BusinessResidentialCode> = [.residential, .both]
        if let value = v["demand.residential"] {
            let key = "demand.residential"
            let items: [StudyValue]
            if case .list(let l) = value { items = l } else { items = [value] }
            residential = Set(
                try items.map { item in
                    guard case .string(let s) = item, let c = BusinessResidentialCode(rawValue: s) else {
                        throw bad(key, "\(key) must be \(allowed(key)), found \(item)")
                    }
                    return c
                })
        }
        // cost
        if let method: BusinessCaseParameters.Cost.Method = try choice("cost.method") { p.cost.method = method }
        try numbers([
            "cost.construction_cost_index": \.cost.constructionCostIndex,
            "cost.underground_share": \.cost.undergroundShare,
            "cost.underground_per_foot": \.cost.undergroundPerFoot,
            "cost.aerial_per_foot": \.cost.aerialPerFoot,
            "cost.route_factor": \.cost.routeFactor,
        ])
        roadsPath = try path("inputs.roads", noneMeansNothing: true)
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
        try numbers([
            "cost.drop_and_ont": \.cost.dropAndONT,
            "cost.electronics_per_subscriber": \.cost.electronicsPerSubscriber,
            "cost.contingency": \.cost.contingency,
            "cost.hub_electronics_per_passing": \.cost.hubElectronicsPerPassing,
            "cost.make_ready_per_aerial_mile": \.cost.makeReadyPerAerialMile,
            "cost.middle_mile": \.cost.middleMile,
            "cost.middle_mile_miles": \.cost.middleMileMiles,
            "cost.middle_mile_per_mile": \.cost.middleMilePerMile,
        ])
        try integers(["cost.electronics_refresh_years": \.cost.electronicsRefreshYears])
        try numbers([
            "cost.electronics_refresh_share": \.cost.electronicsRefreshShare,
            "cost.customer_acquisition": \.cost.customerAcquisitionPerSubscriber,
        ])
        // With a road layer the route model is the default.
        if v["cost.method"] == nil, roadsPath != nil { p.cost.method = .route }
        // finance
        try numbers([
            "finance.arpu": \.finance.arpu,
            "finance.price_change": \.finance.priceChange,
            "finance.opex_per_subscriber_month": \.finance.opexPerSubscriberMonth,
            "finance.opex_per_passing_year": \.finance.opexPerPassingYear,
            "finance.opex_fixed_year": \.finance.opexFixedYear,
            "finance.discount_rate": \.finance.discountRate,
        ])
        try integers(["finance.horizon_years": \.finance.horizonYears])
        try numbers([
            "finance.bond_share": \.finance.bondShare,
            "finance.bond_rate": \.finance.bondRate,
        ])
        try integers([
            "finance.bond_term_years": \.finance.bondTermYears,
            "finance.capitalized_interest_years": \.finance.capitalizedInterestYears,
        ])
        try flag("finance.debt_service_reserve", \.finance.debtServiceReserve)
        try numbers([
            "finance.grant": \.finance.grant,
            "finance.grant_per_passing": \.finance.grantPerPassing,
            "finance.dscr_covenant": \.finance.dscrCovenant,
        ])
        // plan
        if let x = try number("plan.capital_budget") { p.plan.capitalBudget = x }
        try integers(["plan.phases": \.plan.phases])
        if let build: BusinessCaseParameters.Plan.Build = try choice("plan.build") { p.plan.build = build }
        try numbers(["plan.max_served_share": \.plan.maxServedShare])
        try flag("plan.include_served_areas", \.plan.includeServedAreas)
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
        try numbers([
            "risk.take_arpu_correlation": \.risk.takeARPUCorrelation,
            "risk.cost_correlation": \.risk.costCorrelation,
        ])
        try integers(["risk.draws": \.risk.draws])
        if let x = try integer("risk.seed") { p.risk.seed = UInt64(x) }

        // scenarios: [scenarios.NAME] tables, ordered retail, wholesale, subsidy, then by name.
        var names = Set<String>()
        for key in v.keys where key.hasPrefix("scenarios.") {
            let parts = key.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, !parts[1].isEmpty else {
                throw bad(
                    key,
                    "scenarios are tables [scenarios.NAME] with keys \(StudyKeys.scenarioFields.map(\.key).joined(separator: ", ")); found '\(key)'"
                )
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
            s.arpu = try number(k("arpu"))
            s.opexPerSubscriberMonth = try number(k("opex_per_subscriber_month"))
            s.opexPerPassingYear = try number(k("opex_per_passing_year"))
            s.opexFixedYear = try number(k("opex_fixed_year"))
            s.bondShare = try number(k("bond_share"))
            if let x = try number(k("wholesale_per_subscriber_month")) { s.wholesalePerSubscriberMonth = x }
            if let x = try number(k("wholesale_per_passing_month")) { s.wholesalePerPassingMonth = x }
            if let x = try number(k("capital_contribution")) { s.capitalContribution = x }
            if let x = try number(k("revenue_share")) { s.revenueShare = x }
            scenarios.append(s)
        }
        let order = ScenarioDefinition.Kind.allCases
        p.scenarios = scenarios.sorted {
            $0.kind != $1.kind ? order.firstIndex(of: $0.kind)! < order.firstIndex(of: $1.kind)! : $0.name < $1.name
        }

        // The method page's lines: every fixed key, then each scenario's keys.
        for s in StudyKeys.businessCase {
            if let value = v[s.key] {
                lines.append(
                    Line(
                        key: s.key, value: value.description,
                        source: "study file (default \(s.defaultText): \(s.source))"))
            } else {
                lines.append(Line(key: s.key, value: s.defaultText, source: s.source))
            }
        }
        for s in p.scenarios {
            for f in StudyKeys.scenarioFields {
                let key = "scenarios.\(s.name).\(f.key)"
                let inherited = f.source.isEmpty ? "from \(f.defaultText)" : "default \(f.defaultText): \(f.source)"
                if let value = v[key] {
                    lines.append(
                        Line(
                            key: key, value: value.description,
                            source: f.key == "kind" || f.key == "label" ? "study file" : "study file (\(inherited))"))
                } else if f.key != "label" && Self.applies(field: f.key, to: s.kind) {
                    lines.append(Line(key: key, value: Self.effective(f.key, s, p), source: inherited))
                }
            }
        }
        // Say which adoption keys the chosen curve leaves unused.
        let unused: Set<String> =
            p.demand.adoption.bass == nil
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
