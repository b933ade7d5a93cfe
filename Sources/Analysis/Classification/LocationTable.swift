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
    /// Best class and block per location id, in one table or in the partitions of a `SharedLocationTable`
    /// (a location is in exactly one of them).
    private var parts: [LocationClassTable]
    /// Rows seen, and rows ignored because of their business/residential code.
    public private(set) var rowsSeen = 0
    public private(set) var rowsIgnored = 0
    /// Rows whose block GEOID was not 15 digits (the location is kept under its first valid block).
    public private(set) var rowsWithBadBlock = 0
    /// Locations with an enforceable commitment (inputs.funded_locations): when not served they are
    /// counted as funded, apart from the need.
    public var fundedLocations: Set<Int64> = []

    public init(profile: PolicyProfile) {
        self.profile = profile
        rule = ServiceRule(profile)
        parts = [LocationClassTable()]
    }

    /// The table a parallel fold built: the partitions of a `SharedLocationTable` and the row counts
    /// of every worker.
    public init(profile: PolicyProfile, shared: SharedLocationTable, rowsSeen: Int, rowsIgnored: Int) {
        self.profile = profile
        rule = ServiceRule(profile)
        parts = shared.takeTables()
        self.rowsSeen = rowsSeen
        self.rowsIgnored = rowsIgnored
    }

    /// Locations whose rows, folded by several threads, named different blocks: which came first in
    /// the files is then not known (zero in FCC data, where a location lies in one block).
    public var blockDisagreements: Int { parts.reduce(0) { $0 + $1.blockDisagreements } }

    /// Folds one availability record into its location's state (steps 2 and 3 of the rule).
    public mutating func add(_ record: AvailabilityRecord) {
        guard let block = LocationTable.blockNumber(record.blockGEOID) else {
            rowsSeen += 1
            if profile.counts(record.businessResidential) { rowsWithBadBlock += 1 } else { rowsIgnored += 1 }
            return
        }
        add(
            locationID: record.locationID, block: block, technology: record.technology.code,
            download: record.download?.mbps, upload: record.upload?.mbps, lowLatency: record.lowLatency,
            businessResidential: record.businessResidential, provider: Int64(record.providerID) ?? -1)
    }

    /// Folds one row given by its parts (the parallel reader's path): `block` is the 15-digit GEOID as
    /// an integer, speeds in Mbps. A location keeps the block of its first row.
    @inline(__always)
    public mutating func add(
        locationID: Int64, block: UInt64, technology: Int, download: Double?, upload: Double?,
        lowLatency: Bool?, businessResidential: BusinessResidentialCode, provider: Int64 = -1
    ) {
        rowsSeen += 1
        guard rule.counts(businessResidential) else {
            rowsIgnored += 1
            return
        }
        let cls = rule.serviceClass(
            technology: technology, download: download, upload: upload, lowLatency: lowLatency,
            provider: provider, location: locationID)
        if parts.count != 1 { consolidate() }
        parts[0].add(location: locationID, block: block, serviceClass: cls)
    }

    /// Moves the partitions of a parallel fold into one table, so that rows added afterwards find
    /// their location wherever it was.
    private mutating func consolidate() {
        var one = LocationClassTable()
        for p in parts { one.merge(p) }
        parts = [one]
    }

    /// Folds another table of the same profile in. Where both hold a location under different
    /// blocks, `blockDisagreements` counts it.
    public mutating func merge(_ other: consuming LocationTable) {
        precondition(other.profile == profile, "merging tables of different policy profiles")
        rowsSeen += other.rowsSeen
        rowsIgnored += other.rowsIgnored
        rowsWithBadBlock += other.rowsWithBadBlock
        consolidate()
        for p in other.parts { parts[0].merge(p) }
    }

    /// The table over the locations of a locations file (NTIA counts the Fabric's locations): every
    /// listed location in its listed block, with the best class of its availability records, or
    /// unserved when it has none; availability locations the file does not list are left out.
    /// - Parameter universe: block (15-digit GEOID as an integer) per listed location id.
    /// - Returns: the table and how many availability locations the file does not list.
    public func over(universe: [Int64: UInt64]) -> (table: LocationTable, notInUniverse: Int) {
        var one = LocationClassTable()
        var notInUniverse = 0
        forEach { id, _, cls in
            if let block = universe[id] {
                one.add(location: id, block: block, serviceClass: cls)
            } else {
                notInUniverse += 1
            }
        }
        for (id, block) in universe { one.add(location: id, block: block, serviceClass: .unserved) }
        var table = self
        table.parts = [one]
        return (table, notInUniverse)
    }

    /// Every location's entry by location id (builds a dictionary: for tests and small tables).
    /// Builds a dictionary of every location: O(locations) per call, so never call it in a loop
    /// (use `forEach`).
    public var entries: [Int64: Entry] {
        var out: [Int64: Entry] = [:]
        out.reserveCapacity(count)
        forEach { id, block, cls in out[id] = Entry(block: block, best: cls) }
        return out
    }

    /// Number of distinct locations classified.
    public var count: Int { parts.reduce(0) { $0 + $1.count } }

    /// Calls `body` with each location's id, block and class (in no particular order).
    public func forEach(_ body: (_ location: Int64, _ block: UInt64, _ serviceClass: ServiceClass) throws -> Void)
        rethrows
    {
        for p in parts { try p.forEach(body) }
    }

    /// Locations per class over the whole table.
    public var totals: ClassCounts {
        var c = ClassCounts()
        let funded = fundedLocations
        forEach { id, _, cls in c.add(cls, funded: !funded.isEmpty && funded.contains(id)) }
        return c
    }

    /// Counts per area at a census level, by GEOID prefix of each location's block.
    public func counts(by level: AreaLevel) -> [AreaID: ClassCounts] { counts(by: AreaGrouping(census: level)) }

    /// Counts per area of `grouping` (a location in no area is left out).
    public func counts(by grouping: AreaGrouping) -> [AreaID: ClassCounts] {
        var byKey: [UInt64: ClassCounts] = [:]
        let funded = fundedLocations
        forEach { id, block, cls in
            guard let key = grouping.key(location: id, block: block) else { return }
            byKey[key, default: ClassCounts()].add(cls, funded: !funded.isEmpty && funded.contains(id))
        }
        var out: [AreaID: ClassCounts] = [:]
        out.reserveCapacity(byKey.count)
        for (k, v) in byKey { out[grouping.id(k)] = v }
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

    /// 10 to the power `e` (a GEOID prefix is the block number divided by it).
    public static func power10(_ e: Int) -> UInt64 { (0..<e).reduce(1) { r, _ in r * 10 } }

    /// A GEOID kept as an integer, as text with its leading zeros (`digits` long).
    public static func format(_ n: UInt64, digits: Int) -> String {
        let s = String(n)
        return s.count >= digits ? s : String(repeating: "0", count: digits - s.count) + s
    }
}
