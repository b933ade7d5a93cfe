import GeoModel

/// A `PolicyProfile`'s per-record rule prepared for millions of rows: technology and
/// business/residential membership become table look-ups instead of set hashing.
/// Gives exactly `PolicyProfile.serviceClass(technology:download:upload:lowLatency:)`.
public struct ServiceRule: Sendable {
    /// Whether technology code `c` qualifies, for codes below 256 (codes the FCC defines are < 100).
    @usableFromInline let qualifying: [Bool]
    /// The profile, for codes outside the table.
    @usableFromInline let profile: PolicyProfile
    @usableFromInline let minimumDown, minimumUp, servedDown, servedUp: Double
    @usableFromInline let requiresLowLatency: Bool
    @usableFromInline let countsResidential, countsBusiness, countsBoth: Bool
    /// Unlicensed fixed wireless only where demonstrated (bead-2025); nil: no such condition.
    @usableFromInline let unlicensedDemonstrated: PolicyProfile.DemonstratedCapability?

    public init(_ profile: PolicyProfile) {
        self.profile = profile
        qualifying = (0..<256).map { profile.qualifyingTechnologies.contains(Technology(code: $0)) }
        minimumDown = profile.minimumDownload.mbps
        minimumUp = profile.minimumUpload.mbps
        servedDown = profile.servedDownload.mbps
        servedUp = profile.servedUpload.mbps
        requiresLowLatency = profile.requiresLowLatency
        countsResidential = profile.businessResidential.contains(.residential)
        countsBusiness = profile.businessResidential.contains(.business)
        countsBoth = profile.businessResidential.contains(.both)
        unlicensedDemonstrated = profile.unlicensedFixedWirelessDemonstrated
    }

    /// Whether rows with this business/residential code take part.
    @inlinable
    public func counts(_ code: BusinessResidentialCode) -> Bool {
        switch code {
        case .residential: countsResidential
        case .business: countsBusiness
        case .both: countsBoth
        }
    }

    /// The class one row gives its location (speeds in Mbps; nil when empty). `provider` and
    /// `location` matter only for unlicensed fixed wireless under a demonstrated-capability rule.
    @inlinable
    public func serviceClass(
        technology: Int, download: Double?, upload: Double?, lowLatency: Bool?,
        provider: Int64 = -1, location: Int64 = -1
    ) -> ServiceClass {
        let qualifies =
            technology >= 0 && technology < 256
            ? qualifying[technology] : profile.qualifyingTechnologies.contains(Technology(code: technology))
        guard qualifies else { return .unserved }
        if technology == 70, let d = unlicensedDemonstrated, !d.covers(provider: provider, location: location) {
            return .unserved
        }
        if requiresLowLatency && lowLatency != true { return .unserved }
        guard let down = download, let up = upload else { return .unserved }
        if down < minimumDown || up < minimumUp { return .unserved }
        if down < servedDown || up < servedUp { return .underserved }
        return .served
    }
}
