import Graphics

/// Everything a coverage report shows, as plain values (no Analysis types): the caller fills it
/// from a run's results and passes the map already drawn as a display list.
public struct ReportContent: Hashable, Sendable, Codable {
    /// Location counts for the whole study area.
    public struct Totals: Hashable, Sendable, Codable {
        public var locations: Int
        public var unserved: Int
        public var underserved: Int
        public var served: Int

        public init(locations: Int, unserved: Int, underserved: Int, served: Int) {
            self.locations = locations; self.unserved = unserved; self.underserved = underserved; self.served = served
        }

        /// Totals summed over area rows.
        public init(summing rows: [AreaRow]) {
            self.init(locations: rows.reduce(0) { $0 + $1.locations }, unserved: rows.reduce(0) { $0 + $1.unserved },
                      underserved: rows.reduce(0) { $0 + $1.underserved }, served: rows.reduce(0) { $0 + $1.served })
        }

        public var unservedShare: Double { share(unserved) }
        public var underservedShare: Double { share(underserved) }
        public var servedShare: Double { share(served) }
        /// Share of locations that are unserved or underserved (0 when there are no locations).
        public var needShare: Double { share(unserved + underserved) }
        private func share(_ n: Int) -> Double { locations > 0 ? Double(n) / Double(locations) : 0 }
    }

    /// One area's line in the ranked table.
    public struct AreaRow: Hashable, Sendable, Codable {
        /// The area's identifier (e.g. a tract GEOID "23019000100").
        public var id: String
        public var name: String
        public var locations: Int
        public var unserved: Int
        public var underserved: Int
        public var served: Int
        /// ACS households (B11001_001E), when joined.
        public var households: Int?
        /// Share of households without an internet subscription (B28002_013E / B28002_001E), 0…1.
        public var noInternetShare: Double?
        /// Median household income in dollars (B19013_001E).
        public var medianIncome: Int?

        public init(id: String, name: String, locations: Int, unserved: Int, underserved: Int, served: Int,
                    households: Int? = nil, noInternetShare: Double? = nil, medianIncome: Int? = nil) {
            self.id = id; self.name = name; self.locations = locations; self.unserved = unserved
            self.underserved = underserved; self.served = served; self.households = households
            self.noInternetShare = noInternetShare; self.medianIncome = medianIncome
        }

        /// Share of the area's locations that are unserved or underserved (0 without locations).
        public var needShare: Double {
            locations > 0 ? Double(unserved + underserved) / Double(locations) : 0
        }
    }

    /// One input file, for the data sources page.
    public struct DataSource: Hashable, Sendable, Codable {
        public var fileName: String
        /// What the file is used for, e.g. "FCC BDC fixed availability".
        public var role: String
        public var sizeBytes: Int64
        /// Lowercase hex SHA-256 of the file's bytes.
        public var sha256: String
        /// Release / vintage and licence text, e.g. "June 2024 release; public domain (FCC)".
        public var vintageAndLicence: String

        public init(fileName: String, role: String, sizeBytes: Int64, sha256: String, vintageAndLicence: String) {
            self.fileName = fileName; self.role = role; self.sizeBytes = sizeBytes; self.sha256 = sha256
            self.vintageAndLicence = vintageAndLicence
        }
    }

    public var title: String
    public var studyName: String
    /// When true the cover and every header say the data are synthetic.
    public var isSyntheticData: Bool
    /// The notice printed on the cover when `isSyntheticData` is set.
    public var syntheticNotice: String
    /// The generation date as printed, e.g. "28 November 2026".
    public var generatedDate: String
    /// ISO 8601 timestamp for the PDF metadata (pinned for reproducible output), e.g. "2026-11-28T00:00:00Z".
    public var timestamp: String
    /// Data vintages as printed, e.g. "FCC BDC: June 2024 release".
    public var dataVintages: [String]
    public var totals: Totals
    public var areas: [AreaRow]
    /// The area noun used in sentences and headings, e.g. "tract", "county".
    public var areaNoun: String
    /// The plural of `areaNoun` ("block groups", "counties").
    public var areaNounPlural: String { areaNoun.hasSuffix("y") ? areaNoun.dropLast() + "ies" : areaNoun + "s" }
    /// The coverage map, already drawn; scaled to fit the map page.
    public var map: DisplayList?
    public var mapCaption: String
    /// The policy profile's name, e.g. "bead-2022".
    public var policyName: String
    /// The method in words, one string per paragraph.
    public var methodParagraphs: [String]
    public var dataSources: [DataSource]
    public var runID: String
    public var toolVersion: String
    /// The business case (demand, cost, scenarios, risk, phases); nil leaves the section out.
    public var businessCase: BusinessCaseContent?

    /// The default synthetic-data notice.
    public static let defaultSyntheticNotice =
        "SYNTHETIC DATA — this report was produced from generated demonstration data. It does not describe real places or providers."

    public init(title: String, studyName: String, isSyntheticData: Bool = false,
                syntheticNotice: String = ReportContent.defaultSyntheticNotice, generatedDate: String,
                timestamp: String, dataVintages: [String] = [], totals: Totals, areas: [AreaRow],
                areaNoun: String = "area", map: DisplayList? = nil, mapCaption: String = "", policyName: String = "",
                methodParagraphs: [String] = [], dataSources: [DataSource] = [], runID: String, toolVersion: String,
                businessCase: BusinessCaseContent? = nil) {
        self.title = title; self.studyName = studyName; self.isSyntheticData = isSyntheticData
        self.syntheticNotice = syntheticNotice; self.generatedDate = generatedDate; self.timestamp = timestamp
        self.dataVintages = dataVintages; self.totals = totals; self.areas = areas; self.areaNoun = areaNoun
        self.map = map; self.mapCaption = mapCaption; self.policyName = policyName
        self.methodParagraphs = methodParagraphs; self.dataSources = dataSources
        self.runID = runID; self.toolVersion = toolVersion
        self.businessCase = businessCase
    }

    /// Areas in table order: unserved+underserved share descending, then id ascending.
    public var rankedAreas: [AreaRow] {
        areas.sorted { a, b in a.needShare != b.needShare ? a.needShare > b.needShare : a.id < b.id }
    }

    /// Up to `limit` areas with the most unserved locations (ties: more underserved, then id).
    public func topAreasByUnserved(_ limit: Int) -> [AreaRow] {
        Array(areas.sorted { a, b in
            if a.unserved != b.unserved { return a.unserved > b.unserved }
            if a.underserved != b.underserved { return a.underserved > b.underserved }
            return a.id < b.id
        }.prefix(limit))
    }
}
