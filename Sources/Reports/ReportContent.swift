import Charts
import GeoModel
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
        /// Unserved or underserved locations with an enforceable commitment, counted apart (nil: no list given).
        public var funded: Int?

        public init(locations: Int, unserved: Int, underserved: Int, served: Int, funded: Int? = nil) {
            self.locations = locations; self.unserved = unserved; self.underserved = underserved; self.served = served
            self.funded = funded
        }

        /// Totals summed over area rows.
        public init(summing rows: [AreaRow]) {
            self.init(
                locations: rows.reduce(0) { $0 + $1.locations }, unserved: rows.reduce(0) { $0 + $1.unserved },
                underserved: rows.reduce(0) { $0 + $1.underserved }, served: rows.reduce(0) { $0 + $1.served })
        }

        public var unservedShare: Double { share(unserved) }
        public var underservedShare: Double { share(underserved) }
        public var servedShare: Double { share(served) }
        /// Share of locations that are unserved or underserved (0 when there are no locations).
        public var needShare: Double { share(unserved + underserved) }
        private func share(_ n: Int) -> Double { locations > 0 ? Double(n) / Double(locations) : 0 }
    }

    /// One provider in the "Who serves the area today" table.
    public struct ProviderRow: Hashable, Sendable, Codable {
        public var id: String
        public var label: String
        /// Its other brands, most frequent first.
        public var otherBrands: [String]
        /// Technologies in words, e.g. "Cable, Fiber to the premises".
        public var technologies: String
        public var locations: Int
        public var locationsAt25x3: Int
        public var locationsAt100x20: Int
        public var locationsServed: Int
        /// Highest advertised speeds as printed, e.g. "1,000/35".
        public var topSpeed: String

        public init(
            id: String, label: String, otherBrands: [String], technologies: String, locations: Int,
            locationsAt25x3: Int, locationsAt100x20: Int, locationsServed: Int, topSpeed: String
        ) {
            self.id = id; self.label = label; self.otherBrands = otherBrands; self.technologies = technologies
            self.locations = locations; self.locationsAt25x3 = locationsAt25x3
            self.locationsAt100x20 = locationsAt100x20; self.locationsServed = locationsServed; self.topSpeed = topSpeed
        }
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
        /// Share without an internet subscription, 0…1: of households (B28002_013E / B28002_001E) or of
        /// people in households (S2802), as `ReportContent.noInternetUniverse` says.
        public var noInternetShare: Double?
        /// Median household income in dollars (B19013_001E).
        public var medianIncome: Int?
        /// The no-internet share's coefficient of variation is above 30 % (marked † in the table).
        public var noInternetUnreliable = false
        /// The business case's need score, 0–100 (nil: none of its indicators).
        public var needScore: Double?
        /// Providers serving at least one of its locations at 100/20 under the rule.
        public var providersAt100x20: Int?

        public init(
            id: String, name: String, locations: Int, unserved: Int, underserved: Int, served: Int,
            households: Int? = nil, noInternetShare: Double? = nil, medianIncome: Int? = nil
        ) {
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
    /// What the counts may miss because the location universe is incomplete (technology files or the
    /// Fabric missing), printed on the cover and the summary; nil when nothing is missing.
    public var universeNotice: String?
    /// Who the ACS "no internet" share counts: "households" (B28002) or "people in households" (S2802).
    public var noInternetUniverse: String?
    /// Providers of the availability files, most locations first (empty leaves the page out).
    public var providers: [ProviderRow] = []
    /// Community anchor institutions, in the study's order (empty leaves the table out).
    public var anchors: [AnchorRow] = []

    /// One community anchor institution.
    public struct AnchorRow: Hashable, Sendable, Codable {
        /// "school", "library", …
        public var type: String
        public var name: String
        /// Its area and class ("not in the files" when its location has no record).
        public var area, serviceClass: String
        public var gigabitSymmetric: Bool
        public init(type: String, name: String, area: String, serviceClass: String, gigabitSymmetric: Bool) {
            self.type = type; self.name = name; self.area = area; self.serviceClass = serviceClass
            self.gigabitSymmetric = gigabitSymmetric
        }
    }
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
    /// The coverage map, already drawn; scaled to fit the map page.
    public var map: DisplayList?
    public var mapCaption: String
    /// The counts map (graduated circles of how many locations need service), already drawn, and its
    /// caption; printed after the coverage map.
    public var countsMap: DisplayList?
    public var countsMapCaption: String?
    /// The policy profile's name, e.g. "bead-2022".
    public var policyName: String
    /// The method in words, one string per paragraph.
    public var methodParagraphs: [String]
    public var dataSources: [DataSource]
    public var runID: String
    public var toolVersion: String
    /// The business case (demand, cost, scenarios, risk, phases); nil leaves the section out.
    public var businessCase: BusinessCaseContent?
    /// Where networks and where demand must be built (nil without adoption indicators: the page is left out).
    public var needGroups: NeedGroupsContent?
    /// Areas mostly served on paper where most speed tests fall short (nil without speed tests).
    public var challenges: ChallengeCandidatesContent?

    /// The default synthetic-data notice.
    public static let defaultSyntheticNotice =
        "SYNTHETIC DATA — this report was produced from generated demonstration data. It does not describe real places or providers."

    public init(
        title: String, studyName: String, isSyntheticData: Bool = false,
        syntheticNotice: String = ReportContent.defaultSyntheticNotice, generatedDate: String,
        timestamp: String, dataVintages: [String] = [], totals: Totals, areas: [AreaRow],
        areaNoun: String = "area", map: DisplayList? = nil, mapCaption: String = "", policyName: String = "",
        methodParagraphs: [String] = [], dataSources: [DataSource] = [], runID: String, toolVersion: String,
        businessCase: BusinessCaseContent? = nil, universeNotice: String? = nil, noInternetUniverse: String? = nil,
        providers: [ProviderRow] = [], anchors: [AnchorRow] = []
    ) {
        self.title = title; self.studyName = studyName; self.isSyntheticData = isSyntheticData
        self.syntheticNotice = syntheticNotice; self.generatedDate = generatedDate; self.timestamp = timestamp
        self.dataVintages = dataVintages; self.totals = totals; self.areas = areas; self.areaNoun = areaNoun
        self.map = map; self.mapCaption = mapCaption; self.policyName = policyName
        self.methodParagraphs = methodParagraphs; self.dataSources = dataSources; self.runID = runID
        self.toolVersion = toolVersion; self.businessCase = businessCase; self.universeNotice = universeNotice
        self.noInternetUniverse = noInternetUniverse; self.providers = providers; self.anchors = anchors
    }

    /// The plural of `areaNoun` ("counties", "tracts", "block groups").
    public var areaNounPlural: String { ReportContent.plural(areaNoun) }

    /// `noun` in the plural (`English.plural`).
    public static func plural(_ noun: String) -> String { English.plural(noun) }

    /// Areas in table order: unserved+underserved share descending, then id ascending.
    /// The most rows the report's ranked table prints (about three pages): a state's thousands of block
    /// groups are in results.csv, results.gpkg and atlas.html; the table ranks the top ones and sums the rest.
    public static let rankedTableLimit = 100

    /// The ranked table as printed: the top `rankedTableLimit` areas, then, when there are more, one row
    /// summing the others (counts and households added; shares, income and scores left blank).
    public var rankedTableRows: (rows: [AreaRow], others: Int) {
        let ranked = rankedAreas
        guard ranked.count > Self.rankedTableLimit else { return (ranked, 0) }
        let rest = ranked[Self.rankedTableLimit...]
        let households = rest.compactMap(\.households)
        var sum = AreaRow(
            id: "", name: "The other \(NumberFormatting.grouped(rest.count))",
            locations: rest.reduce(0) { $0 + $1.locations }, unserved: rest.reduce(0) { $0 + $1.unserved },
            underserved: rest.reduce(0) { $0 + $1.underserved }, served: rest.reduce(0) { $0 + $1.served },
            households: households.isEmpty ? nil : households.reduce(0, +))
        sum.providersAt100x20 = nil
        return (Array(ranked.prefix(Self.rankedTableLimit)) + [sum], rest.count)
    }

    public var rankedAreas: [AreaRow] {
        areas.sorted { a, b in a.needShare != b.needShare ? a.needShare > b.needShare : a.id < b.id }
    }

    /// Up to `limit` areas with the most unserved locations (ties: more underserved, then id).
    public func topAreasByUnserved(_ limit: Int) -> [AreaRow] {
        Array(
            areas.sorted { a, b in
                if a.unserved != b.unserved { return a.unserved > b.unserved }
                if a.underserved != b.underserved { return a.underserved > b.underserved }
                return a.id < b.id
            }.prefix(limit))
    }
}
