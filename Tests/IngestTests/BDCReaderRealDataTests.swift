import Foundation
import GeoModel
import Ingest
import TestSupport
import Testing

/// The BDC reader against the real FCC files in datasets/real/fcc-bdc-maine (see its PROVENANCE.md).
/// Expected values were derived independently with python3's csv module and awk (commands in comments).
@Suite struct BDCReaderRealDataTests {
    /// Totals the test compares; gathered in one pass.
    struct Tally {
        var rows = 0
        var locations = Set<Int64>()
        var downloadBelow100 = 0
        var uploadSum = 0.0
        var downloadSum = 0.0
        var codes: [BusinessResidentialCode: Int] = [:]
        var lowLatencyFalse = 0
        var brandsWithComma = 0
        var brands = Set<String>()
        var tracts = Set<String>()
        var technologies = Set<Int>()
        var nilSpeeds = 0

        mutating func add(_ r: AvailabilityRecord) {
            rows += 1
            locations.insert(r.locationID)
            if let d = r.download {
                downloadSum += d.mbps
                if d.mbps < 100 { downloadBelow100 += 1 }
            } else {
                nilSpeeds += 1
            }
            if let u = r.upload { uploadSum += u.mbps } else { nilSpeeds += 1 }
            codes[r.businessResidential, default: 0] += 1
            if r.lowLatency == false { lowLatencyFalse += 1 }
            if r.brandName.contains(",") { brandsWithComma += 1 }
            brands.insert(r.brandName)
            tracts.insert(String(r.blockGEOID.prefix(11)))
            technologies.insert(r.technology.code)
        }
    }

