import Foundation
import TestSupport
import Testing

@testable import LastmileKit

/// At county level or coarser, files named per state (`bdc_SS_…`) are folded one state at a time; the
/// result must equal folding everything together.
@Suite struct StateByStateTests {
    static let header =
        "frn,provider_id,brand_name,location_id,technology,max_advertised_download_speed,max_advertised_upload_speed,low_latency,business_residential_code,state_usps,block_geoid,h3_res8_id"

    func files(in dir: TemporaryDirectory, strayName: Bool = false) throws -> [String] {
        let maine = try String(
            contentsOfFile: TestPaths.realData("fcc-bdc-maine/bdc_23023_sagadahoc_FTTP_J23.csv"), encoding: .utf8)
        let a = try dir.write("bdc_23_FibertothePremises_fixed_broadband_J23.csv", maine)
        // Arkansas rows (state 05) with fresh location ids (Fabric ids are national): one served,
        // one underserved, one unserved location.
        let b = try dir.write(
            strayName ? "bdc_06_Cable_fixed_broadband_J23.csv" : "bdc_05_Cable_fixed_broadband_J23.csv",
            """
            \(Self.header)
            0000000001,1,A,900000001,40,1000,35,1,R,AR,050010001001000,x
            0000000001,1,A,900000002,40,50,5,1,R,AR,050010001001001,x
            0000000001,1,A,900000003,60,100,20,0,R,AR,050030001001000,x

            """)
        return [a, b]
    }

    @Test func perStateEqualsTogether() throws {
        let dir = try TemporaryDirectory()
        let f = try files(in: dir)
        #expect(AreaClassification.stateGroups(f)?.map(\.state) == ["05", "23"])
        for level in [AreaLevel.county, .state] {
            let perState = try AreaClassification.run(files: f, level: level, profile: .bead2022)
            let together = try AreaClassification.runTogether(
                files: f, level: level, profile: .bead2022, threads: 2, progress: nil)
            #expect(perState.rows == together.rows)
            #expect(perState.totals == together.totals)
            #expect(perState.rowsRead == together.rowsRead)
        }
        let byState = try AreaClassification.run(files: f, level: .state, profile: .bead2022)
        // Arkansas by hand: 1 served (1000/35 cable), 1 underserved (50/5), 1 unserved (satellite only).
        #expect(byState.rows.map(\.area.rawValue) == ["05", "23"])
        #expect(byState.rows[0].counts == ClassCounts(unserved: 1, underserved: 1, served: 1))
        #expect(byState.rows[1].counts == ClassCounts(unserved: 14, underserved: 10, served: 5696))
    }

    @Test func aMisnamedFileFallsBackToOneFold() throws {
        let dir = try TemporaryDirectory()
        let f = try files(in: dir, strayName: true)  // Arkansas rows in a file named for California
        #expect(AreaClassification.stateGroups(f)?.map(\.state) == ["06", "23"])
        let r = try AreaClassification.run(files: f, level: .state, profile: .bead2022)
        #expect(r.rows.map(\.area.rawValue) == ["05", "23"])
        #expect(AreaClassification.stateGroups(f + ["/x/bdc.csv"]) == nil)
    }
}
