import GeoModel

/// Values cut into classes: the upper bound of each class, and how many values fell in each.
///
/// Class `j` holds the values `v` with `breaks[j-1] < v <= breaks[j]` (class 0: `v <= breaks[0]`),
/// so a value equal to a break belongs to the lower class — `mapclassify`'s `bin1d` rule.
public struct Classification: Hashable, Sendable {
    /// The scheme that produced the breaks.
    public let scheme: ClassificationScheme
    /// Upper bound of each class, strictly ascending. Empty when there were no values.
    public let breaks: [Double]
    /// The smallest classified value (the lower end of class 0), nil when there were no values.
    public let minimum: Double?
    /// How many of the classified values fall in each class (same order as `breaks`).
    public let counts: [Int]

    /// The number of classes (after duplicate quantile bins were collapsed).
    public var classCount: Int { breaks.count }

    /// Classifies `values`.
    ///
    /// - Parameters:
    ///   - values: the finite values to classify (callers drop no-data values first).
    ///   - scheme: quantile, equal interval or manual breaks.
    ///   - classCount: the number of classes asked for (ignored by `.manual`); at least 1.
    /// - Throws: `LastmileError.usage` for a class count below 1, non-finite values, or manual
    ///   breaks that are not finite and strictly ascending.
    public init(values: [Double], scheme: ClassificationScheme, classCount: Int = 5) throws {
        guard classCount >= 1 else {
            throw LastmileError.usage("a map needs at least 1 class, got \(classCount)")
        }
        guard values.allSatisfy(\.isFinite) else {
            throw LastmileError.usage("map values must be finite numbers (drop no-data values before classifying)")
        }
        self.scheme = scheme
        let sorted = values.sorted()
        minimum = sorted.first
        var bins: [Double]
        switch scheme {
        case .quantile:
            bins = sorted.isEmpty ? [] : Classification.quantileBins(sorted: sorted, classCount: classCount)
        case .equalInterval:
            bins = sorted.isEmpty ? [] : Classification.equalIntervalBins(sorted: sorted, classCount: classCount)
        case .naturalBreaks:
            bins = sorted.isEmpty ? [] : Classification.fisherJenksBins(sorted: sorted, classCount: classCount)
        case .manual(let given):
            guard !given.isEmpty, given.allSatisfy(\.isFinite),
                zip(given, given.dropFirst()).allSatisfy({ $0 < $1 })
            else {
                throw LastmileError.usage("manual map breaks must be finite and strictly ascending, got \(given)")
            }
            bins = given
            // mapclassify.UserDefined: `if bins[-1] < max(y): bins = np.append(bins, max(y))`.
            if let top = sorted.last, top > given[given.count - 1] { bins.append(top) }
        }
        breaks = bins
        var counts = [Int](repeating: 0, count: bins.count)
        for v in sorted {
            if let j = Classification.index(of: v, in: bins) { counts[j] += 1 }
        }
        self.counts = counts
    }

    /// The class of `value`: the first class whose upper bound is `>= value` (values below the
    /// minimum go to class 0), or nil when the value is above the last break.
    public func classIndex(of value: Double) -> Int? {
        Classification.index(of: value, in: breaks)
    }

    /// The lower end of a class for a legend: the minimum for class 0 (nil when the minimum lies
    /// above the first manual break, so the legend reads "≤ b"), else the previous class's break.
    public func lowerBound(ofClass j: Int) -> Double? {
        if j > 0 { return breaks[j - 1] }
        guard let minimum, minimum <= breaks[0] else { return nil }
        return minimum
    }

