import GeoModel

/// Classification of FCC Form 477 fixed deployment data by census block, the legacy way: profile
/// `form477-25-3` — a block is *served* when any provider reports a fixed terrestrial consumer
/// offering of at least 25/3 Mbps there, otherwise *unserved* (satellite, Form 477 TechCode 60, is left
/// out as in the FCC's Broadband Deployment Reports, which counted fixed terrestrial service) (Form 477 has no locations, so blocks are counted; it has
/// no latency field, so there is no *underserved* class). Old and new vintages can then be compared
/// area by area (block counts here, location counts from BDC).
public struct Form477BlockTable: Sendable {
    /// The profile's name as a study or command would give it.
    public static let profileName = "form477-25-3"
    /// The 25/3 Mbps benchmark (FCC 2015 Broadband Progress Report, FCC 15-10).
    public static let minimumDownload = Bandwidth.mbps(25)
    public static let minimumUpload = Bandwidth.mbps(3)
    /// Form 477 TechCode for satellite (FCC Form 477 instructions, technology codes).
    public static let satelliteTechnology = 60

    /// Whether each block (15-digit code as an integer) is served.
    public private(set) var blocks: [UInt64: Bool] = [:]
    /// Rows folded, and rows whose block code was not 15 digits (skipped).
    public private(set) var rowsSeen = 0
    public private(set) var rowsWithBadBlock = 0

    public init() {}

    /// Folds one deployment row: the block is counted, and served if this row is a consumer
    /// offering at or above 25/3.
    public mutating func add(blockCode: String, technology: Int = 0, consumer: Bool, download: Double, upload: Double) {
        rowsSeen += 1
        guard let block = LocationTable.blockNumber(blockCode) else {
            rowsWithBadBlock += 1
            return
        }
        let serves =
            technology != Self.satelliteTechnology && consumer
            && download >= Self.minimumDownload.mbps && upload >= Self.minimumUpload.mbps
        blocks[block] = (blocks[block] ?? false) || serves
    }

    /// Blocks per class (served or unserved) per area at a census level, by GEOID prefix.
    public func counts(by level: AreaLevel) -> [AreaID: ClassCounts] {
        var byKey: [UInt64: ClassCounts] = [:]
        let divisor = LocationTable.power10(15 - level.geoidLength)
        for (block, served) in blocks {
            byKey[block / divisor, default: ClassCounts()].add(served ? .served : .unserved)
        }
        var out: [AreaID: ClassCounts] = [:]
        for (k, v) in byKey { out[AreaID(LocationTable.format(k, digits: level.geoidLength))] = v }
        return out
    }

    /// Blocks per class over the whole table.
    public var totals: ClassCounts {
        var c = ClassCounts()
        for served in blocks.values { c.add(served ? .served : .unserved) }
        return c
    }
}
