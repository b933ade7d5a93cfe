import Foundation

/// The capital cost of passing an area's locations with fibre: Cartesian's 2019 group averages by
/// household density, or route length × cost per foot.
public enum CostToPass {
    /// One of Cartesian's household-density groups (Cartesian for the Fiber Broadband Association,
    /// "FTTH Study 2019 Summary Findings"): the modelled average cost to pass per household of the
    /// whole group (2019 dollars) and the penetration the study assumed there. D2 is not priced.
    public struct DensityGroup: Hashable, Sendable {
        public var name: String
        /// Households per square mile at which the group starts (inclusive).
        public var lowerBound: Double
        /// The group's upper bound (exclusive); nil for the densest group.
        public var upperBound: Double?
        /// Modelled average cost to pass per household, 2019 dollars; nil when the study does not price the group.
        public var averageCost: Double?
        /// The penetration the study assumed for the group.
        public var assumedPenetration: Double?
    }

    /// Cartesian 2019 groups, densest first: A ≥ 1,525 ($668), B 767–1,525 ($1,313), C 302–767
    /// ($2,187), D1 63–302 ($3,656) households per square mile; D2 below 63 is not priced.
    public static let cartesian2019: [DensityGroup] = [
        DensityGroup(name: "A", lowerBound: 1525, upperBound: nil, averageCost: 668, assumedPenetration: 0.45),
        DensityGroup(name: "B", lowerBound: 767, upperBound: 1525, averageCost: 1313, assumedPenetration: 0.50),
        DensityGroup(name: "C", lowerBound: 302, upperBound: 767, averageCost: 2187, assumedPenetration: 0.60),
        DensityGroup(name: "D1", lowerBound: 63, upperBound: 302, averageCost: 3656, assumedPenetration: 0.70),
        DensityGroup(name: "D2", lowerBound: 0, upperBound: 63, averageCost: nil, assumedPenetration: nil),
    ]

    /// The group an area of this household density falls in (lookup, no interpolation).
    public static func group(householdsPerSquareMile density: Double) -> DensityGroup {
        cartesian2019.first { density >= $0.lowerBound } ?? cartesian2019[cartesian2019.count - 1]
    }

    /// Below 63 households/mi² the study gives no figure. The extrapolation is a least-squares line
    /// cost = a + b · ln(density) through the bounded priced groups (B, C, D1), each placed at the
    /// geometric mean of its bounds; density is floored at 1 household per square mile.
    public static let extrapolation: (intercept: Double, slope: Double) = {
        let points = cartesian2019.compactMap { g -> (x: Double, y: Double)? in
            guard let upper = g.upperBound, let cost = g.averageCost, g.lowerBound > 0 else { return nil }
            return (log((g.lowerBound * upper).squareRoot()), cost)
        }
        let n = Double(points.count)
        let mx = points.reduce(0) { $0 + $1.x } / n
        let my = points.reduce(0) { $0 + $1.y } / n
        let sxy = points.reduce(0) { $0 + ($1.x - mx) * ($1.y - my) }
        let sxx = points.reduce(0) { $0 + ($1.x - mx) * ($1.x - mx) }
        let slope = sxy / sxx
        return (my - slope * mx, slope)
    }()

    /// The extrapolated 2019 cost per household below the priced groups.
    public static func extrapolated(householdsPerSquareMile density: Double) -> Double {
        extrapolation.intercept + extrapolation.slope * log(max(1, density))
    }

    /// Route miles to pass `passings` locations in `squareMiles`: factor × √(n · A) (Beardwood,
    /// Halton & Hammersley 1959: the shortest tour through n random points in area A).
    public static func estimatedRouteMiles(passings: Int, squareMiles: Double, factor: Double) -> Double {
        factor * (Double(max(0, passings)) * max(0, squareMiles)).squareRoot()
    }

    /// Cost of a route: miles × 5,280 ft × the blended $ per foot.
    public static func routeCost(
        miles: Double, undergroundShare: Double, undergroundPerFoot: Double,
        aerialPerFoot: Double
    ) -> Double {
        miles * 5280 * (undergroundShare * undergroundPerFoot + (1 - undergroundShare) * aerialPerFoot)
    }

    /// How an area's cost to pass was found.
    public enum Basis: Hashable, Sendable {
        /// A Cartesian group's average × the construction-cost index.
        case densityGroup(String)
        /// Road miles measured from the road layer × $/ft.
        case measuredRoute
        /// Route miles estimated from land area and passings × $/ft.
        case estimatedRoute
        /// Below the priced groups and no road layer: the log-density line extended (marked in the report).
        case extrapolated
        /// No land area: Cartesian's sparsest priced group (D1) as a conservative stand-in.
        case noLandArea

        /// The words results.csv and the report use.
        public var label: String {
            switch self {
            case .densityGroup(let g): "Cartesian group \(g)"
            case .measuredRoute: "route (measured road miles)"
            case .estimatedRoute: "route (estimated miles)"
            case .extrapolated: "extrapolated below 63/mi²"
            case .noLandArea: "Cartesian D1 (no land area)"
            }
        }
    }

    /// An area's cost to pass before contingency, and what it rests on.
    public struct Estimate: Hashable, Sendable {
        /// Cost to pass per passing, before contingency (today's dollars).
        public var perPassing: Double
        public var basis: Basis
        /// Route miles priced by the route model (nil for the density groups).
        public var routeMiles: Double?
    }

    /// An area's cost to pass per passing under `cost`, before contingency.
    ///
    /// Density method: the Cartesian group average of the area's households per square mile ×
    /// `constructionCostIndex`; below 63/mi² the route model when road miles were measured, else the
    /// extrapolated line × index. Route method: route miles (measured, else estimated) × 5,280 ×
    /// blended $/ft (per-foot costs are already today's dollars: no index).
    public static func estimate(_ area: BusinessCaseArea, _ cost: BusinessCaseParameters.Cost) -> Estimate {
        guard area.passings > 0 else { return Estimate(perPassing: 0, basis: .noLandArea, routeMiles: nil) }
        func route(_ miles: Double, _ basis: Basis) -> Estimate {
            Estimate(
                perPassing: routeCost(
                    miles: miles, undergroundShare: cost.undergroundShare,
                    undergroundPerFoot: cost.undergroundPerFoot, aerialPerFoot: cost.aerialPerFoot)
                    / Double(area.passings),
                basis: basis, routeMiles: miles)
        }
        let fallback = cartesian2019.last { $0.averageCost != nil }!
        let noArea = Estimate(
            perPassing: fallback.averageCost! * cost.constructionCostIndex, basis: .noLandArea, routeMiles: nil)
        switch cost.method {
        case .density:
            guard let density = area.householdDensity else { return noArea }
            let g = group(householdsPerSquareMile: density)
            if let average = g.averageCost {
                return Estimate(
                    perPassing: average * cost.constructionCostIndex, basis: .densityGroup(g.name), routeMiles: nil)
            }
            if let miles = area.routeMiles { return route(miles, .measuredRoute) }
            return Estimate(
                perPassing: extrapolated(householdsPerSquareMile: density) * cost.constructionCostIndex,
                basis: .extrapolated, routeMiles: nil)
        case .route:
            if let miles = area.routeMiles { return route(miles, .measuredRoute) }
            if let sq = area.landAreaSquareMiles, sq > 0 {
                return route(
                    estimatedRouteMiles(passings: area.passings, squareMiles: sq, factor: cost.routeFactor),
                    .estimatedRoute)
            }
            return noArea
        }
    }
}
