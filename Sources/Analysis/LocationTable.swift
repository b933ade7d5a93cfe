import GeoModel

/// The per-location state of a classification: one entry per distinct location, whatever the number
/// of availability rows (memory grows with locations, not rows).
public struct LocationTable: Sendable {
    /// What is kept per location: its best class so far and its census block.
    public struct Entry: Hashable, Sendable {
        /// The 15-digit block GEOID as an integer (leading zeros restored when formatted).
        public var block: UInt64
        public var best: ServiceClass
    }

    public let profile: PolicyProfile
    public private(set) var entries: [Int64: Entry] = [:]
    /// Rows seen, and rows ignored because of their business/residential code.
    public private(set) var rowsSeen = 0
    public private(set) var rowsIgnored = 0
    /// Rows whose block GEOID was not 15 digits (the location is kept under its first valid block).
    public private(set) var rowsWithBadBlock = 0

    public init(profile: PolicyProfile) { self.profile = profile }

    /// Folds one availability record into its location's state (steps 2 and 3 of the rule).
    public mutating func add(_ record: AvailabilityRecord) {
        rowsSeen += 1
        guard profile.counts(record.businessResidential) else { rowsIgnored += 1; return }
        guard let block = LocationTable.blockNumber(record.blockGEOID) else { rowsWithBadBlock += 1; return }
        let cls = profile.serviceClass(of: record)
        if let existing = entries[record.locationID] {
            if cls > existing.best { entries[record.locationID]!.best = cls }
        } else {
            entries[record.locationID] = Entry(block: block, best: cls)
        }
    }

    /// Number of distinct locations classified.
    public var count: Int { entries.count }

    /// Locations per class over the whole table.
    public var totals: ClassCounts {
        var c = ClassCounts()
        for e in entries.values { c.add(e.best) }
        return c
    }

    /// Counts per area at a census level, by GEOID prefix of each location's block.
    public func counts(by level: AreaLevel) -> [AreaID: ClassCounts] {
        var byKey: [UInt64: ClassCounts] = [:]
        let divisor = LocationTable.power10(15 - level.geoidLength)
        for e in entries.values {
            byKey[e.block / divisor, default: ClassCounts()].add(e.best)
        }
        var out: [AreaID: ClassCounts] = [:]
        out.reserveCapacity(byKey.count)
        for (k, v) in byKey { out[AreaID(LocationTable.format(k, digits: level.geoidLength))] = v }
        return out
    }

    /// The 15-digit block GEOID as an integer, nil when it is not 15 ASCII digits.
    static func blockNumber(_ geoid: String) -> UInt64? {
        var n: UInt64 = 0
        var digits = 0
        for b in geoid.utf8 {
            guard b >= 48 && b <= 57 else { return nil }
            n = n * 10 + UInt64(b - 48)
            digits += 1
        }
        return digits == 15 ? n : nil
    }

    static func power10(_ e: Int) -> UInt64 { (0..<e).reduce(1) { r, _ in r * 10 } }

    static func format(_ n: UInt64, digits: Int) -> String {
        let s = String(n)
        return s.count >= digits ? s : String(repeating: "0", count: digits - s.count) + s
    }
}
