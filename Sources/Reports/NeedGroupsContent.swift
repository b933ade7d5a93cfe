import Charts
import Graphics

/// Where networks must be built and where demand must be built: the four groups of areas, what a town
/// would do in each, the thresholds that place an area, and the map.
public struct NeedGroupsContent: Hashable, Sendable, Codable {
    /// One group: its label ("Network gap only"), what a town would do there, and its areas by name.
    public struct Group: Hashable, Sendable, Codable {
        public var label: String
        public var action: String
        /// The group's areas, highest need share first.
        public var areas: [String]
        /// Unserved and underserved locations in the group's areas.
        public var needLocations: Int

        public init(label: String, action: String, areas: [String], needLocations: Int) {
            self.label = label; self.action = action; self.areas = areas; self.needLocations = needLocations
        }
    }

    /// The four groups in order: both gaps, network only, adoption only, neither.
    public var groups: [Group]
    /// What makes a network gap and what an adoption gap, in words, each with its source
    /// ("at least 25 % without an internet subscription (NTIA …)").
    public var networkThresholds: [String]
    public var adoptionThresholds: [String]
    /// Indicators some areas lack ("3 counties: no ACS row"), said under the groups.
    public var missing: [String]
    /// The groups map, already drawn.
    public var map: DisplayList?
    public var mapCaption: String

    public init(
        groups: [Group], networkThresholds: [String], adoptionThresholds: [String], missing: [String] = [],
        map: DisplayList? = nil, mapCaption: String = ""
    ) {
        self.groups = groups; self.networkThresholds = networkThresholds; self.adoptionThresholds = adoptionThresholds
        self.missing = missing; self.map = map
        self.mapCaption = mapCaption
    }

    /// "a, b or c".
    public static func either(_ parts: [String]) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " or " + parts.last!
    }

    /// "A, B, C and 4 more": at most `limit` names, parted by semicolons when a name holds a comma
    /// ("Block Group 1, Tract 4; Block Group 1, Tract 5").
    public static func names(_ names: [String], limit: Int) -> String {
        guard !names.isEmpty else { return "none" }
        let shown = Array(names.prefix(limit))
        let rest = names.count - shown.count
        let separator = names.contains { $0.contains(",") } ? "; " : ", "
        if rest > 0 { return shown.joined(separator: separator) + " and \(NumberFormatting.grouped(rest)) more" }
        return shown.count == 1 ? shown[0] : shown.dropLast().joined(separator: separator) + " and " + shown.last!
    }
}

/// Advertised against measured: the areas the availability files call mostly served while most speed
/// tests there fall short, as the report's table lists them.
public struct ChallengeCandidatesContent: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var name: String
        public var locations: Int
        /// Served under the rule, 0…1.
        public var servedShare: Double
        public var tests: Int
        /// Tests-weighted mean download and upload.
        public var meanDownloadMbps, meanUploadMbps: Double?
        public var testsBelow100x20Share: Double

        public init(
            name: String, locations: Int, servedShare: Double, tests: Int, meanDownloadMbps: Double?,
            meanUploadMbps: Double?, testsBelow100x20Share: Double
        ) {
            self.name = name; self.locations = locations; self.servedShare = servedShare; self.tests = tests
            self.meanDownloadMbps = meanDownloadMbps; self.meanUploadMbps = meanUploadMbps
            self.testsBelow100x20Share = testsBelow100x20Share
        }
    }

    public var rows: [Row]
    /// The map of candidates, already drawn.
    public var map: DisplayList?
    /// Areas with enough tests to be judged.
    public var areasWithTests: Int
    public var minimumTests: Int
    /// The quarter and Ookla's attribution.
    public var source: String

    public init(rows: [Row], areasWithTests: Int, minimumTests: Int, source: String) {
        self.rows = rows; self.areasWithTests = areasWithTests; self.minimumTests = minimumTests
        self.source = source
    }
}
