import GeoModel

/// Locations by service class in one area (or in the whole study). Unserved and underserved
/// locations that already carry an enforceable commitment to be served (a funded location: RDOF,
/// ReConnect, CAF II, a state grant) are counted apart, as `unservedFunded`/`underservedFunded`, and
/// are not part of `unserved`/`underserved` (the need).
public struct ClassCounts: Hashable, Sendable, Codable {
    public var unserved = 0
    public var underserved = 0
    public var served = 0
    public var unservedFunded = 0
    public var underservedFunded = 0

    public init(
        unserved: Int = 0, underserved: Int = 0, served: Int = 0, unservedFunded: Int = 0, underservedFunded: Int = 0
    ) {
        self.unserved = unserved; self.underserved = underserved; self.served = served
        self.unservedFunded = unservedFunded; self.underservedFunded = underservedFunded
    }

    public var locations: Int { unserved + underserved + served + funded }
    /// Funded locations that are not served yet.
    public var funded: Int { unservedFunded + underservedFunded }

    /// Counts one location of class `c`; `funded` moves an unserved or underserved one to its funded count.
    public mutating func add(_ c: ServiceClass, count n: Int = 1, funded: Bool = false) {
        switch c {
        case .unserved: if funded { unservedFunded += n } else { unserved += n }
        case .underserved: if funded { underservedFunded += n } else { underserved += n }
        case .served: served += n
        }
    }

    public static func + (a: ClassCounts, b: ClassCounts) -> ClassCounts {
        ClassCounts(
            unserved: a.unserved + b.unserved, underserved: a.underserved + b.underserved,
            served: a.served + b.served, unservedFunded: a.unservedFunded + b.unservedFunded,
            underservedFunded: a.underservedFunded + b.underservedFunded)
    }

    /// Share of locations that are unserved (nil for an area with no locations).
    public var unservedShare: Double? { share(unserved) }
    public var underservedShare: Double? { share(underserved) }
    /// Locations unserved or underserved: the BEAD-eligible count.
    public var unservedOrUnderserved: Int { unserved + underserved }
    /// Share unserved or underserved: the BEAD-eligible share.
    public var unservedOrUnderservedShare: Double? { share(unservedOrUnderserved) }

    private func share(_ n: Int) -> Double? { locations == 0 ? nil : Double(n) / Double(locations) }
}
