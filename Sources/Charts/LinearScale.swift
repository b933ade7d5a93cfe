import Foundation

/// Maps a continuous data domain to a range of page coordinates, with "nice" 1-2-5 ticks.
public struct LinearScale: Hashable, Sendable {
    public var domainStart: Double
    public var domainEnd: Double
    /// Page coordinates for `domainStart` and `domainEnd` (may be decreasing, e.g. a y axis).
    public var rangeStart: Double
    public var rangeEnd: Double

    public init(domain: (Double, Double), range: (Double, Double)) {
        domainStart = domain.0
        domainEnd = domain.1
        rangeStart = range.0
        rangeEnd = range.1
    }

    /// The page coordinate of `value` (linear; an empty domain maps everything to `rangeStart`).
    public func callAsFunction(_ value: Double) -> Double {
        let span = domainEnd - domainStart
        guard span != 0 else { return rangeStart }
        return rangeStart + (value - domainStart) / span * (rangeEnd - rangeStart)
    }

    /// The 1-2-5 step (…, 0.5, 1, 2, 5, 10, 20, …) closest above `span / targetCount`
    /// (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990; the d3-array `tickIncrement` rule).
    public static func niceStep(span: Double, targetCount: Int) -> Double {
        guard span > 0, span.isFinite, targetCount > 0 else { return 1 }
        let raw = span / Double(targetCount)
        let magnitude = pow(10, floor(log10(raw)))
        let normalised = raw / magnitude
        let nice: Double = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// The tick step for this domain.
    public func tickStep(targetCount: Int = 5) -> Double {
        LinearScale.niceStep(span: abs(domainEnd - domainStart), targetCount: targetCount)
    }

    /// Most ticks an axis gets; a domain whose span is not finite (±1e308) or too fine for its
    /// magnitude gets none rather than millions.
    static let maximumTickCount = 1_000

    /// Tick values: multiples of the nice step inside the domain, in increasing order.
    public func ticks(targetCount: Int = 5) -> [Double] {
        let step = tickStep(targetCount: targetCount)
        let lo = min(domainStart, domainEnd)
        let hi = max(domainStart, domainEnd)
        let first = (lo / step - 1e-9).rounded(.up)
        let last = (hi / step + 1e-9).rounded(.down)
        guard (hi - lo).isFinite, first <= last, last - first < Double(Self.maximumTickCount),
            first.magnitude < 1e15, last.magnitude < 1e15
        else { return [] }
        return (Int(first)...Int(last)).map { Self.clean(Double($0) * step, step: step) }
    }

    /// The scale with its domain widened outwards to multiples of the nice step, so the axis
    /// starts and ends on a tick. A zero-width domain becomes `start…start+1`.
    public func niced(targetCount: Int = 5) -> LinearScale {
        var lo = min(domainStart, domainEnd)
        var hi = max(domainStart, domainEnd)
        if lo == hi { hi = lo + 1 }
        let step = LinearScale.niceStep(span: hi - lo, targetCount: targetCount)
        let nicedLo = Self.clean((lo / step + 1e-9).rounded(.down) * step, step: step)
        let nicedHi = Self.clean((hi / step - 1e-9).rounded(.up) * step, step: step)
        // Near ±Double.greatestFiniteMagnitude widening overflows: keep the domain as it is.
        guard nicedLo.isFinite, nicedHi.isFinite, (nicedHi - nicedLo).isFinite else { return self }
        lo = nicedLo
        hi = nicedHi
        // Re-deriving the step from the widened domain can change it (9,137 → 0…10,000 keeps 2,000).
        return domainStart <= domainEnd
            ? LinearScale(domain: (lo, hi), range: (rangeStart, rangeEnd))
            : LinearScale(domain: (hi, lo), range: (rangeStart, rangeEnd))
    }

    /// Removes binary noise such as 0.30000000000000004 by rounding to the step's precision.
    static func clean(_ v: Double, step: Double) -> Double {
        guard step < 1 else { return v.rounded() == v ? v : (v * 1e9).rounded() / 1e9 }
        let digits = pow(10, ceil(-log10(step)) + 2)
        return (v * digits).rounded() / digits
    }
}
