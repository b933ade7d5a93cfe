import Foundation
import Testing
import GeoModel
@testable import Analysis

@Suite struct CostAndDemandTests {
    @Test func cartesianCurveInterpolatesInLogDensity() {
        #expect(CostToPass.perPassing(householdsPerSquareMile: 2000) == 668)
        #expect(CostToPass.perPassing(householdsPerSquareMile: 1525) == 668)
        #expect(CostToPass.perPassing(householdsPerSquareMile: 767) == 1313)
        #expect(CostToPass.perPassing(householdsPerSquareMile: 10) == 3656)
        // 500/mi²: 2187 + ln(500/302)/ln(767/302) · (1313 − 2187) = 1714.2253 (python).
        #expect(abs(CostToPass.perPassing(householdsPerSquareMile: 500) - 1714.2253) < 1e-3)
        // 100/mi²: 3656 + ln(100/63)/ln(302/63) · (2187 − 3656) = 3222.9410.
        #expect(abs(CostToPass.perPassing(householdsPerSquareMile: 100) - 3222.9410) < 1e-3)
    }

    @Test func routeModelFromAreaAndPassings() {
        // 400 passings in 4 mi²: 0.7124 · √1600 = 28.496 miles; blended $/ft at half underground = (18 + 8)/2 = 13;
        // 28.496 · 5280 = 150,458.88 ft; · 13 = 1,955,965.44 → 4,889.9136 per passing.
        var cost = BusinessCaseParameters.Cost()
        cost.method = .route
        let area = BusinessCaseArea(id: AreaID("230190001001"), name: "A", passings: 400,
                                    counts: ClassCounts(unserved: 400), landAreaSquareMiles: 4)
        #expect(abs(CostToPass.perPassing(area, cost) - 4889.9136) < 1e-3)
        var measured = area
        measured.routeMiles = 10  // 10 · 5280 · 13 / 400 = 1716
        #expect(abs(CostToPass.perPassing(measured, cost) - 1716) < 1e-9)
    }

    @Test func takeRateModifiersAndClamp() {
        let demand = BusinessCaseParameters.Demand()
        // Half unserved, a quarter served, income 40,000 against 80,000:
        // 1.125 · (1 − 0.0625) · 0.5^0.62 = 1.0546875 · 0.6507 = 0.68630 (python: 0.5**0.62 = 0.650671).
        let area = BusinessCaseArea(id: AreaID("230190001001"), name: "A", passings: 100,
                                    counts: ClassCounts(unserved: 50, underserved: 25, served: 25), medianIncome: 40_000)
        let m = TakeRateModel.modifier(area, demand, referenceIncome: 80_000)
        #expect(abs(m - 1.125 * 0.9375 * pow(0.5, 0.62)) < 1e-12)
        #expect(abs(m - 0.686255) < 1e-5)
        #expect(TakeRateModel.takeRate(base: 0.45, modifier: m) == 0.45 * m)
        #expect(TakeRateModel.takeRate(base: 0.9, modifier: 1.25) == 1)
        #expect(TakeRateModel.takeRate(base: 0.5, modifier: 0) == 0)
    }

    @Test func referenceIncomeIsHouseholdWeighted() {
        let a = BusinessCaseArea(id: AreaID("230190001001"), name: "A", passings: 10, households: 100, counts: ClassCounts(), medianIncome: 50_000)
        let b = BusinessCaseArea(id: AreaID("230190001002"), name: "B", passings: 10, households: 300, counts: ClassCounts(), medianIncome: 90_000)
        // (100 · 50,000 + 300 · 90,000) / 400 = 80,000
        #expect(TakeRateModel.referenceIncome([a, b]) == 80_000)
    }
}
