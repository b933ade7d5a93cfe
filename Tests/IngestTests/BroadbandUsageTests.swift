import Foundation
import GeoModel
import Ingest
import TestSupport
import Testing

/// Microsoft's usage files (county and ZIP code, real) and HUD's tract-to-ZIP crosswalk (hand-made, in
/// HUD's published columns).
@Suite struct BroadbandUsageTests {
    @Test func realZIPCodeFileOfMaine() throws {
        let table = try BroadbandUsageTable.read(
            path: TestPaths.realData("microsoft-broadband-usage/broadband_data_zipcode_maine.csv"))
        // python3 csv: 429 rows, 429 distinct POSTAL CODE zero-padded to 5, 03901 … 04992, usage sum 123.48.
        #expect(table.isByZIPCode && table.counties.isEmpty)
        #expect(table.zipCodes.count == 429)
        #expect(table.zipCodes.keys.min() == "03901" && table.zipCodes.keys.max() == "04992")
        #expect(table.zipCodes["03901"] == .init(usageShare: 0.238, errorRange95: 0.018))
        #expect(table.zipCodes["04210"]?.usageShare == 0.756)
        #expect(abs(table.zipCodes.values.reduce(0) { $0 + $1.usageShare } - 123.48) < 1e-9)
    }

    @Test func realCountyFile() throws {
        let table = try BroadbandUsageTable.read(
            path: TestPaths.realData("microsoft-broadband-usage/broadband_data_2020October.csv"))
        // python3 csv: 3,142 rows; the header's padded names are trimmed.
        #expect(!table.isByZIPCode && table.counties.count == 3142)
    }

    @Test func zipListedTwiceWithOtherFiguresIsNamed() throws {
        let dir = try TemporaryDirectory()
        try """
        ST,COUNTY NAME,COUNTY ID,POSTAL CODE,BROADBAND USAGE,ERROR RANGE (MAE)(+/-),ERROR RANGE (95%)(+/-),MSD
        AK,Kodiak Island Borough,2150,99554,0.039,0.065,0.228,0.013
        AK,Kodiak Island Borough,2158,99554,0.039,0.065,0.228,0.013
        AK,Kodiak Island Borough,2158,99554,0.5,0.065,0.228,0.013

        """.write(toFile: dir.file("zip.csv"), atomically: true, encoding: .utf8)
        // The real file lists 99554 under two boroughs with the same figures: that is one ZIP code.
        #expect(throws: LastmileError.self) { try BroadbandUsageTable.read(path: dir.file("zip.csv")) }
        do {
            _ = try BroadbandUsageTable.read(path: dir.file("zip.csv"))
        } catch {
            #expect("\(error)".contains("zip.csv, line 4, column 'POSTAL CODE'"), "\(error)")
            #expect("\(error)".contains("99554 is listed earlier with other figures"), "\(error)")
        }
    }

    static let header = "TRACT,ZIP,USPS_ZIP_PREF_CITY,USPS_ZIP_PREF_STATE,RES_RATIO,BUS_RATIO,OTH_RATIO,TOT_RATIO\n"

    @Test func crosswalkWeightsATractByItsResidentialAddresses() throws {
        let dir = try TemporaryDirectory()
        // Tract 23001010100 (written with 11 digits) and 6001400100 (10 digits: a spreadsheet dropped
        // the zero of 06001400100).
        try
            (Self.header + """
                23001010100,04210,AUBURN,ME,0.6,0.5,0,0.59
                23001010100,04240,LEWISTON,ME,0.4,0.5,1,0.41
                6001400100,94704,BERKELEY,CA,0.25,0,0,0.25
                6001400100,94705,BERKELEY,CA,0.75,1,0,0.75

                """).write(toFile: dir.file("TRACT_ZIP.csv"), atomically: true, encoding: .utf8)
        let crosswalk = try ZIPCrosswalk.read(path: dir.file("TRACT_ZIP.csv"))
        #expect(Set(crosswalk.tracts.keys) == [AreaID("23001010100"), AreaID("06001400100")])
        // 0.6 · 0.756 + 0.4 · 0.859 = 0.7972, all addresses covered.
        let usage = ["04210": 0.756, "04240": 0.859, "94705": 0.9]
        let auburn = try #require(crosswalk.tractValue(AreaID("23001010100")) { usage[$0] })
        #expect(abs(auburn.value - 0.7972) < 1e-12 && auburn.coverage == 1)
        // 94704 has no figure: the tract takes 94705's alone, and says it covers 75 % of its addresses.
        let berkeley = try #require(crosswalk.tractValue(AreaID("06001400100")) { usage[$0] })
        #expect(abs(berkeley.value - 0.9) < 1e-12 && berkeley.coverage == 0.75)
        #expect(crosswalk.tractValue(AreaID("23001010200")) { usage[$0] } == nil)
    }

    @Test(arguments: [
        (
            "23001010100,04210,AUBURN,ME,0.3,0,0,0.3\n23001010100,04240,LEWISTON,ME,0.3,0,0,0.3\n",
            "TRACT_ZIP.csv, line 2, column 'RES_RATIO'", "add up to 0.6000, not 1"
        ),
        (
            "230010101,04210,AUBURN,ME,1,0,0,1\n", "TRACT_ZIP.csv, line 2, column 'TRACT'",
            "expected an 11-digit tract GEOID"
        ),
        ("23001010100,4210x,AUBURN,ME,1,0,0,1\n", "TRACT_ZIP.csv, line 2, column 'ZIP'", "expected a 5-digit ZIP code"),
        ("23001010100,04210,AUBURN,ME,1.5,0,0,1\n", "TRACT_ZIP.csv, line 2, column 'RES_RATIO'", "a ratio from 0 to 1"),
    ])
    func badCrosswalkNamesLineAndColumn(rows: String, location: String, message: String) throws {
        let dir = try TemporaryDirectory()
        try (Self.header + rows).write(toFile: dir.file("TRACT_ZIP.csv"), atomically: true, encoding: .utf8)
        do {
            _ = try ZIPCrosswalk.read(path: dir.file("TRACT_ZIP.csv"))
            Issue.record("no error for \(rows)")
        } catch {
            #expect("\(error)".contains(location), "\(error)")
            #expect("\(error)".contains(message), "\(error)")
        }
    }
}
