import GeoModel

/// Distinct locations whose business/residential code makes them passings (residential and mixed
/// use by default), by census block: the denominator of the take rate.
public struct PassingTable: Sendable {
    public let codes: Set<BusinessResidentialCode>
    private var blocks: [Int64: UInt64] = [:]

    public init(codes: Set<BusinessResidentialCode>) { self.codes = codes }

    /// Records the record's location when its code is a passing code and its block GEOID is valid.
    public mutating func add(_ record: AvailabilityRecord) {
        guard codes.contains(record.businessResidential),
              let block = LocationTable.blockNumber(record.blockGEOID) else { return }
        if blocks[record.locationID] == nil { blocks[record.locationID] = block }
    }

    public var count: Int { blocks.count }

    /// Passings per area at a census level, by GEOID prefix of each location's block.
    public func counts(by level: AreaLevel) -> [AreaID: Int] {
        var byKey: [UInt64: Int] = [:]
        let divisor = LocationTable.power10(15 - level.geoidLength)
        for block in blocks.values { byKey[block / divisor, default: 0] += 1 }
        var out: [AreaID: Int] = [:]
        for (k, v) in byKey { out[AreaID(LocationTable.format(k, digits: level.geoidLength))] = v }
        return out
    }
}
