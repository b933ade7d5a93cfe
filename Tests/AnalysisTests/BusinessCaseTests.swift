import Foundation
import GeoModel
import Testing

@testable import Analysis

@Suite struct BusinessCaseTests {
    /// One area of 100 unserved passings at 2,000 households/mi² ($668 to pass), take 50 % with no
    /// modifiers, no growth or churn, ARPU $50, opex $10/sub/month + $20/passing/year, drop+ONT $650 +
    /// electronics $150, no contingency, 5 % discount, 20 years, one phase, no bond; no index, hub,
    /// make-ready, refresh, acquisition or overhead (the hand model predates them; `newCostLines` adds them).
    func simpleCase() -> (BusinessCaseArea, BusinessCaseParameters) {
        let area = BusinessCaseArea(
            id: AreaID("230190001001"), name: "Simple", passings: 100,
            counts: ClassCounts(unserved: 100), landAreaSquareMiles: 0.05)
        var p = BusinessCaseParameters()
        p.demand.takeRate = 0.5
        p.demand.unservedUplift = 0
        p.demand.householdGrowth = 0
        p.demand.churn = 0
        p.demand.adoption = .bass(BassDiffusion())
        p.demand.referencePrice = 50  // the ARPU: price factor 1
        p.cost.contingency = 0
        p.cost.constructionCostIndex = 1
        p.cost.hubElectronicsPerPassing = 0
        p.cost.makeReadyPerAerialMile = 0
        p.cost.electronicsRefreshShare = 0
        p.cost.customerAcquisitionPerSubscriber = 0
        p.finance.opexFixedYear = 0
        p.finance.arpu = 50
        p.finance.opexPerSubscriberMonth = 10
        p.finance.opexPerPassingYear = 20
        p.finance.discountRate = 0.05
        p.finance.horizonYears = 20
        p.finance.bondShare = 0
        p.plan.phases = 1
        p.risk.draws = 2000
        return (area, p)
    }

    /// The simple case's one scenario with all its capital borrowed: a 10-year bond at 4 %.
    func whollyBondedScenario() throws -> ScenarioResult {
        var (area, p) = simpleCase()
        p.finance.bondShare = 1
        p.finance.bondTermYears = 10
        p.finance.bondRate = 0.04
        return try #require(BusinessCase.evaluate(areas: [area], parameters: p).scenarios.first)
    }

