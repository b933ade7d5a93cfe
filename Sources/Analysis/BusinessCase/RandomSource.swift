import Foundation

/// A seeded pseudo-random generator: SplitMix64 (Steele, Lea & Flood, "Fast Splittable
/// Pseudorandom Number Generators", OOPSLA 2014). The same seed gives the same sequence everywhere.
public struct RandomSource: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) from the top 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A draw from the triangular distribution (low, mode, high) by inverse CDF.
    public mutating func triangular(low: Double, mode: Double, high: Double) -> Double {
        Self.triangularQuantile(unit(), low: low, mode: mode, high: high)
    }

    /// A standard normal draw (Box–Muller, cosine branch; two uniforms per draw).
    public mutating func normal() -> Double {
        let u1 = 1 - unit()
        let u2 = unit()  // u1 in (0, 1]
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// The standard normal CDF Φ(z) = erfc(−z/√2)/2.
    public static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    /// The triangular (low, mode, high) quantile at u ∈ [0, 1] (inverse CDF).
    public static func triangularQuantile(_ u: Double, low: Double, mode: Double, high: Double) -> Double {
        guard high > low else { return mode }
        let cut = (mode - low) / (high - low)
        return u < cut
            ? low + ((u * (high - low) * (mode - low)).squareRoot())
            : high - (((1 - u) * (high - low) * (high - mode)).squareRoot())
    }

    /// The p-quantile (0…1) of sorted values, linear between order statistics (h = (n − 1)p:
    /// Hyndman & Fan type 7, the spreadsheet PERCENTILE / PERCENTILE.INC rule).
    public static func quantile(sorted v: [Double], _ p: Double) -> Double {
        guard !v.isEmpty else { return .nan }
        let h = Double(v.count - 1) * p
        let i = Int(h.rounded(.down))
        guard i + 1 < v.count else { return v[v.count - 1] }
        return v[i] + (h - Double(i)) * (v[i + 1] - v[i])
    }
}
