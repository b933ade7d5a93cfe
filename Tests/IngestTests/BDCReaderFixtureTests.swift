import Foundation
import GeoModel
import Ingest
import TestSupport
import Testing

/// The BDC reader on small hand-made files: CSV quirks, and one file per validation error with the
/// exact message (file, line with header = 1, column).
@Suite struct BDCReaderFixtureTests {
    static let header =
        "frn,provider_id,brand_name,location_id,technology,max_advertised_download_speed,max_advertised_upload_speed,low_latency,business_residential_code,state_usps,block_geoid,h3_res8_id"

    /// Reads `text` (written as UTF-8 to a fresh file) and returns the records and summary.
    func read(_ text: String, name: String = "bdc.csv", chunkSize: Int = BDCReader.defaultChunkSize)
        throws -> (records: [AvailabilityRecord], summary: BDCReadSummary, path: String)
    {
        let dir = try TemporaryDirectory()
        let path = try dir.write(name, text)
        var records: [AvailabilityRecord] = []
        let summary = try BDCReader.read(path: path, chunkSize: chunkSize) { records.append($0) }
        return (records, summary, path)
    }

    /// The error reading `text` throws, with the file path the message names.
    func failure(_ text: String) throws -> (error: LastmileError?, path: String) {
        let dir = try TemporaryDirectory()
        let path = try dir.write("bad.csv", text)
        do {
            try BDCReader.read(path: path) { _ in }
            return (nil, path)
        } catch let e as LastmileError {
            return (e, path)
        }
    }

    // MARK: - Quirks

