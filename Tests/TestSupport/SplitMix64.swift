import Analysis
import GeoModel

/// The tests' seeded generator: the business case's SplitMix64 (`RandomSource`), so every test run
/// draws the same values and a failure reproduces.
public typealias SplitMix64 = RandomSource

extension RandomSource {
    public mutating func index(below n: Int) -> Int { Int(next() % UInt64(n)) }
    public mutating func point(in box: BoundingBox) -> Point {
        Point(x: box.minX + unit() * box.width, y: box.minY + unit() * box.height)
    }
}