    @Test func sagadahocCountyFile() throws {
        let path = TestPaths.realData("fcc-bdc-maine/bdc_23023_sagadahoc_FTTP_J23.csv")
        var tally = Tally()
        var first: AvailabilityRecord?
        let summary = try BDCReader.read(path: path) { r in
            if first == nil { first = r }
            tally.add(r)
        }
        // awk -F, 'NR>1 && $6<100{c++} NR>1{s+=$7; n++} END{printf "%d %d %.0f\n", n,c,s}' bdc_23023_sagadahoc_FTTP_J23.csv
        //   → 5842 50 5934697
        // awk -F, 'NR>1{print $4}' bdc_23023_sagadahoc_FTTP_J23.csv | sort -u | wc -l → 5720
        #expect(summary.rows == 5_842)
        #expect(summary.members == [path])
        #expect(summary.bytes == 583_071)  // ls -l: the file's size (no compression)
        #expect(summary.unknownTechnologyRows == 0)
        #expect(tally.rows == 5_842)
        #expect(tally.locations.count == 5_720)
        #expect(tally.downloadBelow100 == 50)
        #expect(tally.uploadSum == 5_934_697)
        // python3 csv.DictReader: sum(download) = 5936999; codes X 5388 / R 386 / B 68; low_latency all 1; 8 tracts
        #expect(tally.downloadSum == 5_936_999)
        #expect(tally.codes == [.both: 5_388, .residential: 386, .business: 68])
        #expect(tally.lowLatencyFalse == 0)
        #expect(tally.tracts.count == 8)
        #expect(tally.technologies == [50])
        #expect(tally.nilSpeeds == 0)
        // head -2: 0004930384,130745,O.P.E.N.,1102830633,50,100,100,1,X,ME,230239705001005,882a348917fffff
        #expect(
            first
                == AvailabilityRecord(
                    locationID: 1_102_830_633, providerID: "130745", brandName: "O.P.E.N.",
                    technology: .fiber, download: .mbps(100), upload: .mbps(100),
                    lowLatency: true, businessResidential: .both, blockGEOID: "230239705001005",
                    h3Cell: "882a348917fffff"))
    }

    @Test func statewideGzipFile() throws {
        let path = TestPaths.realData("fcc-bdc-maine/bdc_23_FibertothePremises_fixed_broadband_J23_05mar2024.csv.gz")
        var tally = Tally()
        var redzoneFirst: AvailabilityRecord?
        var firstNotLowLatencyLine = 0
        let summary = try BDCReader.read(path: path) { r in
            tally.add(r)
            if redzoneFirst == nil && r.brandName.contains(",") { redzoneFirst = r }
            if firstNotLowLatencyLine == 0 && r.lowLatency == false { firstNotLowLatencyLine = tally.rows + 1 }
        }
        // python3 (csv.DictReader over gzip.open): 237768 rows, 209141 locations, 1721 with download < 100,
        // sum(upload) 378692644, sum(download) 386591612, R 126698 / B 15937 / X 95133, low_latency 0 in 9 rows,
        // 111 brand names containing a comma, 391 tracts, 25 brand names, technology always 50.
        // zcat … | wc -c → 23373495
        #expect(summary.rows == 237_768)
        #expect(summary.bytes == 23_373_495)
        #expect(summary.members.count == 1)
        #expect(tally.locations.count == 209_141)
        #expect(tally.downloadBelow100 == 1_721)
        #expect(tally.uploadSum == 378_692_644)
        #expect(tally.downloadSum == 386_591_612)
        #expect(tally.codes == [.residential: 126_698, .business: 15_937, .both: 95_133])
        #expect(tally.lowLatencyFalse == 9)
        #expect(tally.brandsWithComma == 111)
        #expect(tally.brands.count == 25)
        #expect(tally.tracts.count == 391)
        #expect(tally.technologies == [50])
        // zcat … | grep -n '"' | head -1 → 1452:0026369231,360125,"Redzone Wireless, LLC",1086450736,50,100,20,1,R,ME,230159762003028,…
        #expect(
            redzoneFirst
                == AvailabilityRecord(
                    locationID: 1_086_450_736, providerID: "360125",
                    brandName: "Redzone Wireless, LLC", technology: .fiber,
                    download: .mbps(100), upload: .mbps(20), lowLatency: true,
                    businessResidential: .residential, blockGEOID: "230159762003028", h3Cell: "882a348c4dfffff"))
        // zcat … | awk -F, 'NR>1 && $8=="0"{print NR; exit}' → 41081 (line number, header = line 1)
        #expect(firstNotLowLatencyLine == 41_081)
    }

    /// A zip with two members, made here with `zip`: both are read, in name order, with their own headers.
    @Test func zipWithTwoMembers() throws {
        let dir = try TemporaryDirectory()
        let sagadahoc = TestPaths.realData("fcc-bdc-maine/bdc_23023_sagadahoc_FTTP_J23.csv")
        let washington = TestPaths.realData("fcc-bdc-maine/bdc_23029_washington_FTTP_J23.csv")
        try FileManager.default.copyItem(atPath: sagadahoc, toPath: dir.file("a_sagadahoc.csv"))
        try FileManager.default.copyItem(atPath: washington, toPath: dir.file("b_washington.csv"))
        let zipPath = dir.file("two.zip")
        let zip = Process()
        zip.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
        zip.currentDirectoryURL = dir.url
        zip.arguments = ["-q", "two.zip", "a_sagadahoc.csv", "b_washington.csv"]
        try zip.run()
        zip.waitUntilExit()
        try #require(zip.terminationStatus == 0)

        var counties: [String: Int] = [:]
        var locations = Set<Int64>()
        let summary = try BDCReader.read(path: zipPath) { r in
            counties[String(r.blockGEOID.prefix(5)), default: 0] += 1
            locations.insert(r.locationID)
        }
        // PROVENANCE.md and `awk 'END{print NR-1}'`: Sagadahoc 5,842 rows, Washington 3,548 rows;
        // distinct locations 5,720 + 3,504 (the two counties share none: block GEOIDs differ in county).
        #expect(summary.rows == 5_842 + 3_548)
        #expect(summary.members == [zipPath + "!a_sagadahoc.csv", zipPath + "!b_washington.csv"])
        #expect(summary.bytes == 583_071 + 353_451)
        #expect(counties == ["23023": 5_842, "23029": 3_548])
        #expect(locations.count == 5_720 + 3_504)
    }

    /// Tiny read chunks force records to straddle buffer ends (and the buffer to grow); the result
    /// must be the same as with the default 4 MiB chunk.
    @Test(arguments: [7, 64, 1_000])
    func smallChunksGiveTheSameRows(chunkSize: Int) throws {
        let path = TestPaths.realData("fcc-bdc-maine/bdc_23029_washington_FTTP_J23.csv")
        var expected: [AvailabilityRecord] = []
        try BDCReader.read(path: path) { expected.append($0) }
        var index = 0
        var mismatches = 0
        let summary = try BDCReader.read(path: path, chunkSize: chunkSize) { r in
            if index >= expected.count || expected[index] != r { mismatches += 1 }
            index += 1
        }
        #expect(summary.rows == 3_548)
        #expect(index == expected.count)
        #expect(mismatches == 0)
    }
}
