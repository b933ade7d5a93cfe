import Foundation

/// Multipliers of the risk drivers (1 = base case).
struct DriverMultipliers {
    var takeRate = 1.0
    /// Scales every capital component (the tornado's cost driver).
    var cost = 1.0
    /// Each capital component's own multiplier (the Monte Carlo draws them); the refresh follows the
    /// electronics it replaces.
    var costToPass = 1.0, hubElectronics = 1.0, makeReady = 1.0, middleMile = 1.0, connection = 1.0,
        customerAcquisition = 1.0
    var arpu = 1.0
    var opex = 1.0
    var discountRate = 1.0

    init() {}

    init(_ driver: RiskDriver, _ value: Double) {
        switch driver {
        case .takeRate: takeRate = value
        case .cost: cost = value
        case .arpu: arpu = value
        case .opex: opex = value
        case .discountRate: discountRate = value
        }
    }
}

/// A scenario's yearly cash flows for a base take rate and driver multipliers.
struct ScenarioEvaluator {
    let model: ProjectModel
    let scenario: ScenarioDefinition
    let parameters: BusinessCaseParameters

    /// Year t (0…horizon): subscribers S_t (end of year), revenue, opex, capital by component.
    /// - retail: revenue = S_t · (1 − churn/2) · ARPU · 12 · (1 + price change)^(t−1);
    ///   opex = S_t · opex/sub/month · 12 + passings in service · opex/passing/year + fixed overhead
    ///   (once passings are in service);
    ///   capital = cost to pass, hub electronics and make-ready of the areas built in t, the middle mile in
    ///   year 0, new subscribers N_t = max(0, S_t − S_{t−1}) × (drop & ONT + electronics) × (1 + contingency)
    ///   and × customer acquisition, and the refresh: share × the electronics bought R, 2R, … years earlier.
    /// - wholesale: revenue = (S_t · (1 − churn/2) · fee/sub + passings in service · fee/passing) · 12 · escalation; opex, capital as retail.
    /// - subsidy: capital = contribution × the retail capital; revenue = revenue share × retail revenue; opex = scenario fixed opex only.
    /// The cost multiplier scales every capital component.
    func years(baseTake: Double, _ m: DriverMultipliers = DriverMultipliers(), grant: Double? = nil) -> [YearCashFlow] {
        let f = parameters.finance
        let d = parameters.demand
        let c = parameters.cost
        let grantTotal = grant ?? studyGrant
        let subs = model.subscribers(baseTake: baseTake * m.takeRate)
        let contingency = (1 + c.contingency) * m.cost
        let arpu = scenario.arpu ?? f.arpu
        let opexSub = scenario.opexPerSubscriberMonth ?? f.opexPerSubscriberMonth
        let opexPassing = scenario.opexPerPassingYear ?? f.opexPerPassingYear
        let opexFixed = scenario.opexFixedYear ?? (scenario.kind == .subsidy ? 0 : f.opexFixedYear)
        let paying = 1 - d.churn / 2
        let refresh = c.electronicsRefreshYears
        var electronicsBought = [Double](repeating: 0, count: subs.count)
        var out: [YearCashFlow] = []
        out.reserveCapacity(subs.count)
        for t in 0..<subs.count {
            let escalation = t >= 1 ? pow(1 + f.priceChange, Double(t - 1)) : 1
            let inService = model.passingsInService[t]
            let retailRevenue = subs[t] * paying * arpu * 12 * escalation * m.arpu
            let newSubscribers = max(0, subs[t] - (t > 0 ? subs[t - 1] : 0))
            var capital = CapitalLines()
            capital.costToPass = model.passCapexByYear[t] * m.cost * m.costToPass
            capital.hubElectronics = model.hubCapexByYear[t] * m.cost * m.hubElectronics
            capital.makeReady = model.makeReadyByYear[t] * m.cost * m.makeReady
            capital.middleMile =
                t == 0 && model.buildsAnything
                ? (c.middleMile + c.middleMileMiles * c.middleMilePerMile) * contingency * m.middleMile : 0
            capital.connection =
                newSubscribers * (c.dropAndONT + c.electronicsPerSubscriber) * contingency * m.connection
            capital.customerAcquisition =
                newSubscribers * c.customerAcquisitionPerSubscriber * m.cost * m.customerAcquisition
            electronicsBought[t] =
                capital.hubElectronics + newSubscribers * c.electronicsPerSubscriber * contingency * m.connection
            if refresh > 0 {
                var earlier = 0.0
                for k in stride(from: t - refresh, through: 0, by: -refresh) { earlier += electronicsBought[k] }
                capital.electronicsRefresh = c.electronicsRefreshShare * earlier
            }
            let fixed = inService > 0 ? opexFixed : 0
            var y = YearCashFlow(
                year: t, passingsInService: inService, subscribers: subs[t], revenue: 0, opex: 0,
                capital: capital, grant: grantTotal * model.grantShareByYear[t], debtService: 0)
            switch scenario.kind {
            case .retail:
                y.revenue = retailRevenue
                y.opex = (subs[t] * opexSub * 12 + inService * opexPassing + fixed) * m.opex
            case .wholesale:
                y.revenue =
                    (subs[t] * paying * scenario.wholesalePerSubscriberMonth + inService
                        * scenario.wholesalePerPassingMonth)
                    * 12 * escalation * m.arpu
                y.opex = (subs[t] * opexSub * 12 + inService * opexPassing + fixed) * m.opex
            case .subsidy:
                y.revenue = scenario.revenueShare * retailRevenue
                y.opex = fixed * m.opex
                y.capital = capital.scaled(scenario.capitalContribution)
            }
            out.append(y)
        }
        // A bond for a share of the capital net of the grant, issued in year 0, repaid by level debt service.
        let bond = bond(capital: out.reduce(0) { $0 + $1.capex }, grant: grantTotal)
        for t in out.indices { out[t].debtService = bond.debtService(year: t) }
        return out
    }

