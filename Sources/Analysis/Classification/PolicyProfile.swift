import GeoModel

/// The rule that decides whether a location is unserved, underserved or served.
///
/// `bead-2022` is NTIA's BEAD method (Notice of Funding Opportunity, May 2022, §I.C.(bb)/(ss) and
/// the BEAD Challenge Process Policy Notice): only reliable technologies count (copper, cable, fiber,
/// licensed and licensed-by-rule fixed wireless); a location is *unserved* below 25/3 Mbps or without
/// low latency (≤ 100 ms), *underserved* below 100/20, otherwise *served*.
public struct PolicyProfile: Hashable, Sendable {
    /// The profile's name as written in a study file (`bead-2022`).
    public var name: String
    /// Technologies whose records can make a location underserved or served. Others are ignored.
    public var qualifyingTechnologies: Set<Technology>
    /// Below either speed a record leaves the location unserved.
    public var minimumDownload: Bandwidth
    public var minimumUpload: Bandwidth
    /// At or above both speeds a record serves the location.
    public var servedDownload: Bandwidth
    public var servedUpload: Bandwidth
    /// When true a record with `low_latency = 0` (or empty) counts as unserved.
    public var requiresLowLatency: Bool
    /// Records with these business/residential codes count; others are ignored. NTIA counts all three.
    public var businessResidential: Set<BusinessResidentialCode>
    /// Where unlicensed fixed wireless (70) counts only where the provider demonstrated 100/20
    /// capability (bead-2025): the providers and locations that did. Nil: 70 counts wherever it
    /// qualifies by technology.
    public var unlicensedFixedWirelessDemonstrated: DemonstratedCapability?

    /// Providers (FCC provider ids) and locations (Fabric location ids) for which a provider
    /// demonstrated the capability a rule asks of a technology.
    public struct DemonstratedCapability: Hashable, Sendable {
        public var providers: Set<Int64>
        public var locations: Set<Int64>
        public init(providers: Set<Int64> = [], locations: Set<Int64> = []) {
            self.providers = providers; self.locations = locations
        }
        @inlinable
        public func covers(provider: Int64, location: Int64) -> Bool {
            providers.contains(provider) || locations.contains(location)
        }
    }

    public init(
        name: String, qualifyingTechnologies: Set<Technology>, minimumDownload: Bandwidth,
        minimumUpload: Bandwidth, servedDownload: Bandwidth, servedUpload: Bandwidth,
        requiresLowLatency: Bool,
        businessResidential: Set<BusinessResidentialCode> = Set(BusinessResidentialCode.allCases)
    ) {
        self.name = name; self.qualifyingTechnologies = qualifyingTechnologies; self.minimumDownload = minimumDownload
        self.minimumUpload = minimumUpload; self.servedDownload = servedDownload; self.servedUpload = servedUpload
        self.requiresLowLatency = requiresLowLatency; self.businessResidential = businessResidential
    }

    /// NTIA BEAD (2022 NOFO): technologies 10, 40, 50, 71, 72; 25/3 and 100/20 Mbps; latency ≤ 100 ms.
    public static let bead2022 = PolicyProfile(
        name: "bead-2022",
        qualifyingTechnologies: [.copper, .cable, .fiber, .licensedFixedWireless, .licensedByRuleFixedWireless],
        minimumDownload: .mbps(25), minimumUpload: .mbps(3),
        servedDownload: .mbps(100), servedUpload: .mbps(20),
        requiresLowLatency: true)

    /// NTIA BEAD Restructuring Policy Notice (June 6, 2025): technology-neutral, and unlicensed fixed
    /// wireless (70) counts as reliable only where its provider demonstrated 100/20 capability (the
    /// providers or locations of `unlicensedFixedWirelessDemonstrated`; none by default, so a study
    /// lists them in `policy.ulfw_demonstrated`); thresholds and the latency rule are unchanged.
    public static let bead2025: PolicyProfile = {
        var p = PolicyProfile(
            name: "bead-2025",
            qualifyingTechnologies: [
                .copper, .cable, .fiber, .unlicensedFixedWireless, .licensedFixedWireless,
                .licensedByRuleFixedWireless,
            ],
            minimumDownload: .mbps(25), minimumUpload: .mbps(3),
            servedDownload: .mbps(100), servedUpload: .mbps(20),
            requiresLowLatency: true)
        p.unlicensedFixedWirelessDemonstrated = DemonstratedCapability()
        return p
    }()

