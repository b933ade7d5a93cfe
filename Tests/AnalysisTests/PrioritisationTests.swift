import GeoModel
import Testing

@testable import Analysis

@Suite struct PrioritisationTests {
    @Test func needScoreWeights() {
        // unserved 0.5, underserved 0.25, no internet 0.2, income 60k vs 80k → income need 0.25:
        // 100 · (0.4·0.5 + 0.2·0.25 + 0.2·0.2 + 0.2·0.25) = 100 · 0.34 = 34.
        let a = BusinessCaseArea(
            id: AreaID("230190001001"), name: "A", passings: 4,
            counts: ClassCounts(unserved: 2, underserved: 1, served: 1),
            medianIncome: 60_000, noInternetShare: 0.2)
        #expect(abs(Prioritisation.needScore(a, referenceIncome: 80_000) - 34) < 1e-9)
        // Without ACS: weights 0.4 and 0.2 rescaled: 100 · (0.4·0.5 + 0.2·0.25) / 0.6 = 41.667.
        var b = a
        b.medianIncome = nil
        b.noInternetShare = nil
        #expect(abs(Prioritisation.needScore(b, referenceIncome: nil) - 25 / 0.6) < 1e-9)
    }

    func plan(_ id: String, need: Double, capex: Double, unserved: Int) -> AreaPlan {
        AreaPlan(
            id: AreaID(id), name: id, passings: 10, householdDensity: nil, takeRate: 0.45,
            costToPassPerPassing: capex / 10,
            passCapex: capex, needScore: need, costPerUnservedLocation: unserved > 0 ? capex / Double(unserved) : nil,
            phase: nil, subscribersAtHorizon: 0)
    }

    @Test func greedySelectionUnderBudgetAndPhases() {
        let plans = [
            plan("230190001001", need: 80, capex: 400, unserved: 4),
            plan("230190001002", need: 80, capex: 300, unserved: 5),  // same need, cheaper per unserved → first
            plan("230190001003", need: 60, capex: 700, unserved: 7),  // does not fit after the first two (budget 1,000)
            plan("230190001004", need: 50, capex: 200, unserved: 2),
            plan("230190001005", need: 40, capex: 100, unserved: 0),  // not a candidate
        ]
        let out = Prioritisation.assignPhases(
            plans, candidate: { $0.costPerUnservedLocation != nil }, budget: 1000, phases: 2)
        #expect(
            out.map(\.id.rawValue) == ["230190001002", "230190001001", "230190001003", "230190001004", "230190001005"])
        // Selected: 002 (300), 001 (400), 004 (200) = 900. Midpoints 150, 500, 800 of 900 → phases 1, 2, 2.
        #expect(out.map(\.phase) == [1, 2, nil, 2, nil])
        let unlimited = Prioritisation.assignPhases(plans, candidate: { _ in true }, budget: nil, phases: 1)
        #expect(unlimited.allSatisfy { $0.phase == 1 })
    }
}