    var bondShare: Double { scenario.bondShare ?? parameters.finance.bondShare }

    /// The bond for this scenario's capital and grant.
    func bond(capital: Double, grant: Double) -> BondSchedule {
        let f = parameters.finance
        return BondSchedule(
            financed: bondShare * max(0, capital - grant), rate: f.bondRate, termYears: f.bondTermYears,
            capitalizedInterestYears: f.capitalizedInterestYears, debtServiceReserve: f.debtServiceReserve)
    }

    /// The grant the study gives: finance.grant + finance.grant_per_passing × passings built (none when nothing is built).
    var studyGrant: Double {
        model.buildsAnything
            ? parameters.finance.grant + parameters.finance.grantPerPassing * Double(model.passingsBuilt) : 0
    }

    /// The total grant at which the NPV is zero. The NPV is linear in the grant G: NPV(G) = NPV(0) + G · Σ wₜ/(1 + r)ᵗ
    /// with wₜ the year's share of the cost to pass, so G = −NPV(0) ÷ Σ wₜ/(1 + r)ᵗ (0 when NPV(0) ≥ 0).
    func fundingGap() -> FundingGap? {
        guard model.buildsAnything, model.passingsBuilt > 0 else { return nil }
        let pv = FinancialMath.npv(rate: parameters.finance.discountRate, cashFlows: model.grantShareByYear)
        guard pv > 0 else { return nil }
        let withoutGrant = FinancialMath.npv(
            rate: parameters.finance.discountRate,
            cashFlows: years(baseTake: parameters.demand.takeRate, grant: 0).map(\.netCashFlow))
        let total = max(0, -withoutGrant / pv)
        return FundingGap(total: total, perPassing: total / Double(model.passingsBuilt))
    }

    func npv(baseTake: Double, _ m: DriverMultipliers = DriverMultipliers()) -> Double {
        FinancialMath.npv(
            rate: parameters.finance.discountRate * m.discountRate,
            cashFlows: years(baseTake: baseTake, m).map(\.netCashFlow))
    }

    /// The base take rate in 0…1 at which the NPV is 0 (bisection to 1e-15); nil without a sign change
    /// or when the NPV does not depend on the take rate (e.g. nothing is built).
    func breakEvenTakeRate() -> Double? {
        let flo = npv(baseTake: 0)
        let fhi = npv(baseTake: 1)
        if flo == fhi { return nil }
        if flo == 0 { return 0 }
        if fhi == 0 { return 1 }
        guard (flo > 0) != (fhi > 0) else { return nil }
        return FinancialMath.bisect(lo: 0, hi: 1, flo: flo, tolerance: 1e-15) { npv(baseTake: $0) }
    }
}