    @Test(arguments: [16, 4096])
    func byteOrderMarkCRLFQuotesEmptyValuesAndColumnOrder(chunkSize: Int) throws {
        // Columns reordered, provider_id and brand_name absent → "" ; BOM; CRLF; quoted numbers;
        // a quoted comma and a doubled quote in a column Lastmile does not read (state_usps) and
        // in h3; decimal and empty speeds; empty low_latency; no line break after the last row.
        let text =
            "\u{FEFF}block_geoid,location_id,business_residential_code,technology,max_advertised_download_speed,max_advertised_upload_speed,low_latency,state_usps\r\n"
            + "230239705001005,1102830633,X,50,\"100\",20,1,\"M,E\"\r\n"
            + "230239705001006,7,R,70,0.2,,,\"say \"\"hi\"\"\"\r\n"
            + "\r\n"
            + "230239705001007,8,B,10,,0.768,0,ME"
        let (records, summary, _) = try read(text, chunkSize: chunkSize)
        #expect(summary.rows == 3)
        #expect(summary.unknownTechnologyRows == 0)
        #expect(
            records == [
                AvailabilityRecord(
                    locationID: 1_102_830_633, technology: .fiber, download: .mbps(100), upload: .mbps(20),
                    lowLatency: true, businessResidential: .both, blockGEOID: "230239705001005"),
                AvailabilityRecord(
                    locationID: 7, technology: .unlicensedFixedWireless, download: .mbps(0.2), upload: nil,
                    lowLatency: nil, businessResidential: .residential, blockGEOID: "230239705001006"),
                AvailabilityRecord(
                    locationID: 8, technology: .copper, download: nil, upload: .mbps(0.768),
                    lowLatency: false, businessResidential: .business, blockGEOID: "230239705001007"),
            ])
    }

    /// Chunk sizes of 16–23 bytes put quotes, doubled quotes and CRLF pairs on buffer edges.
    @Test(arguments: [16, 17, 19, 23, 4096])
    func quotedBrandWithCommaDoubledQuoteAndLineBreak(chunkSize: Int) throws {
        let text =
            Self.header + "\n"
            + "0026369231,360125,\"Redzone Wireless, LLC\",1086450736,50,100,20,1,R,ME,230159762003028,882a348c4dfffff\n"
            + "0000000001,999,\"The \"\"Best\"\" Net\",1,50,1000,1000,1,X,ME,230159762003028,882a348c4dfffff\n"
            + "0000000001,999,\"Two\nLines\",2,50,1000,1000,1,X,ME,230159762003028,882a348c4dfffff\n"
            + "0000000001,999,Plain,3,50,1000,1000,1,X,ME,230159762003028,882a348c4dfffff\r\n"
        let (records, summary, _) = try read(text, chunkSize: chunkSize)
        #expect(summary.rows == 4)
        #expect(records.map(\.brandName) == ["Redzone Wireless, LLC", "The \"Best\" Net", "Two\nLines", "Plain"])
        #expect(records.map(\.providerID) == ["360125", "999", "999", "999"])
        #expect(records.map(\.locationID) == [1_086_450_736, 1, 2, 3])
    }

    @Test func headerOnlyFileHasNoRows() throws {
        let (records, summary, path) = try read(Self.header + "\r\n")
        #expect(records.isEmpty)
        #expect(summary.rows == 0)
        #expect(summary.members == [path])
    }

    @Test func unknownTechnologyIsDeliveredAndCounted() throws {
        let text =
            Self.header + "\n"
            + "1,1,A,1,50,100,20,1,R,ME,230159762003028,x\n"
            + "1,1,A,2,99,100,20,1,R,ME,230159762003028,x\n"
            + "1,1,A,3,99,100,20,1,R,ME,230159762003028,x\n"
            + "1,1,A,4,12,100,20,1,R,ME,230159762003028,x\n"
        let (records, summary, _) = try read(text)
        #expect(records.map(\.technology.code) == [50, 99, 99, 12])
        #expect(summary.unknownTechnologyRows == 3)
        #expect(summary.unknownTechnologyCodes == [12, 99])
    }

    @Test func anErrorFromTheBodyStopsTheRead() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "b.csv",
            Self.header + "\n1,1,A,1,50,100,20,1,R,ME,230159762003028,x\n1,1,A,2,50,100,20,1,R,ME,230159762003028,x\n")
        var seen = 0
        #expect(throws: LastmileError.failed("stop")) {
            try BDCReader.read(path: path) { _ in
                seen += 1
                throw LastmileError.failed("stop")
            }
        }
        #expect(seen == 1)
    }

    // MARK: - Errors

    /// A file the reader refuses, with the place (header = line 1) and message it must name.
    struct BadFile: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var text: String
        var line: Int
        var column: String?
        var message: String
    }

    /// A valid row, to put a bad one on line 3.
    static let good = "1,1,A,1,50,100,20,1,R,ME,230159762003028,x"

    static let badFiles: [BadFile] = [
        .init(
            testDescription: "totally empty file", text: "", line: 1,
            message: "the file is empty; expected a BDC header line (\(header))"),
        .init(
            testDescription: "header missing required columns",
            text: "frn,provider_id,location_id,technology,max_advertised_download_speed,low_latency,block_geoid\n",
            line: 1, column: "max_advertised_upload_speed, business_residential_code",
            message:
                "the header lacks required BDC columns max_advertised_upload_speed, business_residential_code; the header has: frn, provider_id, location_id, technology, max_advertised_download_speed, low_latency, block_geoid"
        ),
        .init(
            testDescription: "non-integer location id",
            text: header + "\n\(good)\n1,1,A,12x,50,100,20,1,R,ME,230159762003028,x\n", line: 3,
            column: "location_id", message: "expected a non-negative integer location id, found \"12x\""),
        .init(
            testDescription: "unknown business/residential code",
            text: header + "\n1,1,A,1,50,100,20,1,Q,ME,230159762003028,x\n", line: 2,
            column: "business_residential_code", message: "expected business_residential_code R, B or X, found \"Q\""),
        .init(
            testDescription: "non-numeric speed", text: header + "\n1,1,A,1,50,1 Gbps,20,1,R,ME,230159762003028,x\n",
            line: 2, column: "max_advertised_download_speed",
            message: "expected a speed in Mbps (a number such as 100 or 0.2) or empty, found \"1 Gbps\""),
        .init(
            testDescription: "negative speed", text: header + "\n1,1,A,1,50,100,-3,1,R,ME,230159762003028,x\n",
            line: 2, column: "max_advertised_upload_speed",
            message: "expected a speed in Mbps of 0 or more, found \"-3\""),
        // 14 digits: a block GEOID whose leading zero was lost in a spreadsheet.
        .init(
            testDescription: "block GEOID not fifteen digits",
            text: header + "\n1,1,A,1,50,100,20,1,R,ME,10010201001000,x\n", line: 2, column: "block_geoid",
            message: "expected a 15-digit census block GEOID, found \"10010201001000\""),
        .init(
            testDescription: "bad low_latency", text: header + "\n1,1,A,1,50,100,20,yes,R,ME,230159762003028,x\n",
            line: 2, column: "low_latency", message: "expected low_latency 0, 1 or empty, found \"yes\""),
        // An unquoted brand with a comma shifts every field after it: 13 fields for 12 columns.
        .init(
            testDescription: "wrong field count",
            text: header + "\n\(good)\n1,1,Redzone Wireless, LLC,2,50,100,20,1,R,ME,230159762003028,x\n", line: 3,
            message: "expected 12 fields as in the header, found 13 (a brand name with a comma must be quoted)"),
        // A line cut after the technology column: 5 fields.
        .init(
            testDescription: "short line", text: header + "\r\n1,1,A,1,50\r\n", line: 2,
            message: "expected 12 fields as in the header, found 5"),
        // Record 2 spans lines 2–3, so the bad record is on line 4.
        .init(
            testDescription: "line numbers count line breaks inside quotes",
            text: header
                + "\n1,1,\"Two\r\nLines\",1,50,100,20,1,R,ME,230159762003028,x\n1,1,A,2,fifty,100,20,1,R,ME,230159762003028,x\n",
            line: 4, column: "technology", message: "expected an integer FCC technology code, found \"fifty\""),
        .init(
            testDescription: "unterminated quote at end of file",
            text: header + "\n\(good)\n1,1,\"Open brand,2,50,100,20,1,R,ME,230159762003028,x\n", line: 3,
            column: "brand_name",
            message:
                "unterminated quoted field: the quote opened on this line is not closed before the end of the file"),
        .init(
            testDescription: "text after a closing quote",
            text: header + "\n1,1,\"Acme\" Fiber,1,50,100,20,1,R,ME,230159762003028,x\n", line: 2, column: "brand_name",
            message: "unexpected text after a closing quote; a quote inside a quoted field must be doubled (\"\")"),
        .init(
            testDescription: "duplicate header column",
            text:
                "location_id,technology,max_advertised_download_speed,max_advertised_upload_speed,low_latency,business_residential_code,block_geoid,technology\n",
            line: 1, column: "technology", message: "the header names column 'technology' 2 times (fields 2, 8)"),
    ]

    @Test(arguments: badFiles)
    func badFileIsRefusedWithTheExactMessage(_ bad: BadFile) throws {
        let (error, path) = try failure(bad.text)
        #expect(error == .badInput(SourceLocation(file: path, line: bad.line, column: bad.column), bad.message))
    }

    /// A truncated .gz must still fail (with GDAL's message), not end quietly.
    @Test func truncatedGzipIsBadInput() throws {
        let dir = try TemporaryDirectory()
        let real = TestPaths.realData("fcc-bdc-maine/bdc_23_FibertothePremises_fixed_broadband_J23_05mar2024.csv.gz")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: real))
        let path = dir.file("cut.csv.gz")
        try bytes.prefix(1_000_000).write(to: URL(fileURLWithPath: path))
        var rows = 0
        var caught: LastmileError?
        do {
            try BDCReader.read(path: path) { _ in rows += 1 }
        } catch let e as LastmileError {
            caught = e
        }
        guard case .badInput(let at, let message)? = caught else {
            Issue.record("expected badInput, got \(String(describing: caught)) after \(rows) rows")
            return
        }
        #expect(at.file == path)
        #expect(message.contains("decompression failed"))
    }
}