    /// Hub, middle mile, refresh, acquisition and overhead, each on its own line of the capital.
    @Test func newCostLines() throws {
        var (area, p) = simpleCase()
        p.cost.contingency = 0.1
        p.cost.hubElectronicsPerPassing = 100
        p.cost.middleMile = 5000
        p.cost.electronicsRefreshYears = 5
        p.cost.electronicsRefreshShare = 0.5
        p.cost.customerAcquisitionPerSubscriber = 40
        p.finance.opexFixedYear = 1000
        let s = try #require(BusinessCase.evaluate(areas: [area], parameters: p).scenarios.first)
        let y0 = s.years[0].capital
        #expect(abs(y0.costToPass - 100 * 668 * 1.1) < 1e-9)  // 73,480
        #expect(abs(y0.hubElectronics - 100 * 100 * 1.1) < 1e-9)  // 11,000
        #expect(abs(y0.middleMile - 5500) < 1e-9)
        var q = p
        q.cost.middleMileMiles = 3
        q.cost.middleMilePerMile = 2000  // (5,000 + 3 × 2,000) × 1.1 = 12,100
        #expect(
            abs(
                try #require(BusinessCase.evaluate(areas: [area], parameters: q).scenarios.first).years[0].capital
                    .middleMile - 12_100) < 1e-9)
        #expect(y0.connection == 0 && y0.customerAcquisition == 0 && y0.electronicsRefresh == 0)
        #expect(y0.makeReady == 0)  // a Cartesian group: make-ready is in its average
        let subs = s.years.map(\.subscribers)
        func new(_ t: Int) -> Double { max(0, subs[t] - subs[t - 1]) }
        #expect(abs(s.years[3].capital.connection - new(3) * 800 * 1.1) < 1e-9)
        #expect(abs(s.years[3].capital.customerAcquisition - new(3) * 40) < 1e-9)
        // Year 5 replaces half the hub bought in year 0; year 10 half of years 0 and 5 (hub + subscriber electronics).
        #expect(abs(s.years[5].capital.electronicsRefresh - 0.5 * 11_000) < 1e-9)
        #expect(abs(s.years[10].capital.electronicsRefresh - 0.5 * (11_000 + new(5) * 150 * 1.1)) < 1e-9)
        #expect(s.years[4].capital.electronicsRefresh == 0)
        // Overhead from year 1: opex = S·10·12 + 100·20 + 1000.
        #expect(abs(s.years[2].opex - (subs[2] * 120 + 2000 + 1000)) < 1e-9)
        #expect(abs(s.years[0].opex - 0) < 1e-9)
        #expect(abs(s.capex - s.years.reduce(0) { $0 + $1.capital.total }) < 1e-6)
        #expect(abs(s.capitalTotals.total - s.capex) < 1e-6)
    }

    @Test func cashFlowsNPVIRRAndPaybackMatchAHandModel() throws {
        // Independent model (python): S_t = 100 · 0.5 · F(t); CF_0 = −100 · 668;
        // CF_t = S_t·50·12 − S_t·10·12 − 100·20 − (S_t − S_{t−1})·800.
        // CF_1…3 = −2572.1306, −1930.5739, −1005.7499; NPV at 5 % = 56,395.7455; IRR = 9.7722 %;
        // payback 11.3294 years; NPV is linear in take → break-even take 0.3096284.
        let (area, p) = simpleCase()
        let bc = BusinessCase.evaluate(areas: [area], parameters: p)
        let s = try #require(bc.scenarios.first)
        #expect(s.definition.kind == .retail)
        #expect(s.years.count == 21)
        #expect(abs(s.years[0].netCashFlow - -66_800) < 1e-9)
        #expect(abs(s.years[1].netCashFlow - -2572.1306281) < 1e-6)
        #expect(abs(s.years[2].netCashFlow - -1930.5739322) < 1e-6)
        #expect(abs(s.years[3].netCashFlow - -1005.7498953) < 1e-6)
        #expect(abs(s.npv - 56_395.745457546) < 1e-4)
        #expect(abs(try #require(s.irr) - 0.0977222616) < 1e-8)
        #expect(abs(try #require(s.paybackYears) - 11.3293523756) < 1e-8)
        let breakEven = try #require(s.breakEvenTakeRate)
        #expect(abs(breakEven - 0.309628401971808) < 1e-9)
        #expect(s.monteCarlo.draws == 2000)
        #expect(bc.areas[0].phase == 1)
        #expect(bc.areas[0].costToPassPerPassing == 668)
    }

    /// The same case on the default ramp: S = 50 × (0, 0.45, 0.75, 0.90, 1, 1, …) = 0, 22.5, 37.5, 45, 50, …;
    /// CF_t = S_t · 480 − 2000 − ΔS_t · 800 = −9200, 4000, 13600, 18000, then 22000 a year (by hand);
    /// NPV at 5 % over years 0–20 = 150,780.765483 and payback 5 + 8400/22000 = 5.836364 (python).
    @Test func rampCashFlowsByHand() throws {
        var (area, p) = simpleCase()
        p.demand.adoption = .ramp(AdoptionCurve.defaultRamp)
        let s = try #require(BusinessCase.evaluate(areas: [area], parameters: p).scenarios.first)
        let expected: [Double] = [-66_800, -9200, 4000, 13_600, 18_000, 22_000, 22_000]
        for (t, cf) in expected.enumerated() { #expect(abs(s.years[t].netCashFlow - cf) < 1e-9, "year \(t)") }
        #expect(abs(s.npv - 150_780.765483) < 1e-5)
        #expect(abs(try #require(s.paybackYears) - 5.836364) < 1e-6)
    }

    /// The funding gap is the grant that makes the NPV zero: rerunning with it as finance.grant (received in
    /// step with the cost to pass, here over three phases) gives an NPV within $1 of zero, in every scenario.
    @Test func fundingGapRerunGivesZeroNPV() throws {
        var (area, p) = simpleCase()
        p.cost.undergroundShare = 1
        p.finance.opexFixedYear = 5000  // makes the simple case lose money
        p.finance.bondShare = 1
        p.plan.phases = 3
        var second = area
        second.id = AreaID("230190001002")
        second.landAreaSquareMiles = 1  // 100 households/mi²: D1, $3,656
        p.scenarios = [
            ScenarioDefinition(name: "retail", kind: .retail),
            ScenarioDefinition(name: "partner", kind: .subsidy, capitalContribution: 0.5),
        ]
        let bc = BusinessCase.evaluate(areas: [area, second], parameters: p)
        #expect(Set(bc.areas.compactMap(\.phase)).count == 2)
        for s in bc.scenarios {
            #expect(s.npv < 0)
            let gap = try #require(s.fundingGap)
            #expect(abs(gap.perPassing - gap.total / 200) < 1e-9)
            var q = p
            q.finance.grant = gap.total
            let again = try #require(
                BusinessCase.evaluate(areas: [area, second], parameters: q).scenarios.first {
                    $0.definition.name == s.definition.name
                })
            #expect(abs(again.npv) < 1, "\(s.definition.name): NPV \(again.npv) with the funding gap \(gap.total)")
            #expect(abs(again.grant - gap.total) < 1e-6)
            // The same grant given per passing.
            q.finance.grant = 0
            q.finance.grantPerPassing = gap.perPassing
            let perPassing = try #require(
                BusinessCase.evaluate(areas: [area, second], parameters: q).scenarios.first {
                    $0.definition.name == s.definition.name
                })
            #expect(abs(perPassing.npv) < 1)
        }
    }

    /// Coverage per year against the covenant, and the general fund's worst cumulative cash after debt service
    /// (bond proceeds in year 0, then Σ (net cash flow − debt service)).
    @Test func coverageCovenantAndGeneralFundExposure() throws {
        let s = try whollyBondedScenario()
        let coverage = s.years.compactMap(\.debtServiceCoverage)
        #expect(coverage.count == 10)
        #expect(s.debtServiceCoverage.maximum == coverage.max())
        #expect(s.debtServiceCoverage.minimum == coverage.min())
        #expect(
            s.debtServiceCoverage.yearsBelowCovenant
                == s.years.filter { ($0.debtServiceCoverage ?? 99) < 1.25 }.map(\.year))
        var cash = s.bondAmount
        var worst = 0.0
        var worstYear: Int?
        for y in s.years {
            cash += y.netCashFlow - y.debtService
            if cash < worst {
                worst = cash
                worstYear = y.year
            }
        }
        #expect(abs(s.generalFundExposure.worst - worst) < 1e-6)
        #expect(s.generalFundExposure.worstYear == worstYear)
        #expect(abs(s.bondAmount - s.capex) < 1e-9)  // no grant: the whole capital is bonded
    }

    /// plan.build = eligible_locations builds only the unserved and underserved share, costed by that share of
    /// the area's plant; plan.max_served_share keeps mostly-served areas out; served passings are counted.
    @Test func whereToBuild() throws {
        var (area, p) = simpleCase()
        area.counts = ClassCounts(unserved: 30, underserved: 10, served: 60)  // 60 % served
        var mostlyServed = area
        mostlyServed.id = AreaID("230190001002")
        mostlyServed.counts = ClassCounts(unserved: 5, underserved: 5, served: 90)  // 90 % served > 0.8
        let whole = BusinessCase.evaluate(areas: [area, mostlyServed], parameters: p)
        #expect(whole.areas.first { $0.id == area.id }?.phase == 1)
        #expect(whole.areas.first { $0.id == mostlyServed.id }?.phase == nil)
        let built = try #require(whole.areas.first { $0.id == area.id })
        #expect(built.passings == 100 && built.servedPassings == 60)
        #expect(built.passCapex == 100 * 668)
        p.plan.maxServedShare = 0.95
        #expect(BusinessCase.evaluate(areas: [area, mostlyServed], parameters: p).areas.allSatisfy { $0.phase != nil })
        p.plan.maxServedShare = 0.8
        p.plan.build = .eligibleLocations
        let eligible = try #require(BusinessCase.evaluate(areas: [area], parameters: p).areas.first)
        #expect(eligible.passings == 40 && eligible.servedPassings == 0)
        #expect(eligible.passCapex == 40 * 668)  // 40 % of the area's $66,800 plant
        #expect(eligible.takeAdjustments.competition == 1)  // no served competitor among them
        #expect(eligible.takeAdjustments.unserved == 1)  // simpleCase: no unserved uplift
    }

    /// $1 M financed at 4 % over 10 years with 2 years of capitalised interest and a reserve (python):
    /// grown = 1,000,000 · 1.04² = 1,081,600; annuity factor 0.04 / (1 − 1.04⁻¹⁰) = 0.1232909443;
    /// principal = 1,081,600 / (1 − 0.1232909443) = 1,233,704.6059; payment = reserve = 152,104.6059;
    /// debt service in years 3–12; the reserve comes back in year 12.
    @Test func capitalizedInterestAndDebtServiceReserve() {
        let b = BondSchedule(
            financed: 1_000_000, rate: 0.04, termYears: 10, capitalizedInterestYears: 2, debtServiceReserve: true)
        #expect(abs(b.principal - 1_233_704.6059) < 1e-3)
        #expect(abs(b.payment - 152_104.6059) < 1e-3)
        #expect(b.reserve == b.payment)
        #expect(abs(b.capitalizedInterest - 81_600) < 1e-6)
        #expect(
            b.debtService(year: 2) == 0 && b.debtService(year: 3) == b.payment && b.debtService(year: 12) == b.payment)
        #expect(b.debtService(year: 13) == 0)
        #expect(abs(b.proceeds(year: 0) - (b.principal - b.reserve)) < 1e-9)
        #expect(b.proceeds(year: 12) == b.reserve && b.proceeds(year: 5) == 0)
        let plain = BondSchedule(
            financed: 1_000_000, rate: 0.04, termYears: 10, capitalizedInterestYears: 0, debtServiceReserve: false)
        #expect(plain.principal == 1_000_000 && plain.firstYear == 1 && plain.lastYear == 10)
        #expect(abs(plain.payment - 123_290.9443) < 1e-3)
    }

    @Test func breakEvenTakePutsNPVWithinADollarOfZero() throws {
        var (area, p) = simpleCase()
        p.demand.unservedUplift = 0.25  // take modifier 1.25 with a clamp at 1: NPV no longer linear in take
        p.demand.churn = 0.12
        p.cost.contingency = 0.1
        p.finance.bondShare = 1
        area.counts = ClassCounts(unserved: 60, underserved: 10, served: 30)
        let s = try #require(BusinessCase.evaluate(areas: [area], parameters: p).scenarios.first)
        let b = try #require(s.breakEvenTakeRate)
        p.demand.takeRate = b
        let again = try #require(BusinessCase.evaluate(areas: [area], parameters: p).scenarios.first)
        #expect(abs(again.npv) < 1)
    }

    @Test func scenariosDiffer() throws {
        var (area, p) = simpleCase()
        area.passings = 100
        p.scenarios = [
            ScenarioDefinition(name: "retail", kind: .retail),
            ScenarioDefinition(
                name: "open", kind: .wholesale, opexPerSubscriberMonth: 2,
                wholesalePerSubscriberMonth: 30, wholesalePerPassingMonth: 1),
            ScenarioDefinition(name: "partner", kind: .subsidy, capitalContribution: 0.4),
        ]
        let bc = BusinessCase.evaluate(areas: [area], parameters: p)
        #expect(bc.scenarios.map(\.definition.kind) == [.retail, .wholesale, .subsidy])
        let retail = bc.scenarios[0]
        let wholesale = bc.scenarios[1]
        let subsidy = bc.scenarios[2]
        // Wholesale year 5: S_5 = 50 · F(5) = 16.5599; revenue = (S·30 + 100·1) · 12; opex = S·2·12 + 100·20.
        let s5 = 50 * BassDiffusion().cumulative(at: 5)
        #expect(abs(wholesale.years[5].revenue - (s5 * 30 + 100) * 12) < 1e-9)
        #expect(abs(wholesale.years[5].opex - (s5 * 24 + 2000)) < 1e-9)
        // Subsidy: the city pays 40 % of the capital and receives nothing: NPV = −0.4 · PV(retail capex).
        let pvCapex = FinancialMath.npv(rate: 0.05, cashFlows: retail.years.map(\.capex))
        #expect(abs(subsidy.npv - -0.4 * pvCapex) < 1e-6)
        #expect(subsidy.irr == nil)
        #expect(subsidy.paybackYears == nil)
        #expect(subsidy.breakEvenTakeRate == nil)
        #expect(abs(subsidy.capex - 0.4 * retail.capex) < 1e-6)
    }

    @Test func debtServiceCoverage() throws {
        let s = try whollyBondedScenario()
        let service = FinancialMath.levelPayment(principal: s.capex, rate: 0.04, years: 10)
        #expect(abs(s.bondAmount - s.capex) < 1e-9)
        #expect(s.years[0].debtService == 0)
        #expect(abs(s.years[1].debtService - service) < 1e-9)
        #expect(s.years[11].debtService == 0)
        let y3 = s.years[3]
        #expect(abs(try #require(y3.debtServiceCoverage) - (y3.revenue - y3.opex) / service) < 1e-12)
        #expect(s.minimumDebtServiceCoverage == s.years.compactMap(\.debtServiceCoverage).min())
    }

    @Test func tornadoMovesEachDriverAlone() throws {
        let (area, p) = simpleCase()
        let s = try #require(BusinessCase.evaluate(areas: [area], parameters: p).scenarios.first)
        #expect(s.tornado.count == RiskDriver.allCases.count)
        #expect(zip(s.tornado, s.tornado.dropFirst()).allSatisfy { $0.swing >= $1.swing })
        // NPV is linear in the cost multiplier: every capital line scales, so ±20 % moves it by ∓0.2 · PV(capital).
        let pvCapital = FinancialMath.npv(rate: 0.05, cashFlows: s.years.map(\.capex))
        #expect(pvCapital > 66_800)
        let cost = try #require(s.tornado.first { $0.driver == .cost })
        #expect(abs(cost.npvAtLow - (s.npv + 0.2 * pvCapital)) < 1e-6)
        #expect(abs(cost.npvAtHigh - (s.npv - 0.2 * pvCapital)) < 1e-6)
        // Take rate 0.4 / 0.6 — NPV is linear in take here: NPV(t) = NPV(0) + t/0.5 · (NPV − NPV(0)), where
        // NPV(0) = −66,800 − 2,000 · (1 − 1.05^−20)/0.05 = −66,800 − 24,924.42 = −91,724.42 (capex and passing opex only).
        let take = try #require(s.tornado.first { $0.driver == .takeRate })
        let npv0: Double = -66_800 - 2000 * (1 - pow(1.05, -20)) / 0.05
        #expect(abs(npv0 - -91_724.42) < 0.01)
        let expectedLow: Double = npv0 + 0.8 * (s.npv - npv0)
        #expect(abs(take.npvAtLow - expectedLow) < 1e-6)
    }

    @Test func monteCarloIsReproducibleAndCentredOnASymmetricCase() throws {
        var (area, p) = simpleCase()
        // Symmetric case: take fixed, cost/ARPU/opex triangular(0.8, 1, 1.2). The NPV is linear in each
        // (independent, symmetric) multiplier, so its distribution is symmetric about the deterministic NPV.
        p.risk.ranges[.takeRate] = 1...1
        p.risk.draws = 10_000
        let a = try #require(BusinessCase.evaluate(areas: [area], parameters: p).scenarios.first)
        let b = try #require(BusinessCase.evaluate(areas: [area], parameters: p).scenarios.first)
        #expect(a.monteCarlo == b.monteCarlo)
        #expect(a.monteCarlo.draws == 10_000)
        let spread = a.monteCarlo.p90 - a.monteCarlo.p10
        #expect(spread > 0)
        #expect(abs(a.monteCarlo.p50 - a.npv) < 0.02 * spread)
        #expect(abs(a.monteCarlo.mean - a.npv) < 0.02 * spread)
        #expect(a.monteCarlo.p10 < a.npv && a.npv < a.monteCarlo.p90)
        p.risk.seed = 7
        let c = try #require(BusinessCase.evaluate(areas: [area], parameters: p).scenarios.first)
        #expect(c.monteCarlo.sortedNPVs != a.monteCarlo.sortedNPVs)
        _ = area
    }

    /// Revenue is take × ARPU, so draws that move them together (correlation +1) spread the NPV wider than
    /// draws that offset them (−1); likewise capital components that move together (cost correlation 1) spread
    /// it wider than independent ones (0), which partly cancel.
    @Test func monteCarloCorrelationsWidenOrNarrowTheSpread() throws {
        var (area, p) = simpleCase()
        p.risk.ranges[.opex] = 1...1
        p.risk.ranges[.cost] = 1...1
        p.risk.draws = 4000
        func spread(_ q: BusinessCaseParameters) throws -> Double {
            let mc = try #require(BusinessCase.evaluate(areas: [area], parameters: q).scenarios.first).monteCarlo
            return mc.p90 - mc.p10
        }
        p.risk.takeARPUCorrelation = 1
        let together = try spread(p)
        p.risk.takeARPUCorrelation = -1
        let offset = try spread(p)
        #expect(together > 2 * offset)
        p.risk.takeARPUCorrelation = 0
        p.risk.ranges[.takeRate] = 1...1
        p.risk.ranges[.arpu] = 1...1
        p.risk.ranges[.cost] = 0.8...1.2
        p.cost.hubElectronicsPerPassing = 300  // a second large capital line beside the cost to pass
        p.risk.costCorrelation = 1
        let common = try spread(p)
        p.risk.costCorrelation = 0
        let independent = try spread(p)
        #expect(common > independent * 1.1)
        _ = area
    }

    @Test func normalDrawsAndCDF() {
        var rng = RandomSource(seed: 3)
        let z = (0..<20_000).map { _ in rng.normal() }
        let mean = z.reduce(0, +) / 20_000
        let variance = z.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 20_000
        #expect(abs(mean) < 0.03)
        #expect(abs(variance - 1) < 0.03)
        #expect(RandomSource.normalCDF(0) == 0.5)
        #expect(abs(RandomSource.normalCDF(1.959963985) - 0.975) < 1e-9)
        #expect(RandomSource.triangularQuantile(0.5, low: 0.8, mode: 1, high: 1.2) == 1)
    }

    @Test func triangularAndQuantile() {
        var rng = RandomSource(seed: 1)
        let draws = (0..<20_000).map { _ in rng.triangular(low: 0, mode: 1, high: 3) }
        #expect(draws.allSatisfy { $0 >= 0 && $0 <= 3 })
        // Mean of triangular(0, 1, 3) = (0 + 1 + 3)/3 = 1.3333.
        let mean: Double = draws.reduce(0, +) / 20_000
        #expect(abs(mean - 4.0 / 3) < 0.02)
        // Type-7 quantile of 1…5 at 0.1: h = 0.4 → 1.4 (spreadsheet PERCENTILE.INC({1..5}, 0.1) = 1.4).
        #expect(RandomSource.quantile(sorted: [1, 2, 3, 4, 5], 0.1) == 1.4)
        #expect(RandomSource.quantile(sorted: [1, 2, 3, 4, 5], 0.5) == 3)
    }
}

@Test func nothingBuiltHasNoBreakEven() throws {
    // A budget below every area's cost to pass: no area is built, every cash flow is 0.
    let area = BusinessCaseArea(
        id: AreaID("230190001001"), name: "A", passings: 100, counts: ClassCounts(unserved: 100),
        landAreaSquareMiles: 1)
    var p = BusinessCaseParameters()
    p.plan.capitalBudget = 1
    p.risk.draws = 100
    let bc = BusinessCase.evaluate(areas: [area], parameters: p)
    #expect(bc.areas[0].phase == nil)
    let s = try #require(bc.scenarios.first)
    #expect(s.cashFlows.allSatisfy { $0 == 0 })
    #expect(s.npv == 0)
    #expect(s.breakEvenTakeRate == nil)
    #expect(s.irr == nil)
}
