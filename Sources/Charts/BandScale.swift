/// Places N categories in equal bands along a page range, with padding between and around them
/// (the d3-scale band scale model: step = span / (n − inner + 2·outer)).
public struct BandScale: Hashable, Sendable {
    public var count: Int
    public var rangeStart: Double
    public var rangeEnd: Double
    /// Fraction of a step left empty between bands (0…1).
    public var paddingInner: Double
    /// Fraction of a step left empty before the first and after the last band.
    public var paddingOuter: Double

    public init(count: Int, range: (Double, Double), paddingInner: Double = 0.25, paddingOuter: Double = 0.15) {
        self.count = count
        rangeStart = range.0
        rangeEnd = range.1
        self.paddingInner = paddingInner
        self.paddingOuter = paddingOuter
    }

    /// Distance from the start of one band to the start of the next.
    public var step: Double {
        guard count > 0 else { return 0 }
        return (rangeEnd - rangeStart) / (Double(count) - paddingInner + 2 * paddingOuter)
    }

    /// The thickness of one band.
    public var bandwidth: Double { step * (1 - paddingInner) }

    /// Where band `index` starts.
    public func start(_ index: Int) -> Double { rangeStart + step * paddingOuter + Double(index) * step }

    /// The centre of band `index`.
    public func center(_ index: Int) -> Double { start(index) + bandwidth / 2 }
}
