import Foundation

/// The Bass (1969) diffusion model: the cumulative share of eventual adopters who have adopted
/// t years after service starts, F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p) e^{−(p+q)t}).
public struct BassDiffusion: Hashable, Sendable {
    /// Coefficient of innovation (adoption independent of others).
    public var p: Double
    /// Coefficient of imitation (adoption driven by earlier adopters).
    public var q: Double

    /// Default p = 0.03: mean coefficient of innovation over 213 published Bass applications
    /// (Sultan, Farley & Lehmann, "A Meta-Analysis of Applications of Diffusion Models", 1990).
    public static let defaultInnovation = 0.03
    /// Default q = 0.38: mean coefficient of imitation in the same meta-analysis.
    public static let defaultImitation = 0.38

    public init(p: Double = BassDiffusion.defaultInnovation, q: Double = BassDiffusion.defaultImitation) {
        self.p = p; self.q = q
    }

    /// Cumulative adoption F(t), 0…1, for t ≥ 0 (0 for t ≤ 0).
    public func cumulative(at t: Double) -> Double {
        guard t > 0, p > 0 else { return 0 }
        let e = exp(-(p + q) * t)
        return (1 - e) / (1 + (q / p) * e)
    }

    /// F(1), F(2), …, F(years): the share of the eventual adopters reached at the end of each year.
    public func yearlyCumulative(years: Int) -> [Double] {
        (0..<max(0, years)).map { cumulative(at: Double($0 + 1)) }
    }

    /// A Bass curve fitted to observed cumulative subscriber counts N₁…Nₖ (end of years 1…k since
    /// launch, N₀ = 0), by ordinary least squares on the discrete form
    /// Nₜ − Nₜ₋₁ = a + b·Nₜ₋₁ + c·Nₜ₋₁² with a = p·m, b = q − p, c = −q/m (Bass 1969, eq. 9),
    /// m = (−b − √(b² − 4ac)) / 2c, p = a/m, q = −c·m.
    /// - Returns: the curve and the fitted market size m; nil when there are fewer than 3
    ///   observations or the fit does not describe a saturating curve (m ≤ 0, p ≤ 0 or q < 0).
    public static func fit(cumulativeSubscribers observed: [Double]) -> (curve: BassDiffusion, marketSize: Double)? {
        guard observed.count >= 3 else { return nil }
        // Normal equations XᵀX β = Xᵀy for rows (1, N, N²).
        var xtx = [[Double]](repeating: [0, 0, 0], count: 3)
        var xty = [0.0, 0.0, 0.0]
        var previous = 0.0
        for n in observed {
            let row = [1, previous, previous * previous]
            let y = n - previous
            for i in 0..<3 {
                xty[i] += row[i] * y
                for j in 0..<3 { xtx[i][j] += row[i] * row[j] }
            }
            previous = n
        }
        guard let beta = solve3(xtx, xty) else { return nil }
        let (a, b, c) = (beta[0], beta[1], beta[2])
        guard c < 0 else { return nil }
        let discriminant = b * b - 4 * a * c
        guard discriminant >= 0 else { return nil }
        let m = (-b - discriminant.squareRoot()) / (2 * c)
        guard m > 0 else { return nil }
        let p = a / m
        let q = -c * m
        guard p > 0, q >= 0 else { return nil }
        return (BassDiffusion(p: p, q: q), m)
    }

    /// Solves a 3×3 linear system by Gaussian elimination with partial pivoting; nil when singular.
    static func solve3(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var m = a.enumerated().map { $0.element + [b[$0.offset]] }
        for col in 0..<3 {
            let pivot = (col..<3).max { abs(m[$0][col]) < abs(m[$1][col]) }!
            let scale = m.map { $0.map(abs).max() ?? 0 }.max() ?? 0
            guard abs(m[pivot][col]) > 1e-12 * max(scale, 1e-300) else { return nil }
            m.swapAt(col, pivot)
            for r in 0..<3 where r != col {
                let f = m[r][col] / m[col][col]
                for k in col..<4 { m[r][k] -= f * m[col][k] }
            }
        }
        return (0..<3).map { m[$0][3] / m[$0][$0] }
    }
}
