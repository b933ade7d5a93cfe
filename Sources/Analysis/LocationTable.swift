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
    /// The profile's rule, prepared for the per-row path.
    public let rule: ServiceRule
    /// Best class and block per location id.
    public private(set) var locations: LocationClassTable
    /// Rows seen, and rows ignored because of their business/residential code.
    public private(set) var rowsSeen = 0
    public private(set) var rowsIgnored = 0
    /// Rows whose block GEOID was not 15 digits (the location is kept under its first valid block).
    public private(set) var rowsWithBadBlock = 0

    public init(profile: PolicyProfile) {
        self.profile = profile
        rule = ServiceRule(profile)
        locations = LocationClassTable()
    }

    /// Folds one availability record into its location's state (steps 2 and 3 of the rule).
    public mutating func add(_ record: AvailabilityRecord) {
        guard let block = LocationTable.blockNumber(record.blockGEOID) else {
            rowsSeen += 1
            if profile.counts(record.businessResidential) { rowsWithBadBlock += 1 } else { rowsIgnored += 1 }
            return
        }
        add(locationID: record.locationID, block: block, technology: record.technology.code,
            download: record.download?.mbps, upload: record.upload?.mbps, lowLatency: record.lowLatency,
            businessResidential: record.businessResidential)
    }

    /// Folds one row given by its parts (the parallel reader's path): `block` is the 15-digit GEOID as
    /// an integer, speeds in Mbps. A location keeps the block of its first row.
    @inline(__always)
    public mutating func add(locationID: Int64, block: UInt64, technology: Int, download: Double?, upload: Double?,
                             lowLatency: Bool?, businessResidential: BusinessResidentialCode) {
        rowsSeen += 1
        guard rule.counts(businessResidential) else { rowsIgnored += 1; return }
        let cls = rule.serviceClass(technology: technology, download: download, upload: upload, lowLatency: lowLatency)
        locations.add(location: locationID, block: block, serviceClass: cls)
    }

    /// Starts loading the table slot of a location that `add` will fold soon (a look-ahead for batches).
    @inline(__always)
    public mutating func prepare(locationID: Int64) {
        locations.touch(locationID)
    }

    /// Folds another table of the same profile in (another worker's share of the rows). Where both
    /// hold a location under different blocks, `locations.blockDisagreements` counts it.
    public mutating func merge(_ other: consuming LocationTable) {
        precondition(other.profile == profile, "merging tables of different policy profiles")
        rowsSeen += other.rowsSeen
        rowsIgnored += other.rowsIgnored
        rowsWithBadBlock += other.rowsWithBadBlock
        // Insert the smaller table into the larger one: fewer insertions, no growth of the big one.
        if other.locations.count > locations.count { swap(&locations, &other.locations) }
        locations.merge(other.locations)
    }

    /// Every location's entry by location id (builds a dictionary: for tests and small tables).
    public var entries: [Int64: Entry] {
        var out: [Int64: Entry] = [:]
        out.reserveCapacity(locations.count)
        locations.forEach { id, block, cls in out[id] = Entry(block: block, best: cls) }
        return out
    }

    /// Number of distinct locations classified.
    public var count: Int { locations.count }

    /// Locations per class over the whole table.
    public var totals: ClassCounts {
        var c = ClassCounts()
        locations.forEach { _, _, cls in c.add(cls) }
        return c
    }

    /// Counts per area at a census level, by GEOID prefix of each location's block.
    public func counts(by level: AreaLevel) -> [AreaID: ClassCounts] {
        var byKey: [UInt64: ClassCounts] = [:]
        let divisor = LocationTable.power10(15 - level.geoidLength)
        locations.forEach { _, block, cls in byKey[block / divisor, default: ClassCounts()].add(cls) }
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
