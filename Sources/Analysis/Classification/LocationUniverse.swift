import GeoModel

/// Which locations a classification could see, and whether that is every location of the study.
///
/// NTIA's BEAD method counts over the FCC Fabric's broadband serviceable locations. Without a
/// locations file, the universe is the set of locations that appear in some availability file: a
/// location whose only offers are in a file that was not given (licensed fixed wireless, satellite —
/// satellite files list nearly every location) is absent, so unserved is undercounted.
public struct LocationUniverse: Hashable, Sendable, Codable {
    /// The FCC technology families, one availability file each in the FCC's state downloads.
    public enum Family: String, CaseIterable, Sendable, Codable {
        case copper, cable, fiber
        case unlicensedFixedWireless = "unlicensed_fixed_wireless"
        case licensedFixedWireless = "licensed_fixed_wireless"
        case satellite

        /// FCC technology codes of the family (BDC data specification).
        public var codes: [Int] {
            switch self {
            case .copper: [10]
            case .cable: [40]
            case .fiber: [50]
            case .unlicensedFixedWireless: [70]
            case .licensedFixedWireless: [71, 72]
            case .satellite: [60, 61]
            }
        }

        /// A planner-facing name with its codes, e.g. "licensed fixed wireless (71, 72)".
        public var displayName: String {
            let name =
                switch self {
                case .copper: "copper"
                case .cable: "cable"
                case .fiber: "fiber"
                case .unlicensedFixedWireless: "unlicensed fixed wireless"
                case .licensedFixedWireless: "licensed fixed wireless"
                case .satellite: "satellite"
                }
            return "\(name) (\(codes.map(String.init).joined(separator: ", ")))"
        }
    }

    /// Families with at least one availability row, and those with none, in `Family.allCases` order.
    public var familiesPresent: [Family]
    public var familiesMissing: [Family]
    /// The locations file (Fabric) the universe was taken from, when one was given.
    public var locationsFile: String?
    /// With a locations file: its locations (the universe) and the availability locations it does
    /// not list (left out of the counts, as NTIA counts only the Fabric's locations).
    public var locationsInFile: Int?
    public var availabilityLocationsNotInFile: Int?

    /// - Parameters:
    ///   - rowsByTechnology: availability rows per FCC technology code.
    ///   - locationsFile: the locations file, when the study gives one.
    public init(
        rowsByTechnology: [Int: Int], locationsFile: String? = nil, locationsInFile: Int? = nil,
        availabilityLocationsNotInFile: Int? = nil
    ) {
        let present = Family.allCases.filter { f in f.codes.contains { (rowsByTechnology[$0] ?? 0) > 0 } }
        familiesPresent = present
        familiesMissing = Family.allCases.filter { !present.contains($0) }
        self.locationsFile = locationsFile
        self.locationsInFile = locationsInFile
        self.availabilityLocationsNotInFile = availabilityLocationsNotInFile
    }

    /// True when every location of the study is counted: a locations file was given, or the
    /// availability files cover every technology family.
    public var isComplete: Bool { locationsFile != nil || familiesMissing.isEmpty }

    /// Qualifying families of `profile` with no row: with or without a locations file, a location
    /// served only by one of them is counted worse served than it is.
    public func missingQualifyingFamilies(_ profile: PolicyProfile) -> [Family] {
        let qualifying = Set(profile.qualifyingTechnologies.map(\.code))
        return familiesMissing.filter { $0.codes.contains(where: qualifying.contains) }
    }

    /// What the report, run.json and the diagnostics say about the universe: nil when it is complete
    /// and no qualifying family is missing.
    public func statement(profile: PolicyProfile) -> String? {
        let missing = familiesMissing.map(\.displayName)
        let qualifying = missingQualifyingFamilies(profile).map(\.displayName)
        if !isComplete {
            var text =
                "The location universe is incomplete: the availability files hold no "
                + Self.list(missing) + " rows, and no locations file (the FCC Fabric) was given. "
                + "Unserved may be undercounted: locations present only in the missing files are absent."
            if !qualifying.isEmpty {
                text +=
                    " Locations served only by " + Self.list(qualifying, or: true)
                    + " are counted as worse served than they are."
            }
            return text
        }
        guard !qualifying.isEmpty else { return nil }
        return "The availability files hold no " + Self.list(qualifying)
            + " rows: locations served only by such technology are counted as worse served than they are."
    }

    /// "a, b and c" (or "a, b or c").
    static func list(_ items: [String], or: Bool = false) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + items.last!
    }
}
