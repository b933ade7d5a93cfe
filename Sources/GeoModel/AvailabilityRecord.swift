/// One row of an FCC BDC fixed availability file: one provider offering one technology at one location.
public struct AvailabilityRecord: Hashable, Sendable {
    /// Fabric location id (an integer in the BDC files).
    public var locationID: Int64
    public var providerID: String
    public var brandName: String
    public var technology: Technology
    /// Maximum advertised speeds; nil when the file leaves the field empty.
    public var download: Bandwidth?
    public var upload: Bandwidth?
    /// `low_latency` flag (1: round trip ≤ 100 ms); nil when empty.
    public var lowLatency: Bool?
    public var businessResidential: BusinessResidentialCode
    /// 15-digit 2020 census block GEOID as text (leading zeros kept).
    public var blockGEOID: String
    /// The location's H3 resolution-8 cell as written (`h3_res8_id`, `h3index_hex8`); "" without the column.
    public var h3Cell: String

    public init(
        locationID: Int64, providerID: String = "", brandName: String = "", technology: Technology,
        download: Bandwidth?, upload: Bandwidth?, lowLatency: Bool?,
        businessResidential: BusinessResidentialCode, blockGEOID: String, h3Cell: String = ""
    ) {
        self.locationID = locationID; self.providerID = providerID; self.brandName = brandName
        self.technology = technology; self.download = download; self.upload = upload; self.lowLatency = lowLatency
        self.businessResidential = businessResidential; self.blockGEOID = blockGEOID; self.h3Cell = h3Cell
    }

    /// The state FIPS code, taken from the block GEOID (the `state_usps` column is known to be wrong at times).
    public var stateFIPS: Substring { blockGEOID.prefix(2) }
}
