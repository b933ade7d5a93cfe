import Foundation

/// The built areas reduced to what the cash flows need, precomputed so that one evaluation costs
/// O(log areas + years) (the Monte Carlo evaluates tens of thousands of times).
///
/// Subscribers in year t at base take x: Σₐ min(1, x·modₐ) · wₐ(t), with wₐ(t) = passingsₐ(t) ·
/// F(t − buildₐ). Areas are sorted by modifier, descending, so the clamped ones form a prefix:
/// subscribers(t) = W(k, t) + x · M(k, t) with W the prefix sum of w and M the suffix sum of mod·w.
struct ProjectModel {
    let horizon: Int
    private let modifiers: [Double]
    private let prefixW: [Double]
    private let suffixMW: [Double]
    /// Cost to pass (index and contingency included) spent per year.
    let passCapexByYear: [Double]
    /// Hub electronics and make-ready (contingency included) spent per year.
    let hubCapexByYear: [Double]
    let makeReadyByYear: [Double]
    /// True when at least one area is built.
    let buildsAnything: Bool
    /// Passings of the built areas (at build time, before growth).
    let passingsBuilt: Int
    /// Share of the grant received in each year: the year's share of the cost to pass.
    let grantShareByYear: [Double]
    /// Passings in service (built in an earlier year) per year.
    let passingsInService: [Double]

    init(plans: [AreaPlan], modifiers byID: [String: Double], parameters: BusinessCaseParameters) {
        let h = parameters.finance.horizonYears
        horizon = h
        let built = plans.filter { $0.phase != nil }
            .map { (plan: $0, mod: byID[$0.id.rawValue] ?? 0) }
            .sorted { $0.mod > $1.mod }
        modifiers = built.map(\.mod)
        let growth = parameters.demand.householdGrowth
        let bass = parameters.demand.adoption
        let width = h + 1
        var w = [Double](repeating: 0, count: built.count * width)
        var capex = [Double](repeating: 0, count: width)
        var hub = [Double](repeating: 0, count: width)
        var makeReady = [Double](repeating: 0, count: width)
        var inService = [Double](repeating: 0, count: width)
        for (i, b) in built.enumerated() {
            let year = b.plan.buildYear!
            if year <= h {
                capex[year] += b.plan.passCapex
                hub[year] += b.plan.hubCapex
                makeReady[year] += b.plan.makeReadyCapex
            }
            for t in 0...h where t > year {
                let passings = Double(b.plan.passings) * pow(1 + growth, Double(t))
                inService[t] += passings
                w[i * width + t] = passings * bass.cumulative(at: Double(t - year))
            }
        }
        var prefix = [Double](repeating: 0, count: (built.count + 1) * width)
        for i in 0..<built.count {
            for t in 0..<width { prefix[(i + 1) * width + t] = prefix[i * width + t] + w[i * width + t] }
        }
        var suffix = [Double](repeating: 0, count: (built.count + 1) * width)
        for i in stride(from: built.count - 1, through: 0, by: -1) {
            for t in 0..<width { suffix[i * width + t] = suffix[(i + 1) * width + t] + built[i].mod * w[i * width + t] }
        }
        prefixW = prefix
        suffixMW = suffix
        passCapexByYear = capex
        buildsAnything = !built.isEmpty
        passingsBuilt = built.reduce(0) { $0 + $1.plan.passings }
        let totalPass = capex.reduce(0, +)
        grantShareByYear = capex.map { totalPass > 0 ? $0 / totalPass : 0 }
        hubCapexByYear = hub
        makeReadyByYear = makeReady
        passingsInService = inService
    }

    /// Subscribers at the end of each year 0…horizon for base take `x`.
    func subscribers(baseTake x: Double) -> [Double] {
        let width = horizon + 1
        guard x > 0 else { return [Double](repeating: 0, count: width) }
        // k = number of areas whose take is clamped at 1 (x · mod ≥ 1).
        var lo = 0
        var hi = modifiers.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if x * modifiers[mid] >= 1 { lo = mid + 1 } else { hi = mid }
        }
        let k = lo
        return (0..<width).map { prefixW[k * width + $0] + x * suffixMW[k * width + $0] }
    }
}
