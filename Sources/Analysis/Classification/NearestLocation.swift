import Foundation
import GeoModel

/// Finds the location nearest a position among a locations file's points (x = longitude, y = latitude,
/// degrees), within a distance: how an anchor institution given by coordinates is placed at a Fabric
/// location. Points are bucketed in cells of about 200 m, so a lookup reads the nine cells around it.
public struct NearestLocation: Sendable {
    /// How far a match may be: 100 m, about a large parcel's width (planning assumption, no published
    /// source).
    public static let maximumMetres = 100.0

    /// Cell size in degrees of latitude (≈ 222 m; cells are narrower in longitude away from the equator,
    /// so the nine-cell neighbourhood always spans more than `maximumMetres`).
    static let cellDegrees = 0.002
    private var cells: [Cell: [(id: Int64, point: Point)]] = [:]

    struct Cell: Hashable {
        var x: Int, y: Int
        init(_ p: Point) {
            x = Int((p.x / NearestLocation.cellDegrees).rounded(.down))
            y = Int((p.y / NearestLocation.cellDegrees).rounded(.down))
        }
    }

    public init(points: [Int64: Point]) {
        for (id, p) in points { cells[Cell(p), default: []].append((id, p)) }
    }

    /// The nearest location to `p` within `maximumMetres` and its distance (ties: the lower id); nil when
    /// none is that close.
    public func nearest(to p: Point) -> (id: Int64, metres: Double)? {
        let c = Cell(p)
        var best: (id: Int64, metres: Double)?
        for dx in -1...1 {
            for dy in -1...1 {
                for (id, q) in cells[Cell(x: c.x + dx, y: c.y + dy)] ?? [] {
                    let d = Self.metres(p, q)
                    guard d <= Self.maximumMetres else { continue }
                    if best.map({ d < $0.metres || (d == $0.metres && id < $0.id) }) ?? true { best = (id, d) }
                }
            }
        }
        return best
    }

    /// The distance between two positions in metres (equirectangular on the IUGG mean radius 6,371,008.8 m:
    /// within 0.01 % of the great-circle distance over a few hundred metres).
    static func metres(_ a: Point, _ b: Point) -> Double {
        let r = 6_371_008.8
        let radians = Double.pi / 180
        let x = (b.x - a.x) * radians * cos((a.y + b.y) / 2 * radians)
        let y = (b.y - a.y) * radians
        return r * (x * x + y * y).squareRoot()
    }
}

extension NearestLocation.Cell {
    init(x: Int, y: Int) { self.x = x; self.y = y }
}