    /// Binary search for the first break `>= value` (numpy `searchsorted(bins, v, side="left")`).
    static func index(of value: Double, in bins: [Double]) -> Int? {
        var lo = 0
        var hi = bins.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if bins[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < bins.count ? lo : nil
    }

    /// `mapclassify.quantile`: percentiles `p = np.arange(w, 100 + w, w)` with `w = 100 / k` (numpy's
    /// arange fills `start + i·delta`), the last clipped to 100, each scored with
    /// `scipy.stats.scoreatpercentile` (`idx = p/100·(n-1)`; between order statistics i and i+1 the
    /// weights are (i+1-idx, idx-i) divided by their sum), then `np.unique`.
    static func quantileBins(sorted: [Double], classCount k: Int) -> [Double] {
        let n = sorted.count
        let w = 100.0 / Double(k)
        var bins: [Double] = []
        for i in 0..<k {
            let p = min(100.0, w + Double(i) * w)
            let idx = p / 100.0 * Double(n - 1)
            let lower = Int(idx)
            let score: Double
            if Double(lower) == idx {
                score = sorted[lower]
            } else {
                let w0 = Double(lower + 1) - idx
                let w1 = idx - Double(lower)
                score = (sorted[lower] * w0 + sorted[lower + 1] * w1) / (w0 + w1)
            }
            bins.append(score)
        }
        return unique(bins)
    }

    /// `mapclassify.EqualInterval`: `width = (max - min) / k`, cuts `np.arange(min + width, max + width,
    /// width)` cut to k, the last set to the maximum. All values equal: one class.
    static func equalIntervalBins(sorted: [Double], classCount k: Int) -> [Double] {
        let lo = sorted[0]
        let hi = sorted[sorted.count - 1]
        guard hi > lo else { return [hi] }
        // A range wider than the largest Double (-1e308…1e308) is divided before it is taken.
        guard (hi - lo).isFinite else {
            let width = hi / Double(k) - lo / Double(k)
            var cuts = (1...k).map { lo + Double($0) * width }
            cuts[k - 1] = hi
            return unique(cuts)
        }
        let width = (hi - lo) / Double(k)
        guard width > 0 else { return [hi] }
        // numpy's arange fills start + i·delta with delta = (start + step) - start.
        let start = lo + width
        let delta = (start + width) - start
        var cuts = (0..<k).map { start + Double($0) * delta }
        cuts[k - 1] = hi
        return unique(cuts)
    }

    /// `mapclassify._fisher_jenks_means` (Fisher 1958; Jenks 1977; the Java/Fortran port via
    /// D. J. Lewis): dynamic programming over the sorted values with `Float` sums and variances, as
    /// mapclassify's float32 arrays, so that near-ties resolve the same way. Returns the upper bound
    /// of each class. The class count is capped at the number of distinct values.
    static func fisherJenksBins(sorted values: [Double], classCount requested: Int) -> [Double] {
        let n = values.count
        let k = min(requested, unique(values).count)
        guard k > 1 else { return [values[n - 1]] }
        let cols = k + 1
        // Float sums of squares overflow above about 1e17: larger values are scaled by a power of two
        // (exact, and the partition does not depend on scale), smaller ones keep mapclassify's arithmetic.
        let largest = values.map(\.magnitude).max() ?? 0
        let scale = largest > 1e15 ? 1 / Double(sign: .plus, exponent: largest.exponent, significand: 1) : 1
        // lower[l·cols + j]: 1-based index of the first value of the last class when the first l
        // values form j classes; cost[…]: the least sum of within-class squared deviations.
        var lower = [Int32](repeating: 0, count: (n + 1) * cols)
        var cost = [Float](repeating: 0, count: (n + 1) * cols)
        for j in 1...k { lower[cols + j] = 1 }
        if n >= 2 { for l in 2...n { for j in 1...k { cost[l * cols + j] = .infinity } } }
        var v: Float = 0
        if n >= 2 {
            for l in 2...n {
                var s1: Float = 0
                var s2: Float = 0
                var w: Float = 0
                for m in 1...l {
                    let i3 = l - m + 1
                    let val = Float(values[i3 - 1] * scale)
                    s2 += val * val
                    s1 += val
                    w += 1
                    v = s2 - (s1 * s1) / w
                    let i4 = i3 - 1
                    if i4 != 0 {
                        for j in 2...k where cost[l * cols + j] >= v + cost[i4 * cols + j - 1] {
                            lower[l * cols + j] = Int32(i3)
                            cost[l * cols + j] = v + cost[i4 * cols + j - 1]
                        }
                    }
                }
                lower[l * cols + 1] = 1
                cost[l * cols + 1] = v
            }
        }
        var bounds = [Double](repeating: 0, count: k + 1)
        bounds[k] = values[n - 1]
        bounds[0] = values[0]
        var last = n
        for classNumber in stride(from: k, to: 1, by: -1) {
            let pivot = Int(lower[last * cols + classNumber])
            bounds[classNumber - 1] = values[max(0, pivot - 2)]
            last = max(1, pivot - 1)
        }
        return unique(Array(bounds.dropFirst()))
    }

    /// Sorted distinct values (`np.unique`).
    static func unique(_ values: [Double]) -> [Double] {
        var out: [Double] = []
        for v in values.sorted() where out.last != v { out.append(v) }
        return out
    }
}
