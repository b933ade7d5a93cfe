import Foundation

/// Discounting, internal rate of return, payback and debt service on yearly cash flows.
///
/// Cash flows are indexed by year: element 0 happens now (year 0, not discounted), element t at
/// the end of year t. `npv(rate:cashFlows:)` therefore equals a spreadsheet's
/// `CF0 + NPV(rate, CF1…CFn)`, and `irr(cashFlows:)` a spreadsheet's `IRR(CF0…CFn)`.
public enum FinancialMath {
    /// Net present value: Σ CF_t / (1 + rate)^t.
    public static func npv(rate: Double, cashFlows: [Double]) -> Double {
        var total = 0.0
        var factor = 1.0
        for cf in cashFlows {
            total += cf / factor
            factor *= 1 + rate
        }
        return total
    }

    /// The internal rate of return: the rate above −100 % at which the NPV is 0.
    ///
    /// Robust: the NPV is sampled on a grid of rates from −99 % to +1,000 %; every interval where it
    /// changes sign is narrowed by bisection to 1e-12; the root nearest 0 % is returned. Nil when the
    /// cash flows never change sign (no rate can make them sum to 0) or no sign change is found.
    public static func irr(cashFlows: [Double]) -> Double? {
        let signs = Set(cashFlows.filter { $0 != 0 }.map { $0 > 0 })
        guard signs.count == 2 else { return nil }
        // Grid in log(1 + r), so that rates near −100 % (where the NPV moves fast) are sampled densely.
        let steps = 2000
        let lo = log(0.01)
        let hi = log(11.0)
        var roots: [Double] = []
        var previousRate = exp(lo) - 1
        var previousValue = npv(rate: previousRate, cashFlows: cashFlows)
        if previousValue == 0 { roots.append(previousRate) }
        for i in 1...steps {
            let rate = exp(lo + (hi - lo) * Double(i) / Double(steps)) - 1
            let value = npv(rate: rate, cashFlows: cashFlows)
            if value == 0 {
                roots.append(rate)
            } else if previousValue != 0 && (value > 0) != (previousValue > 0) {
                roots.append(
                    bisect(lo: previousRate, hi: rate, flo: previousValue, tolerance: 1e-12) {
                        npv(rate: $0, cashFlows: cashFlows)
                    })
            }
            previousRate = rate
            previousValue = value
        }
        return roots.min { abs($0) < abs($1) }
    }

    /// A root of `f` in [lo, hi], where `flo` = f(lo) and f changes sign on the bracket: halves the
    /// bracket (at most 200 times) until it is narrower than `tolerance`, and returns its middle.
    static func bisect(lo: Double, hi: Double, flo: Double, tolerance: Double, _ f: (Double) -> Double) -> Double {
        var lo = lo
        var hi = hi
        var flo = flo
        for _ in 0..<200 where hi - lo > tolerance {
            let mid = (lo + hi) / 2
            let fmid = f(mid)
            if fmid == 0 { return mid }
            if (fmid > 0) == (flo > 0) {
                lo = mid
                flo = fmid
            } else {
                hi = mid
            }
        }
        return (lo + hi) / 2
    }

    /// Simple payback in years: when the cumulative cash flow, once below zero, first turns non-negative
    /// again, interpolated linearly within that year (years before + the shortfall ÷ that year's cash flow),
    /// the usual spreadsheet convention. Years before any money moves (a build that starts in year 1) do not
    /// count as paid back; a plan whose cumulative cash never goes below zero pays back in the first year
    /// money moves. nil when it never pays back, or when no money moves at all.
    public static func payback(cashFlows: [Double]) -> Double? {
        var cumulative = 0.0
        var invested = false
        for (t, cf) in cashFlows.enumerated() {
            let before = cumulative
            cumulative += cf
            if cumulative < 0 {
                invested = true
            } else if invested {
                return Double(t - 1) + (-before) / cf
            } else if cf != 0 {
                return Double(t)
            }
        }
        return nil
    }

    /// Discounted payback: `payback` of the cash flows discounted at `rate` to year 0.
    public static func discountedPayback(rate: Double, cashFlows: [Double]) -> Double? {
        var factor = 1.0
        var discounted: [Double] = []
        for cf in cashFlows {
            discounted.append(cf / factor)
            factor *= 1 + rate
        }
        return payback(cashFlows: discounted)
    }

    /// The level yearly payment that repays `principal` over `years` at `rate` (an annuity:
    /// P · r / (1 − (1 + r)^−n); P / n at a zero rate). 0 for no principal or no years.
    public static func levelPayment(principal: Double, rate: Double, years: Int) -> Double {
        guard principal != 0, years > 0 else { return 0 }
        if abs(rate) < 1e-12 { return principal / Double(years) }
        return principal * rate / (1 - pow(1 + rate, -Double(years)))
    }
}
