import Foundation

/// The capital cost of passing an area's locations with fibre: by housing density (Cartesian 2019)
/// or by route length × cost per foot.
public enum CostToPass {
    /// Cost to pass per household at a density (households per square mile), 2019 dollars:
    /// Cartesian for the Fiber Broadband Association, "Fiber Deployment Cost Annual Report" (2019):
    /// $668 at ≥ 1,525, $1,313 at 767, $2,187 at 302, $3,656 at ≤ 63 households/mi².
    public static let cartesian2019: [(density: Double, cost: Double)] = [
        (63, 3656), (302, 2187), (767, 1313), (1525, 668),
    ]

    /// Interpolates `cartesian2019` linearly in log density; flat beyond the end points.
    public static func perPassing(householdsPerSquareMile density: Double) -> Double {
        let points = cartesian2019
        guard density > points[0].density else { return points[0].cost }
        guard density < points[points.count - 1].density else { return points[points.count - 1].cost }
        for i in 1..<points.count where density <= points[i].density {
            let a = points[i - 1], b = points[i]
            let f = (log(density) - log(a.density)) / (log(b.density) - log(a.density))
            return a.cost + f * (b.cost - a.cost)
        }
        return points[points.count - 1].cost
    }

    /// Route miles to pass `passings` locations in `squareMiles`: factor × √(n · A) (Beardwood,
    /// Halton & Hammersley 1959: the shortest tour through n random points in area A).
    public static func estimatedRouteMiles(passings: Int, squareMiles: Double, factor: Double) -> Double {
        factor * (Double(max(0, passings)) * max(0, squareMiles)).squareRoot()
    }

    /// Cost of a route: miles × 5,280 ft × the blended $ per foot.
    public static func routeCost(miles: Double, undergroundShare: Double, undergroundPerFoot: Double,
                                 aerialPerFoot: Double) -> Double {
        miles * 5280 * (undergroundShare * undergroundPerFoot + (1 - undergroundShare) * aerialPerFoot)
    }

    /// An area's cost to pass per passing under `cost`, before contingency, including the
    /// construction-cost index. Without land area the sparsest Cartesian point ($3,656) is used
    /// (the conservative choice).
    public static func perPassing(_ area: BusinessCaseArea, _ cost: BusinessCaseParameters.Cost) -> Double {
        guard area.passings > 0 else { return 0 }
        switch cost.method {
        case .density:
            let base = area.householdDensity.map { perPassing(householdsPerSquareMile: $0) } ?? cartesian2019[0].cost
            return base * cost.constructionCostIndex
        case .route:
            let miles: Double
            if let m = area.routeMiles {
                miles = m
            } else if let sq = area.landAreaSquareMiles, sq > 0 {
                miles = estimatedRouteMiles(passings: area.passings, squareMiles: sq, factor: cost.routeFactor)
            } else {
                return cartesian2019[0].cost * cost.constructionCostIndex
            }
            return routeCost(miles: miles, undergroundShare: cost.undergroundShare, undergroundPerFoot: cost.undergroundPerFoot,
                             aerialPerFoot: cost.aerialPerFoot) * cost.constructionCostIndex / Double(area.passings)
        }
    }
}
