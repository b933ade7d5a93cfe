import Foundation

/// The revenue bond a scenario issues in year 0: its principal, the level debt service, and the
/// optional capitalised interest and debt-service reserve.
///
/// Principal = the financed capital (bond share × (capital − grant)), grown by the interest of
/// `capitalizedInterestYears` years at the bond rate (interest during construction is borrowed, not
/// paid), plus a reserve of one year's debt service when `debtServiceReserve` (solved exactly: P =
/// financed ÷ (1 − annuity factor)). Level debt service runs from year n + 1 to n + term (n = capitalised
/// years). The reserve is held back from the proceeds and released in the last year of debt service.
public struct BondSchedule: Hashable, Sendable {
    /// Principal issued in year 0 (financed capital, capitalised interest and reserve).
    public var principal: Double
    /// Of it, the debt-service reserve (held, not spent).
    public var reserve: Double
    /// Of it, interest during construction that was borrowed.
    public var capitalizedInterest: Double
    /// The level yearly debt service.
    public var payment: Double
    /// First and last year of debt service.
    public var firstYear: Int
    public var lastYear: Int

    public init(financed: Double, rate: Double, termYears: Int, capitalizedInterestYears: Int, debtServiceReserve: Bool)
    {
        let grown = financed * pow(1 + rate, Double(max(0, capitalizedInterestYears)))
        let factor = FinancialMath.levelPayment(principal: 1, rate: rate, years: termYears)
        let principal = debtServiceReserve && factor < 1 ? grown / (1 - factor) : grown
        self.principal = principal
        self.capitalizedInterest = grown - financed
        self.payment = FinancialMath.levelPayment(principal: principal, rate: rate, years: termYears)
        self.reserve = debtServiceReserve ? payment : 0
        self.firstYear = max(0, capitalizedInterestYears) + 1
        self.lastYear = max(0, capitalizedInterestYears) + termYears
    }

    /// Debt service due in year t.
    public func debtService(year t: Int) -> Double { t >= firstYear && t <= lastYear ? payment : 0 }

    /// Bond cash the city can use in year t: the proceeds less the reserve in year 0, the reserve back in
    /// the last year of debt service.
    public func proceeds(year t: Int) -> Double {
        (t == 0 ? principal - reserve : 0) + (t == lastYear ? reserve : 0)
    }
}
