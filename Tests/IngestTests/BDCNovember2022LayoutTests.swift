import Foundation
import GeoModel
import TestSupport
import Testing

@testable import Ingest

/// The June 2022 round as the FCC first released it (November 2022): an 11-column header with
/// `block_fips`, `technology_code`, `h3index_hex8`, most values double-quoted
/// (datasets/real/fcc-bdc-maine-jun2022, see its PROVENANCE.md). Expected values from python3's csv
/// module (commands in comments).
@Suite struct BDCNovember2022LayoutTests {
    static let sagadahoc = TestPaths.realData("fcc-bdc-maine-jun2022/bdc_23023_sagadahoc_jun2022_nov2022release.csv")

    @Test func sagadahocAllTechnologiesRecordByRecord() throws {
        var rows = 0
        var locations = Set<Int64>()
        var technologies: [Int: Int] = [:]
        var download = 0.0
        var upload = 0.0
        var notLowLatency = 0
        var codes: [BusinessResidentialCode: Int] = [:]
        var first: AvailabilityRecord?
        let summary = try BDCReader.read(path: Self.sagadahoc) { r in
            if first == nil { first = r }
            rows += 1
            locations.insert(r.locationID)
            technologies[r.technology.code, default: 0] += 1
            download += r.download?.mbps ?? 0
            upload += r.upload?.mbps ?? 0
            if r.lowLatency == false { notLowLatency += 1 }
            codes[r.businessResidential, default: 0] += 1
        }
        // rows = list(csv.DictReader(open(p))); len(rows) → 28504; len({r['location_id']}) → 16188
        // Counter(technology_code) → 40: 14762, 10: 13393, 50: 348, 70: 1
        // sum(float(download)) → 17560128, sum(float(upload)) → 609089; low_latency '0' in 134 rows
        // Counter(business_residential_code) → X 20630, R 7433, B 441
        #expect(summary.rows == 28_504)
        #expect(rows == 28_504)
        #expect(locations.count == 16_188)
        #expect(technologies == [40: 14_762, 10: 13_393, 50: 348, 70: 1])
        #expect(download == 17_560_128)
        #expect(upload == 609_089)
        #expect(notLowLatency == 134)
        #expect(codes == [.both: 20_630, .residential: 7_433, .business: 441])
        // line 2: "130235","0025646373",Charter Communications Inc,"1102817937","230239701003007",882a34d62bfffff,40,"1000","35","1",R
        #expect(
            first
                == AvailabilityRecord(
                    locationID: 1_102_817_937, providerID: "130235",
                    brandName: "Charter Communications Inc", technology: .cable,
                    download: .mbps(1000), upload: .mbps(35), lowLatency: true,
                    businessResidential: .residential, blockGEOID: "230239701003007", h3Cell: "882a34d62bfffff"))
    }

    /// The parallel reader's fast path takes the quoted rows (values quoted whole) and gives the same
    /// rows as the record-by-record reader, on any number of threads and tiny chunks.
    @Test(arguments: [1, 2])
    func parallelReadEqualsRecordByRecord(threads: Int) throws {
        let reference = try ParallelBDCReaderTests.reference(Self.sagadahoc)
        let parallel = try ParallelBDCReaderTests.parallel([Self.sagadahoc], threads: threads, chunkSize: 64 << 10)
        #expect(parallel.summary.rows == reference.summary.rows)
        #expect(parallel.collector.inFileOrder == reference.rows)
    }

    /// Fields quoted whole (without separators inside) are parsed on the fast path; a quoted comma,
    /// a doubled quote or a quote inside a field is left to the general parser.
    @Test func fastPathTakesWholeQuotedFields() throws {
        let header =
            "provider_id,frn,brand_name,location_id,block_fips,h3index_hex8,technology_code,max_advertised_download_speed,max_advertised_upload_speed,low_latency,business_residential_code"
        var texts = AvailabilityTexts()
        func plain(_ line: String) throws -> CSVRecordReader.PlainRow {
            let text = header + "\n" + line + "\n"
            let bytes = Array(text.utf8)
            return try bytes.withUnsafeBytes { raw in
                var reader = CSVRecordReader(chunk: raw, displayName: "t.csv")
                let h = try BDCHeader(reading: &reader)
                #expect(h.layout == .november2022)
                return withUnsafeTemporaryAllocation(of: Int.self, capacity: h.names.count) { ends in
                    reader.nextPlainRow(
                        columns: h.columns, fieldCount: h.names.count, ends: ends.baseAddress!,
                        texts: &texts)
                }
            }
        }
        let quoted = try plain(
            #""190047","0004056602",Bee Line Cable,"1010525458","230259664001063",882b1a59bbfffff,40,"500","20","1",X"#)
        guard case .row(let row) = quoted else {
            Issue.record("quoted row not on the fast path")
            return
        }
        #expect(
            row
                == AvailabilityRow(
                    locationID: 1_010_525_458, block: 230_259_664_001_063, technology: 40, download: 500,
                    upload: 20, lowLatency: true, businessResidential: .both, providerID: 190_047,
                    providerText: row.providerText, brandText: row.brandText,
                    h3Cell: H3CellCode.hex(0x882_b1a5_9bbf_ffff)))
        #expect(texts.strings[Int(row.providerText)] == "190047")
        #expect(texts.strings[Int(row.brandText)] == "Bee Line Cable")
        #expect(H3CellCode.written(row.h3Cell, texts: texts.strings) == "882b1a59bbfffff")
        let empty = try plain(
            #""190047","0004056602","","1010525458","230259664001063",882b1a59bbfffff,40,"","20","1",X"#)
        guard case .row(let r2) = empty else {
            Issue.record("empty quoted fields not on the fast path")
            return
        }
        #expect(r2.download == nil)
        #expect(r2.providerText == row.providerText && r2.brandText == 0)
        for line in [
            #""190047","0004056602","Redzone Wireless, LLC","1010525458","230259664001063",x,40,"500","20","1",X"#,
            #""190047","0004056602","The ""Best"" Net","1010525458","230259664001063",x,40,"500","20","1",X"#,
            #""190047","0004056602",Acme 5" dish,"1010525458","230259664001063",x,40,"500","20","1",X"#,
            #""190047","0004056602","Bee"x,"1010525458","230259664001063",x,40,"500","20","1",X"#,
            // An H3 cell not written as 15 lower-case hexadecimal digits.
            #""190047","0004056602",Bee Line Cable,"1010525458","230259664001063",882B1A59BBFFFFF,40,"500","20","1",X"#,
            #""190047","0004056602",Bee Line Cable,"1010525458","230259664001063",882b1a59bbffff,40,"500","20","1",X"#,
        ] {
            guard case .general = try plain(line) else {
                Issue.record("expected the general parser for \(line)")
                continue
            }
        }
    }

    @Test func layoutOfHeaders() {
        #expect(
            BDCLayout.of(fieldNames: [
                "provider_id", "frn", "brand_name", "location_id", "block_fips", "h3index_hex8",
                "technology_code", "max_advertised_download_speed",
                "max_advertised_upload_speed", "low_latency", "business_residential_code",
            ])
                == .november2022)
        #expect(
            BDCLayout.of(fieldNames: [
                "frn", "provider_id", "brand_name", "location_id", "technology",
                "max_advertised_download_speed", "max_advertised_upload_speed", "low_latency",
                "business_residential_code", "state_usps", "block_geoid", "h3_res8_id",
            ])
                == .current)
    }
}
