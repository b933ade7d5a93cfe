/// How subscribers approach an area's terminal take after it is lit: the share of the terminal take
/// reached at the end of each year since service started.
public enum AdoptionCurve: Hashable, Sendable {
    /// A feasibility-study ramp: year 1, 2, … after lighting reach these shares of the terminal take;
    /// later years stay at the last share.
    case ramp([Double])
    /// Bass (1969) diffusion.
    case bass(BassDiffusion)

    /// Default ramp: 45 %, 75 %, 90 %, then 100 % of the terminal take in years 1–4 after lighting.
    public static let defaultRamp = [0.45, 0.75, 0.90, 1.0]

    /// Share of the terminal take at t years after service starts (0 for t ≤ 0). The ramp reads whole
    /// years: year k (k − 1 < t ≤ k) takes share k.
    public func cumulative(at t: Double) -> Double {
        switch self {
        case .bass(let b): return b.cumulative(at: t)
        case .ramp(let shares):
            guard t > 0, let last = shares.last else { return 0 }
            let k = Int(t.rounded(.up))
            return k <= shares.count ? shares[k - 1] : last
        }
    }

    /// The Bass curve, when this is one.
    public var bass: BassDiffusion? {
        if case .bass(let b) = self { return b }
        return nil
    }
}
