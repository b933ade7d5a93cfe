import GeoModel
import Testing

@testable import Analysis

@Suite struct PrioritisationTests {
    /// Percentile ranks and the score by hand: three areas, unserved shares 0.5, 0.1, 0.1 → ranks
    /// (2 + 0.5)/3, (0 + 1)/3, (0 + 1)/3; incomes 40k, 60k, missing → low-income ranks 1 − (0 + 0.5)/2 = 0.75 and
    /// 1 − (1 + 0.5)/2 = 0.25 (among the two that have one).
    @Test func needScoreByPercentileRanks() {
        var w = NeedWeights()
        for i in NeedIndicator.allCases { w[i] = 0 }
        w[.unservedShare] = 0.6
        w[.income] = 0.4
        let scores = NeedScore.scores(
            [[.unservedShare: 0.5, .income: 40_000], [.unservedShare: 0.1, .income: 60_000], [.unservedShare: 0.1]],
            weights: w)
        #expect(abs(scores[0].ranks[.unservedShare]! - 2.5 / 3) < 1e-12)
        #expect(abs(scores[1].ranks[.unservedShare]! - 1.0 / 3) < 1e-12)
        #expect(scores[0].ranks[.income] == 0.75 && scores[1].ranks[.income] == 0.25)
        // 100 · (0.6 · 2.5/3 + 0.4 · 0.75) = 80; 100 · (0.6 / 3 + 0.4 · 0.25) = 30.
        #expect(abs(scores[0].score! - 80) < 1e-9)
        #expect(abs(scores[1].score! - 30) < 1e-9)
        // The third lacks income: scored on the unserved share alone (weight rescaled to 1), and says so.
        #expect(abs(scores[2].score! - 100.0 / 3) < 1e-9)
        #expect(scores[2].missing == [.income])
        #expect(scores[0].missing.isEmpty)
        // Nothing weighted present: no score rather than 0.
        #expect(NeedScore.scores([[.measuredShortfall: 0.5]], weights: w)[0].score == nil)
    }

    @Test func percentileRankAsTheMeanRank() {
        let all = [1.0, 2, 2, 3]
        #expect(NeedScore.percentileRank(1, among: all) == 0.125)
        #expect(NeedScore.percentileRank(2, among: all) == 0.5)
        #expect(NeedScore.percentileRank(3, among: all) == 0.875)
        #expect(NeedScore.percentileRank(7, among: [7]) == 0.5)
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
