import Foundation
import TestSupport
import Testing

/// `lastmile classify` as a planner's pipeline calls it: stdout, stderr and exit code together.
@Suite struct ClassifyCommandTests {
    static let sagadahoc = TestPaths.realData("fcc-bdc-maine/bdc_23023_sagadahoc_FTTP_J23.csv")

    @Test func csvByCounty() throws {
        let r = try CommandLineRun.lastmile(
            ["classify", Self.sagadahoc, "--by", "county", "--format", "csv"],
            stderr: .exactly(Warnings.fiberOnly))
        #expect(
            r.stdout == """
                area,locations,unserved,underserved,served,unserved_share,underserved_share
                23023,5720,14,10,5696,0.002448,0.001748

                """)
    }

    @Test func jsonByTractHasIntegerCounts() throws {
        let r = try CommandLineRun.lastmile(
            ["classify", Self.sagadahoc, "--by", "tract", "--format", "json"],
            stderr: .exactly(Warnings.fiberOnly))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 8)
        #expect(
            rows.map { $0["area"] as? String } == rows.map { $0["area"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") })
        let first = try #require(rows.first)
        #expect(first["area"] as? String == "23023970100")
        #expect(first["locations"] as? Int == 4)
        #expect(rows.reduce(0) { $0 + ($1["unserved"] as? Int ?? 0) } == 14)
    }

    @Test func missingFileIsExit74() throws {
        let r = try CommandLineRun.lastmile(
            ["classify", "/nonexistent/bdc.csv", "--by", "tract"],
            expecting: .exit(74), stderr: .containing("/nonexistent/bdc.csv"))
        #expect(r.stdout.isEmpty)
    }

    @Test func missingColumnIsExit65NamingFileAndColumn() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "bdc.csv",
            """
            frn,provider_id,brand_name,location_id,technology,max_advertised_download_speed,low_latency,business_residential_code,state_usps,block_geoid,h3_res8_id
            0001,1,A,100,50,1000,1,R,ME,230230101001000,882a348917fffff

            """)
        try CommandLineRun.lastmile(
            ["classify", path, "--by", "tract"],
            expecting: .exit(65), stderr: .containing("bdc.csv", "max_advertised_upload_speed"))
    }

    @Test func malformedRowIsExit65NamingLine() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "bdc.csv",
            """
            frn,provider_id,brand_name,location_id,technology,max_advertised_download_speed,max_advertised_upload_speed,low_latency,business_residential_code,state_usps,block_geoid,h3_res8_id
            0001,1,A,100,50,1000,1000,1,R,ME,230230101001000,882a348917fffff
            0001,1,A,101,50,fast,1000,1,R,ME,230230101001000,882a348917fffff

            """)
        try CommandLineRun.lastmile(
            ["classify", path, "--by", "tract"],
            expecting: .exit(65),
            stderr: .containing("line 3", "max_advertised_download_speed"))
    }

    @Test func unknownProfileAndBadLevelAreUsageErrors() throws {
        try CommandLineRun.lastmile(
            ["classify", Self.sagadahoc, "--profile", "bead-2030"],
            expecting: .exit(64), stderr: .containing("bead-2030"))
        try CommandLineRun.lastmile(
            ["classify", Self.sagadahoc, "--by", "zipcode"],
            expecting: .exit(64), stderr: .containing("--by"))
    }
}
