import Foundation
import TestSupport
import Testing

/// `lastmile classify` and `inspect` on every FCC layout as published: the June 2022 round in its
/// November 2022 release (11 columns, quoted values, one zip per technology) and the current layout.
///
/// Expected counts were derived independently with python3's csv module over the zip members
/// (`zipfile` + `csv.DictReader`), applying NTIA's BEAD rule as written in the README (technologies
/// 10/40/50/71/72; unserved when low_latency ≠ 1, a speed is empty or below 25/3; underserved below
/// 100/20; best class per location; a location's first block), then counting by GEOID prefix:
/// `python3 Tests/IngestTests/Fixtures/bead_counts.py 5 datasets/real/fcc-bdc-maine-jun2022/bdc_23_*.zip`.
@Suite struct BDCLayoutsCommandTests {
    static let folder = TestPaths.realData("fcc-bdc-maine-jun2022")
    static var zips: [String] {
        ["Cable", "Copper", "Fiber-to-the-Premises", "Unlicensed-Fixed-Wireless"].map {
            "\(folder)/bdc_23_\($0)_fixed_broadband_063022.zip"
        }
    }

    /// `classify … --format csv` rows as "area locations unserved underserved served".
    static func counts(_ arguments: [String]) throws -> [String] {
        let r = try CommandLineRun.lastmile(
            ["classify"] + arguments + ["--format", "csv"],
            stderr: .containing(Warnings.incompleteUniverse))
        return r.stdout.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",").prefix(5).joined(separator: " ")
        }
    }

    @Test func fourNovember2022ZipsByCounty() throws {
        let counts = try Self.counts(Self.zips + ["--by", "county"])
        // area locations unserved underserved served (python3, as above); 593,991 distinct locations in
        // all, as PROVENANCE.md says of the union of the four files.
        #expect(
            counts == [
                "23001 39287 633 52 38602", "23003 33944 7797 564 25583", "23005 114157 1633 122 112402",
                "23007 15814 3373 1701 10740", "23009 29656 3979 858 24819", "23011 54846 1487 368 52991",
                "23013 20765 866 364 19535", "23015 20906 1291 36 19579", "23017 30321 4094 352 25875",
                "23019 58868 4958 2289 51621", "23021 8011 2764 1540 3707", "23023 16188 1116 174 14898",
                "23025 26735 4432 4137 18166", "23027 14866 3000 835 11031", "23029 15530 3117 428 11985",
                "23031 94097 892 63 93142",
            ])
    }

    @Test func sagadahocSubsetByTract() throws {
        let counts = try Self.counts([
            "\(Self.folder)/bdc_23023_sagadahoc_jun2022_nov2022release.csv", "--by", "tract",
            "--threads", "2",
        ])
        #expect(
            counts == [
                "23023970100 1560 28 0 1532", "23023970200 2486 73 2 2411", "23023970301 2117 18 0 2099",
                "23023970302 1677 5 2 1670", "23023970400 2350 816 164 1370", "23023970500 2100 30 1 2069",
                "23023970600 1166 3 0 1163", "23023970700 2732 143 5 2584",
            ])
    }

    /// One run over both layouts: the June 2022 all-technology subset and the June 2023 fiber file.
    @Test func bothLayoutsInOneRun() throws {
        let counts = try Self.counts([
            "\(Self.folder)/bdc_23023_sagadahoc_jun2022_nov2022release.csv",
            TestPaths.realData("fcc-bdc-maine/bdc_23023_sagadahoc_FTTP_J23.csv"), "--by", "tract",
        ])
        #expect(
            counts == [
                "23023970100 1562 28 0 1534", "23023970200 2518 59 2 2457", "23023970301 2128 14 0 2114",
                "23023970302 1695 6 3 1686", "23023970400 2548 262 37 2249", "23023970500 2137 29 1 2107",
                "23023970600 1184 1 0 1183", "23023970700 2732 143 5 2584",
            ])
    }

    @Test func inspectSaysWhichLayout() throws {
        let old = try CommandLineRun.lastmile(["inspect", Self.zips[3]])
        #expect(old.stdout.contains("schema: FCC BDC fixed availability"))
        #expect(old.stdout.contains("layout: June 2022 round, November 2022 release"))
        #expect(old.stdout.contains("27302 rows"))  // PROVENANCE.md: 27,302 data rows
        let current = try CommandLineRun.lastmile([
            "inspect", TestPaths.realData("fcc-bdc-maine/bdc_23023_sagadahoc_FTTP_J23.csv"),
            "--format", "json",
        ])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(current.stdout.utf8)) as? [String: Any])
        let layer = try #require((obj["layers"] as? [[String: Any]])?.first)
        #expect(layer["layout"] as? String == "current")
    }
}
