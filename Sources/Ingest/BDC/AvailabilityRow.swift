import GeoModel

/// The columns of one BDC availability row that classification and the provider landscape need,
/// parsed straight from the file's bytes: no `String` is made per row (the block GEOID and the H3
/// cell are kept as integers, provider ids and brands as numbers of texts kept once per thread).
///
/// This is what the parallel reader (`BDCReader.fold`) hands to an `AvailabilityAccumulator`;
/// `AvailabilityRecord` is the full record of the record-by-record reader.
public struct AvailabilityRow: Hashable, Sendable {
    /// Fabric location id.
    public var locationID: Int64
    /// The 15-digit census block GEOID as an integer (format with 15 digits to restore leading zeros).
    public var block: UInt64
    /// FCC technology code.
    public var technology: Int
    /// Maximum advertised speeds in Mbps; nil when the file leaves the field empty.
    public var download: Double?
    public var upload: Double?
    /// `low_latency` flag; nil when empty.
    public var lowLatency: Bool?
    public var businessResidential: BusinessResidentialCode
    /// The FCC provider id (`provider_id`, digits) as an integer; -1 when the file has none or it is
    /// not a number.
    public var providerID: Int64
    /// The provider id and the brand name exactly as written, as numbers of texts in the table the
    /// reading thread hands over with the rows (`AvailabilityAccumulator.add`); 0 is the empty text
    /// (also when the file has no such column).
    public var providerText: Int32
    public var brandText: Int32
    /// The location's H3 cell as written (`H3CellCode`, which gives back the text with the same table).
    public var h3Cell: UInt64

    public init(
        locationID: Int64, block: UInt64, technology: Int, download: Double?, upload: Double?,
        lowLatency: Bool?, businessResidential: BusinessResidentialCode, providerID: Int64 = -1,
        providerText: Int32 = 0, brandText: Int32 = 0, h3Cell: UInt64 = H3CellCode.none
    ) {
        self.locationID = locationID; self.block = block; self.technology = technology; self.download = download
        self.upload = upload; self.lowLatency = lowLatency; self.businessResidential = businessResidential
        self.providerID = providerID; self.providerText = providerText; self.brandText = brandText; self.h3Cell = h3Cell
    }
}
