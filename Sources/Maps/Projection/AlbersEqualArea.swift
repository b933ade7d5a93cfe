import Foundation
import GeoModel

/// The Albers equal-area conic projection on the GRS 80 ellipsoid: longitude/latitude in degrees to
/// metres, for map frames that need their own projection (Alaska, Hawaii and Puerto Rico insets).
///
/// Formulas: J. P. Snyder, *Map Projections — A Working Manual*, USGS Professional Paper 1395 (1987),
/// equations 14-1 to 14-6 and 3-12 (ellipsoidal Albers). NAD83 and WGS 84 use GRS 80 (a = 6,378,137 m,
/// 1/f = 298.257222101), so coordinates in either datum project the same to well under a metre.
public struct AlbersEqualArea: Hashable, Sendable {
    /// Standard parallels, latitude of origin and central meridian, degrees.
    public let standardParallel1: Double
    public let standardParallel2: Double
    public let latitudeOfOrigin: Double
    public let centralMeridian: Double

    // GRS 80 (Moritz 1980, Geodetic Reference System 1980).
    static let semiMajorAxis = 6_378_137.0
    static let flattening = 1 / 298.257222101
    static let eccentricitySquared = 2 * flattening - flattening * flattening

    private let n: Double
    private let c: Double
    private let rho0: Double

    /// - Precondition: the two standard parallels differ and lie strictly between the poles.
    public init(standardParallel1: Double, standardParallel2: Double, latitudeOfOrigin: Double, centralMeridian: Double)
    {
        precondition(standardParallel1 != standardParallel2, "Albers needs two different standard parallels")
        self.standardParallel1 = standardParallel1
        self.standardParallel2 = standardParallel2
        self.latitudeOfOrigin = latitudeOfOrigin
        self.centralMeridian = centralMeridian
        let m1 = Self.m(standardParallel1)
        let m2 = Self.m(standardParallel2)
        let q1 = Self.q(standardParallel1)
        let q2 = Self.q(standardParallel2)
        n = (m1 * m1 - m2 * m2) / (q2 - q1)  // 14-14
        c = m1 * m1 + n * q1  // 14-13
        rho0 = Self.semiMajorAxis * (c - n * Self.q(latitudeOfOrigin)).squareRoot() / n  // 14-12a
    }

    /// EPSG:5070, NAD83 / Conus Albers: parallels 29.5° and 45.5° N, origin 23° N, 96° W (EPSG registry).
    public static let conus = AlbersEqualArea(
        standardParallel1: 29.5, standardParallel2: 45.5,
        latitudeOfOrigin: 23, centralMeridian: -96)
    /// EPSG:3338, NAD83 / Alaska Albers: parallels 55° and 65° N, origin 50° N, 154° W (EPSG registry).
    public static let alaska = AlbersEqualArea(
        standardParallel1: 55, standardParallel2: 65,
        latitudeOfOrigin: 50, centralMeridian: -154)
    /// ESRI:102007, Hawaii Albers Equal Area Conic: parallels 8° and 18° N, origin 13° N, 157° W (ESRI registry).
    public static let hawaii = AlbersEqualArea(
        standardParallel1: 8, standardParallel2: 18,
        latitudeOfOrigin: 13, centralMeridian: -157)
    /// Puerto Rico and the US Virgin Islands have no registered equal-area CRS; this project's choice:
    /// parallels 18° and 18.5° N bracketing the islands, origin 18° N, central meridian 66° W.
    public static let puertoRico = AlbersEqualArea(
        standardParallel1: 18, standardParallel2: 18.5,
        latitudeOfOrigin: 18, centralMeridian: -66)

    /// Projects a longitude/latitude (degrees) to metres. Longitudes are taken relative to the central
    /// meridian in (-180°, 180°], so shapes crossing the antimeridian (the Aleutians) stay whole.
    public func project(_ p: Point) -> Point {
        let a = Self.semiMajorAxis
        let rho = a * max(0, c - n * Self.q(p.y)).squareRoot() / n  // 14-12
        var dLon = (p.x - centralMeridian).truncatingRemainder(dividingBy: 360)
        if dLon > 180 { dLon -= 360 } else if dLon <= -180 { dLon += 360 }
        let theta = n * dLon * .pi / 180  // 14-4
        return Point(x: rho * sin(theta), y: rho0 - rho * cos(theta))  // 14-1, 14-2
    }

    /// Projects every vertex of a shape given in longitude/latitude.
    public func project(_ shape: MultiPolygon) -> MultiPolygon {
        MultiPolygon(
            polygons: shape.polygons.map { polygon in
                Polygon(rings: polygon.rings.map { ring in ring.map(project) })
            })
    }

    /// Snyder 14-15: m = cos φ / √(1 − e² sin² φ).
    static func m(_ latitude: Double) -> Double {
        let phi = latitude * .pi / 180
        let s = sin(phi)
        return cos(phi) / (1 - eccentricitySquared * s * s).squareRoot()
    }

    /// Snyder 3-12: q = (1 − e²)[sin φ / (1 − e² sin² φ) − 1/(2e) · ln((1 − e sin φ) / (1 + e sin φ))].
    static func q(_ latitude: Double) -> Double {
        let e2 = eccentricitySquared
        let e = e2.squareRoot()
        let s = sin(latitude * .pi / 180)
        return (1 - e2) * (s / (1 - e2 * s * s) - (1 / (2 * e)) * log((1 - e * s) / (1 + e * s)))
    }
}