    /// FCC 2024 Section 706 Report (FCC 24-27): the 100/20 Mbps benchmark over every terrestrial
    /// technology (all codes except satellite 60 and 61), no separate latency rule.
    public static let fcc2024 = PolicyProfile(
        name: "fcc-2024",
        qualifyingTechnologies: [
            .other, .copper, .cable, .fiber, .unlicensedFixedWireless,
            .licensedFixedWireless, .licensedByRuleFixedWireless,
        ],
        minimumDownload: .mbps(25), minimumUpload: .mbps(3),
        servedDownload: .mbps(100), servedUpload: .mbps(20),
        requiresLowLatency: false)

    /// The built-in profiles by name.
    public static let builtIn: [PolicyProfile] = [.bead2022, .bead2025, .fcc2024]

    /// The built-in profile called `name`.
    /// - Throws: `LastmileError.usage` listing the known names.
    public static func named(_ name: String) throws -> PolicyProfile {
        guard let p = builtIn.first(where: { $0.name == name }) else {
            throw LastmileError.usage(
                "unknown policy profile '\(name)'; expected one of: "
                    + builtIn.map(\.name).joined(separator: ", "))
        }
        return p
    }

    /// Whether a record takes part at all (its business/residential code is counted).
    @inlinable
    public func counts(_ code: BusinessResidentialCode) -> Bool { businessResidential.contains(code) }

    /// The class one availability record gives its location (step 2 of the rule).
    /// A record of a non-qualifying technology gives `.unserved`: it cannot lift the location.
    public func serviceClass(of record: AvailabilityRecord) -> ServiceClass {
        serviceClass(
            technology: record.technology, download: record.download, upload: record.upload,
            lowLatency: record.lowLatency, provider: Int64(record.providerID) ?? -1, location: record.locationID)
    }

    /// The per-record rule on its parts (`provider` and `location` matter only for a technology whose
    /// capability must be demonstrated).
    public func serviceClass(
        technology: Technology, download: Bandwidth?, upload: Bandwidth?,
        lowLatency: Bool?, provider: Int64 = -1, location: Int64 = -1
    ) -> ServiceClass {
        guard qualifyingTechnologies.contains(technology) else { return .unserved }
        if technology == .unlicensedFixedWireless, let demonstrated = unlicensedFixedWirelessDemonstrated,
            !demonstrated.covers(provider: provider, location: location)
        {
            return .unserved
        }
        if requiresLowLatency && lowLatency != true { return .unserved }
        guard let down = download, let up = upload else { return .unserved }
        if down < minimumDownload || up < minimumUpload { return .unserved }
        if down < servedDownload || up < servedUpload { return .underserved }
        return .served
    }

    /// The rule in plain words, for the report's method page.
    public var explanation: [String] {
        let techs = qualifyingTechnologies.sorted().map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
        let codes = BusinessResidentialCode.allCases.filter { businessResidential.contains($0) }
            .map(\.rawValue).joined(separator: ", ")
        var lines = [
            "Policy profile \(name). Only these technologies count: \(techs). Satellite and other records cannot make a location served or underserved.",
            "A record leaves its location unserved when "
                + (requiresLowLatency
                    ? "the provider does not report low latency (round trip of 100 ms or less), or " : "")
                + "a speed is missing, or the advertised download is below \(minimumDownload) or the upload below \(minimumUpload).",
            "Otherwise the record is underserved when the download is below \(servedDownload) or the upload below \(servedUpload), and served at or above both.",
            "A location takes the best class over all its records; a location with no qualifying record is unserved.",
            "Records with business/residential codes \(codes) are counted.",
        ]
        if name == "bead-2022" {
            lines.append(
                "Source: NTIA, BEAD Notice of Funding Opportunity (May 2022), definitions of unserved and underserved locations."
            )
        }
        if let d = unlicensedFixedWirelessDemonstrated {
            let listed =
                d.providers.isEmpty && d.locations.isEmpty
                ? "none is listed (policy.ulfw_demonstrated), so no unlicensed fixed wireless record counts"
                : "listed: \(English.counted(d.providers.count, "provider")) (\(d.providers.sorted().prefix(8).map(String.init).joined(separator: ", "))\(d.providers.count > 8 ? ", …" : "")) and \(English.counted(d.locations.count, "location")) (policy.ulfw_demonstrated)"
            lines.append(
                "Unlicensed fixed wireless (70) counts as reliable only where its provider demonstrated 100/20 Mbps capability: "
                    + listed + ".")
        }
        if name == "bead-2025" {
            lines.append(
                "Source: NTIA, BEAD Restructuring Policy Notice (June 6, 2025): technology-neutral; unlicensed fixed wireless counts where the provider demonstrates 100/20 Mbps service."
            )
        } else if name == "fcc-2024" {
            lines.append(
                "Source: FCC 2024 Section 706 Report (FCC 24-27): 100/20 Mbps fixed benchmark, terrestrial technologies."
            )
        }
        return lines
    }
}
