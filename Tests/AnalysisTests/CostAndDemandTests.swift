import Foundation
import GeoModel
import Testing

@testable import Analysis

@Suite struct CostAndDemandTests {
    /// Cartesian (2019) prices a group by its modelled average, so every density in a group gets the
    /// same figure: no interpolation across groups.
    @Test func cartesianGroupsAreLookedUpNotInterpolated() {
        func cost(_ d: Double) -> Double? { CostToPass.group(householdsPerSquareMile: d).averageCost }
        #expect(cost(2000) == 668)
        #expect(cost(1525) == 668)
        #expect(cost(1524.9) == 1313)
        #expect(cost(767) == 1313)
        #expect(cost(500) == 2187)
        #expect(cost(302) == 2187)
        #expect(cost(100) == 3656)
        #expect(cost(63) == 3656)
        #expect(cost(62.9) == nil)
        #expect(CostToPass.group(householdsPerSquareMile: 10).name == "D2")
    }

    /// Below 63/mi² the line through B, C and D1 (at their groups' geometric-mean densities) is extended:
    /// python: x = ln √(767·1525), ln √(302·767), ln √(63·302); y = 1313, 2187, 3656; least squares
    /// gives a = 9265.075347, b = −1140.959690; at 10/mi² a + b ln 10 = 6637.918574.
    @Test func extrapolationBelowThePricedGroups() {
        #expect(abs(CostToPass.extrapolation.intercept - 9265.075347) < 1e-5)
        #expect(abs(CostToPass.extrapolation.slope + 1140.959690) < 1e-5)
        #expect(abs(CostToPass.extrapolated(householdsPerSquareMile: 10) - 6637.918574) < 1e-5)
        var cost = BusinessCaseParameters.Cost()
        cost.method = .density
        cost.constructionCostIndex = 1.5
        let sparse = BusinessCaseArea(
            id: AreaID("230190001001"), name: "A", passings: 100, households: 100,
            counts: ClassCounts(unserved: 100), landAreaSquareMiles: 10)
        let e = CostToPass.estimate(sparse, cost)
        #expect(e.basis == .extrapolated)
        #expect(abs(e.perPassing - 6637.918574 * 1.5) < 1e-4)
        // With measured road miles the route model replaces the extrapolation (no index: $/ft are today's).
        var roads = sparse
        roads.routeMiles = 10  // 10 · 5280 · 13 / 100 = 6864
        #expect(
            CostToPass.estimate(roads, cost)
                == CostToPass.Estimate(perPassing: 6864, basis: .measuredRoute, routeMiles: 10))
        // A priced group ignores road miles: D1 at 100/mi² is 3656 × index.
        var d1 = roads
        d1.households = 1000
        #expect(
            CostToPass.estimate(d1, cost)
                == CostToPass.Estimate(perPassing: 3656 * 1.5, basis: .densityGroup("D1"), routeMiles: nil))
    }

    @Test func routeModelFromAreaAndPassings() {
        // 400 passings in 4 mi²: 0.7124 · √1600 = 28.496 miles; blended $/ft at half underground = (18 + 8)/2 = 13;
        // 28.496 · 5280 = 150,458.88 ft; · 13 = 1,955,965.44 → 4,889.9136 per passing.
        var cost = BusinessCaseParameters.Cost()
        cost.method = .route
        let area = BusinessCaseArea(
            id: AreaID("230190001001"), name: "A", passings: 400,
            counts: ClassCounts(unserved: 400), landAreaSquareMiles: 4)
        #expect(abs(CostToPass.estimate(area, cost).perPassing - 4889.9136) < 1e-3)
        #expect(CostToPass.estimate(area, cost).basis == .estimatedRoute)
        var measured = area
        measured.routeMiles = 10  // 10 · 5280 · 13 / 400 = 1716
        #expect(abs(CostToPass.estimate(measured, cost).perPassing - 1716) < 1e-9)
    }

    @Test func takeRateAdjustmentsAndClamp() {
        let demand = BusinessCaseParameters.Demand()
        // Half unserved, a quarter served, price $80 against the $65 reference at elasticity −0.62:
        // 1.125 · (1 − 0.0625) · (80/65)^−0.62 = 1.0546875 · 0.879206 = 0.927287 (python: (80/65)**-0.62 = 0.8792057).
        let area = BusinessCaseArea(
            id: AreaID("230190001001"), name: "A", passings: 100,
            counts: ClassCounts(unserved: 50, underserved: 25, served: 25), medianIncome: 40_000)
        let a = TakeRateModel.adjustments(area, demand, arpu: 80)
        #expect(a.unserved == 1.125)
        #expect(a.competition == 0.9375)
        #expect(abs(a.price - 0.8792057) < 1e-7)
        #expect(abs(a.combined - 0.9272872) < 1e-7)
        // At the reference price the price factor is exactly 1; income does not enter the take.
        #expect(TakeRateModel.adjustments(area, demand, arpu: 65).price == 1)
        #expect(TakeRateModel.takeRate(base: 0.45, modifier: a.combined) == 0.45 * a.combined)
        #expect(TakeRateModel.takeRate(base: 0.9, modifier: 1.25) == 1)
        #expect(TakeRateModel.takeRate(base: 0.5, modifier: 0) == 0)
    }

    /// density_group: Cartesian's assumed penetration ÷ 45 %: A 1, B 50/45, C 60/45, D1 70/45; D2 and no land area D1's.
    @Test func takeRateByDensityGroup() {
        #expect(TakeRateModel.densityFactor(2000) == 1)
        #expect(abs(TakeRateModel.densityFactor(800) - 0.50 / 0.45) < 1e-12)
        #expect(abs(TakeRateModel.densityFactor(400) - 0.60 / 0.45) < 1e-12)
        #expect(abs(TakeRateModel.densityFactor(100) - 0.70 / 0.45) < 1e-12)
        #expect(abs(TakeRateModel.densityFactor(10) - 0.70 / 0.45) < 1e-12)
        #expect(abs(TakeRateModel.densityFactor(nil) - 0.70 / 0.45) < 1e-12)
        var demand = BusinessCaseParameters.Demand()
        demand.unservedUplift = 0
        demand.competitorPenalty = 0
        let area = BusinessCaseArea(
            id: AreaID("230190001001"), name: "A", passings: 100, households: 400,
            counts: ClassCounts(unserved: 100), landAreaSquareMiles: 1)  // 400/mi²: group C
        #expect(TakeRateModel.adjustments(area, demand, arpu: 65).density == 1)  // fixed basis
        demand.takeRateBasis = .densityGroup
        let a = TakeRateModel.adjustments(area, demand, arpu: 65)
        #expect(abs(TakeRateModel.takeRate(base: 0.45, modifier: a.combined) - 0.60) < 1e-12)  // Cartesian's 60 %
    }

    /// The default ramp reaches 45, 75, 90 and then 100 % of the terminal take in years 1–4 after lighting.
    @Test func rampReadsWholeYears() {
        let ramp = AdoptionCurve.ramp(AdoptionCurve.defaultRamp)
        #expect(ramp.cumulative(at: 0) == 0)
        #expect(ramp.cumulative(at: 1) == 0.45)
        #expect(ramp.cumulative(at: 2) == 0.75)
        #expect(ramp.cumulative(at: 3) == 0.90)
        #expect(ramp.cumulative(at: 4) == 1.0)
        #expect(ramp.cumulative(at: 25) == 1.0)
        #expect(ramp.bass == nil)
        #expect(AdoptionCurve.bass(BassDiffusion()).cumulative(at: 5) == BassDiffusion().cumulative(at: 5))
    }

    @Test func referenceIncomeIsHouseholdWeighted() {
        let a = BusinessCaseArea(
            id: AreaID("230190001001"), name: "A", passings: 10, households: 100, counts: ClassCounts(),
            medianIncome: 50_000)
        let b = BusinessCaseArea(
            id: AreaID("230190001002"), name: "B", passings: 10, households: 300, counts: ClassCounts(),
            medianIncome: 90_000)
        // (100 · 50,000 + 300 · 90,000) / 400 = 80,000
        #expect(TakeRateModel.referenceIncome([a, b]) == 80_000)
    }
}
