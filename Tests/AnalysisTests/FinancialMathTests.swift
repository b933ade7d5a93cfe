import Testing

@testable import Analysis

@Suite struct FinancialMathTests {
    // Cash flows −1000, 300, 400, 500, 200 (year 0…4).
    let flows: [Double] = [-1000, 300, 400, 500, 200]

    @Test func npvMatchesSpreadsheetSemantics() {
        // Spreadsheet: =-1000 + NPV(5%, 300, 400, 500, 200)
        // = −1000 + 300/1.05 + 400/1.1025 + 500/1.157625 + 200/1.21550625
        // = −1000 + 285.714286 + 362.811791 + 431.918799 + 164.540495 = 244.985371
        #expect(abs(FinancialMath.npv(rate: 0.05, cashFlows: flows) - 244.985371) < 1e-6)
        #expect(FinancialMath.npv(rate: 0, cashFlows: flows) == 400)
    }

    @Test func irrMatchesSpreadsheetIRR() throws {
        // =IRR(−1000, 300, 400, 500, 200) = 15.3221 % (python bisection on the NPV to 1e-15 gave 0.15322137877).
        let irr = try #require(FinancialMath.irr(cashFlows: flows))
        #expect(abs(irr - 0.15322137877) < 1e-9)
        #expect(abs(FinancialMath.npv(rate: irr, cashFlows: flows)) < 1e-6)
    }

    @Test func irrIsNoneWithoutSignChange() {
        #expect(FinancialMath.irr(cashFlows: [-100, -50, 0, -10]) == nil)
        #expect(FinancialMath.irr(cashFlows: [100, 50]) == nil)
    }

    @Test func irrPicksRootNearestZeroWhenThereAreTwo() throws {
        // −100 + 230/(1+r) − 132/(1+r)² = 0 ⇔ 100x² − 230x + 132 = 0 with x = 1 + r: x = 1.1 or 1.2.
        let irr = try #require(FinancialMath.irr(cashFlows: [-100, 230, -132]))
        #expect(abs(irr - 0.10) < 1e-9)
    }

    @Test func paybackInterpolatesWithinTheYear() throws {
        // Cumulative −1000, −700, −300, +200: 2 years + 300/500 = 2.6.
        #expect(try #require(FinancialMath.payback(cashFlows: flows)) == 2.6)
        // Discounted at 5 %: −1000, 285.714, 362.812, 431.919 → cumulative −351.474 after year 2;
        // 2 + 351.4739/431.9188 = 2.81375.
        let d = try #require(FinancialMath.discountedPayback(rate: 0.05, cashFlows: flows))
        #expect(abs(d - 2.81375) < 1e-4)
        #expect(FinancialMath.payback(cashFlows: [-100, 10, 10]) == nil)
        // A build that starts in year 1: year 0 moves no money and is not a payback. By hand: −100 in
        // year 1, +60 and +60 after → cumulative −100, −40, +20 → 2 + 40/60.
        #expect(FinancialMath.payback(cashFlows: [0, -100, 60, 60]) == 2 + 40.0 / 60)
        #expect(FinancialMath.payback(cashFlows: [0, 0, 0]) == nil)
        #expect(FinancialMath.payback(cashFlows: [0, 5, -1]) == 1)
    }

    @Test func levelDebtService() {
        // $1,000,000 at 4 % over 20 years: 1e6 · 0.04 / (1 − 1.04^−20) = 73,581.75 (annuity tables: factor 0.0735818).
        #expect(abs(FinancialMath.levelPayment(principal: 1_000_000, rate: 0.04, years: 20) - 73_581.75) < 0.01)
        #expect(FinancialMath.levelPayment(principal: 1000, rate: 0, years: 4) == 250)
    }
}
