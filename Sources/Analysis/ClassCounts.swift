import GeoModel

/// Locations by service class in one area (or in the whole study).
public struct ClassCounts: Hashable, Sendable, Codable {
    public var unserved = 0
    public var underserved = 0
    public var served = 0

    public init(unserved: Int = 0, underserved: Int = 0, served: Int = 0) {
        self.unserved = unserved; self.underserved = underserved; self.served = served
    }

    public var locations: Int { unserved + underserved + served }

    public mutating func add(_ c: ServiceClass, count n: Int = 1) {
        switch c {
        case .unserved: unserved += n
        case .underserved: underserved += n
        case .served: served += n
        }
    }

    public static func + (a: ClassCounts, b: ClassCounts) -> ClassCounts {
        ClassCounts(unserved: a.unserved + b.unserved, underserved: a.underserved + b.underserved,
                    served: a.served + b.served)
    }

    /// Share of locations that are unserved (nil for an area with no locations).
    public var unservedShare: Double? { share(unserved) }
    public var underservedShare: Double? { share(underserved) }
    /// Share unserved or underserved: the BEAD-eligible share.
    public var unservedOrUnderservedShare: Double? { share(unserved + underserved) }

    private func share(_ n: Int) -> Double? { locations == 0 ? nil : Double(n) / Double(locations) }
}
