import Foundation
import GeoModel
import Ingest
import TestSupport
import Testing

/// The ACS reader on the real S2802 download and on hand-made detailed-table and API fixtures.
@Suite struct ACSTableTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    // MARK: - Real data.census.gov subject table

    @Test func realMaineS2802() throws {
        let path = TestPaths.realData("acs-maine-s2802/ACSST5Y2022.S2802-Data.csv")
        let table = try ACSTable.read(path: path)
        // PROVENANCE.md; python3 csv: 439 data rows, 407 distinct GEO_ID, the last 32 repeat the first 32.
        #expect(table.layout == .csv)
        #expect(table.labelRowSkipped)
        #expect(table.dataRows == 439)
        #expect(table.geoids.count == 407)
        #expect(table.profiles.count == 407)
        #expect(table.duplicateRows == 32)
        #expect(
            table.variablesPresent == [
                .householdPopulation, .broadbandPercent, .noSubscriptionWithComputerPercent, .noComputerPercent,
                .broadbandPersons, .noSubscriptionWithComputerPersons, .noComputerPersons,
            ])
        // Line 3: 1400000US23001010100, S2802_C02_001E 880 (MOE 165), C04 304 (223), C06 203 (125).
        let first = try #require(table["23001010100"])
        #expect(
            first.broadbandPersons == 880 && first.noSubscriptionWithComputerPersons == 304
                && first.noComputerPersons == 203)
        #expect(
            first.marginsOfError == [
                "S2802_C01_001E": 245, "S2802_C02_001E": 165, "S2802_C04_001E": 223, "S2802_C06_001E": 125,
            ])
        // python3: over rows 3–441, cells that are not numbers: '-' 4317, '**' 4317 (and '' 439, the trailing column).
        #expect(table.placeholderCells == 4_317 + 4_317)
        #expect(table.sentinelCells == 0)
        #expect(table.geoids.first == AreaID("23001010100"))
        #expect(table.geoids.allSatisfy { $0.level == .tract })

        // awk -F'","' 'NR==300{print $3, $91, $179, $267}' ACSST5Y2022.S2802-Data.csv → 3511 96.4 2.0 1.4
        // (line 300 is 1400000US23023970100, Census Tract 9701; Sagadahoc County)
        let tract = try #require(table["23023970100"])
        #expect(tract.householdPopulation == 3_511)
        // Shares are the published percent / 100 (96.4 / 100 is 0.9640000000000001 in binary).
        #expect(tract.broadbandShare == 96.4 / 100)
        #expect(tract.noSubscriptionWithComputerShare == 2.0 / 100)
        #expect(tract.noComputerShare == 1.4 / 100)
        #expect(tract.population == nil && tract.households == nil)
        // No B28002 in this table: (2.0 + 1.4) / 100.
        #expect(abs(try #require(tract.noInternetShare) - 0.034) < 1e-12)

        // The 7 water-only tracts: household population 0, every percent '-' → nil.
        let water = [
            "23005990000", "23009990000", "23013990000", "23015990000", "23023990000", "23029990000", "23031990100",
        ]
        for id in water {
            let p = try #require(table[id])
            #expect(p.householdPopulation == 0, "\(id)")
            #expect(
                p.broadbandShare == nil && p.noSubscriptionWithComputerShare == nil && p.noComputerShare == nil, "\(id)"
            )
            #expect(p.noInternetShare == nil, "\(id)")
        }
        // python3: 400 distinct tracts have a numeric S2802_C03_001E (407 − 7 water tracts).
        #expect(table.profiles.values.filter { $0.broadbandShare != nil }.count == 400)
    }

    // MARK: - Detailed table, data.census.gov layout

    @Test func detailedTableWithPlaceholdersSentinelsAndDuplicates() throws {
        let path = Self.fixture("acs_detailed_blockgroups_datacensusgov.csv")
        let table = try ACSTable.read(path: path)
        #expect(table.labelRowSkipped)
        #expect(table.dataRows == 5)
        #expect(table.duplicateRows == 1)
        #expect(table.geoids == ["230239701001", "230239701002", "230239702001", "230239702002"].map(AreaID.init))
        #expect(
            table.variablesPresent == [
                .population, .households, .medianHouseholdIncome,
                .internetUniverseHouseholds, .noInternetHouseholds, .noComputerHouseholds,
            ])
        // Counted by hand in the fixture's 12 E/M columns: line 4 '***' (1); line 6 '-', '**', '(X)', '(X)',
        // 'N', 'N', 'null', '*****' (8) → 9 placeholders; line 5 -666666666, -222222222 → 2 sentinels;
        // line 4 '250,000+' → 1 top-coded cell.
        #expect(table.placeholderCells == 9)
        #expect(table.sentinelCells == 2)
        #expect(table.topCodedCells == 1)

        var first = DemographicProfile(
            geoid: AreaID("230239701001"), population: 1_204, households: 512, medianHouseholdIncome: 71_250,
            internetUniverseHouseholds: 512, noInternetHouseholds: 48, noComputerHouseholds: 31)
        // The fixture's …M columns of line 3 (margins of counts; the median's is not read).
        first.marginsOfError = [
            "B01003_001E": 187, "B11001_001E": 61, "B28002_001E": 61, "B28002_013E": 22, "B28003_006E": 19,
        ]
        #expect(table["230239701001"] == first)
        #expect(table["230239701001"]?.noInternetShare == 48.0 / 512.0)  // 0.09375
        #expect(table["230239701002"]?.medianHouseholdIncome == 250_000)
        #expect(table["230239701002"]?.noInternetShare == 12.0 / 371.0)
        // Sentinel income → nil; a zero-household universe gives no share.
        var zero = DemographicProfile(
            geoid: AreaID("230239702001"), population: 0, households: 0, medianHouseholdIncome: nil,
            internetUniverseHouseholds: 0, noInternetHouseholds: 0, noComputerHouseholds: 0)
        zero.marginsOfError = [
            "B01003_001E": 13, "B11001_001E": 13, "B28002_001E": 13, "B28002_013E": 13, "B28003_006E": 13,
        ]
        #expect(table["230239702001"] == zero)
        #expect(table["230239702001"]?.noInternetShare == nil)
        // Margins beside estimates only: B28003_006E is 'null', so its '*****' margin is not kept.
        var partial = DemographicProfile(geoid: AreaID("230239702002"), population: 655, households: 301)
        partial.marginsOfError = ["B01003_001E": 120, "B11001_001E": 44]
        #expect(table["230239702002"] == partial)
    }

    // MARK: - Refused files

    /// A file the reader refuses, with the place and message it must name.
    struct BadFile: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var name: String
        var text: String
        var line: Int
        var column: String?
        var message: String
    }

    static let badFiles: [BadFile] = [
        // The label row says a code means something else.
        .init(
            testDescription: "relabelled subject column", name: "s2802.csv",
            text: "GEO_ID,NAME,S2802_C01_001E,S2802_C05_001E\n"
                + "Geography,Geographic Area Name,Estimate!!Total!!Total population in households,Estimate!!Percent Broadband Internet Subscription!!With a computer!!Total population in households\n"
                + "1400000US23023970100,Census Tract 9701,3511,96.4\n",
            line: 2, column: "S2802_C05_001E",
            message:
                "the label \"Estimate!!Percent Broadband Internet Subscription!!With a computer!!Total population in households\" does not mention \"without an internet subscription\"; expected S2802_C05_001E to be percent / without an internet subscription / with a computer (has the table layout changed?)"
        ),
        .init(
            testDescription: "conflicting duplicate", name: "dup.csv",
            text:
                "GEO_ID,NAME,B01003_001E\n1400000US23023970100,Tract 9701,3391\n1400000US23023970200,Tract 9702,2794\n1400000US23023970100,Tract 9701,3400\n",
            line: 4, column: "GEO_ID",
            message:
                "GEOID 23023970100 appears again with different values (first on line 2); expected one row per area"),
        .init(
            testDescription: "non-numeric estimate", name: "bad.csv",
            text: "GEO_ID,NAME,B01003_001E,B11001_001E\n1400000US23023970100,Tract 9701,3391,about 1400\n", line: 2,
            column: "B11001_001E",
            message:
                "expected a number, a placeholder (-, **, ***, (X), N, null) or an empty cell, found \"about 1400\""),
        .init(
            testDescription: "malformed GEO_ID", name: "bad.csv",
            text: "GEO_ID,B01003_001E\n1400000US23023970100,3391\n23023970200,2794\n", line: 3, column: "GEO_ID",
            message: "expected a GEO_ID such as 1400000US23023010100, found \"23023970200\""),
        .init(
            testDescription: "missing geography column", name: "bad.csv", text: "NAME,B01003_001E\nTract 9701,3391\n",
            line: 1, column: "GEO_ID",
            message:
                "no geography column: expected GEO_ID, GEOID or Census API columns state/county/tract/block group; the header has: NAME, B01003_001E"
        ),
        .init(
            testDescription: "empty file", name: "empty.csv", text: "", line: 1,
            message: "the file is empty; expected a header line of ACS variable codes (GEO_ID,NAME,B01003_001E,…)"),
    ]

    @Test(arguments: badFiles)
    func badFileIsRefusedWithTheExactMessage(_ bad: BadFile) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(bad.name, bad.text)
        #expect(
            throws: LastmileError.badInput(SourceLocation(file: path, line: bad.line, column: bad.column), bad.message)
        ) {
            try ACSTable.read(path: path)
        }
    }

    /// The benchmark generator's layout: GEO_ID and GEOID both present (they must agree), no label row.
    @Test func geoIDAndGEOIDColumns() throws {
        let dir = try TemporaryDirectory()
        let good = try dir.write(
            "bench.csv",
            "GEO_ID,GEOID,NAME,B01003_001E,B11001_001E,state,county,tract,block group\n"
                + "1500000US010010201001,010010201001,Block Group 1,812,301,01,001,020100,1\n")
        let table = try ACSTable.read(path: good)
        #expect(!table.labelRowSkipped)
        #expect(table.geoids == [AreaID("010010201001")])  // leading zero kept
        #expect(table["010010201001"]?.households == 301)

        let bad = try dir.write(
            "mismatch.csv",
            "GEO_ID,GEOID,B01003_001E\n1500000US010010201001,10010201001,812\n")
        #expect(
            throws: LastmileError.badInput(
                SourceLocation(file: bad, line: 2, column: "GEOID"),
                "GEOID does not match GEO_ID 1500000US010010201001, found \"10010201001\"")
        ) {
            try ACSTable.read(path: bad)
        }
    }

    // MARK: - Census API JSON

    @Test func censusAPIJSON() throws {
        let table = try ACSTable.read(path: Self.fixture("census_api_tracts.json"))
        #expect(table.layout == .censusAPIJSON)
        #expect(table.dataRows == 3)
        // GEOID = state + county + tract.
        #expect(table.geoids == ["23023970100", "23023970200", "23001010100"].map(AreaID.init))
        #expect(table.placeholderCells == 1)  // the JSON null
        #expect(table.sentinelCells == 1)  // -666666666
        #expect(
            table["23023970100"]
                == DemographicProfile(
                    geoid: AreaID("23023970100"), population: 3_391, households: 1_450, medianHouseholdIncome: 68_750,
                    internetUniverseHouseholds: 1_450, noInternetHouseholds: 131, noComputerHouseholds: 96))
        #expect(table["23023970200"]?.medianHouseholdIncome == nil)
        #expect(table["23023970200"]?.noComputerHouseholds == nil)
        #expect(table["23023970200"]?.noInternetShare == 150.0 / 1_203.0)
        #expect(table["23001010100"]?.noInternetShare == 0)
    }

    @Test func censusAPIJSONBlockGroupsWithNumbersAndUcgid() throws {
        let dir = try TemporaryDirectory()
        // Block groups assembled from four columns; numbers as JSON numbers.
        let bg = try dir.write(
            "bg.json",
            "[[\"B01003_001E\",\"state\",\"county\",\"tract\",\"block group\"],[812,\"01\",\"001\",\"020100\",\"1\"]]")
        let t1 = try ACSTable.read(path: bg)
        #expect(t1.geoids == [AreaID("010010201001")])
        #expect(t1["010010201001"]?.population == 812)
        // A ucgid column (API `ucgid=` predicate) is read like GEO_ID.
        let uc = try dir.write("uc.json", "[[\"B01003_001E\",\"ucgid\"],[\"3391\",\"1400000US23023970100\"]]")
        #expect(try ACSTable.read(path: uc).geoids == [AreaID("23023970100")])
        // JSON that is not an array of arrays.
        let notTable = try dir.write("obj.json", "[{\"a\": 1}]")
        #expect(
            throws: LastmileError.badInput(
                SourceLocation(file: notTable, line: 1),
                "expected a Census API response: an array of arrays whose first row is the header")
        ) {
            try ACSTable.read(path: notTable)
        }
    }

    // MARK: - Profile arithmetic

    @Test func noInternetSharePrefersB28002() {
        // Both sources present: B28002 wins (30 / 600 = 0.05), S2802 (0.02 + 0.03) is ignored.
        let both = DemographicProfile(
            geoid: AreaID("23023970100"), internetUniverseHouseholds: 600, noInternetHouseholds: 30,
            noSubscriptionWithComputerShare: 0.02, noComputerShare: 0.03)
        #expect(both.noInternetShare == 0.05)
        let subjectOnly = DemographicProfile(
            geoid: AreaID("23023970100"), noSubscriptionWithComputerShare: 0.5, noComputerShare: 0.25)
        #expect(subjectOnly.noInternetShare == 0.75)
        let half = DemographicProfile(geoid: AreaID("23023970100"), noComputerShare: 0.25)
        #expect(half.noInternetShare == nil)
    }
}
