import Foundation
import GeoModel
import Ingest
import TestSupport
import Testing

/// A row with its texts (provider id, brand, H3 cell) looked up in its reader's table, to compare with
/// a record of the record-by-record reader.
struct ReadRow: Hashable {
    /// The row, its text numbers and H3 code set to zero.
    var row: AvailabilityRow
    var provider: String, brand: String, h3: String
    var locationID: Int64 { row.locationID }

    init(_ r: AvailabilityRow, texts: [String]) {
        provider = texts[Int(r.providerText)]
        brand = texts[Int(r.brandText)]
        h3 = H3CellCode.written(r.h3Cell, texts: texts)
        row = r
        row.providerText = 0
        row.brandText = 0
        row.h3Cell = H3CellCode.none
    }

    init(_ r: AvailabilityRecord) {
        row = AvailabilityRow(
            locationID: r.locationID, block: UInt64(r.blockGEOID)!, technology: r.technology.code,
            download: r.download?.mbps, upload: r.upload?.mbps, lowLatency: r.lowLatency,
            businessResidential: r.businessResidential, providerID: Int64(r.providerID) ?? -1)
        provider = r.providerID
        brand = r.brandName
        h3 = r.h3Cell
    }
}

/// Collects every row with its chunk number; merging concatenates, and `inFileOrder` sorts by chunk
/// (rows of one chunk stay in file order), so the result must equal a record-by-record read exactly.
struct RowCollector: AvailabilityAccumulator {
    var rows: [(chunk: Int, index: Int, row: ReadRow)] = []

    mutating func add(_ batch: [AvailabilityRow], chunk: Int, texts: [String]) {
        for r in batch { rows.append((chunk, rows.count, ReadRow(r, texts: texts))) }
    }

    mutating func merge(_ other: consuming RowCollector) { rows += other.rows }

    var inFileOrder: [ReadRow] {
        rows.sorted { ($0.chunk, $0.index) < ($1.chunk, $1.index) }.map(\.row)
    }
    var chunks: Set<Int> { Set(rows.map(\.chunk)) }
}

/// The BEAD 2022 rule written out again, independently of Analysis (PRODUCT.md; the same as the
/// Python script of ClassificationRealDataTests): best class per location, first block per location.
struct BEADTally: AvailabilityAccumulator {
    var best: [Int64: Int] = [:]

    mutating func add(_ batch: [AvailabilityRow], chunk: Int, texts: [String]) {
        for r in batch {
            var c = 0
            if [10, 40, 50, 71, 72].contains(r.technology), r.lowLatency == true, let d = r.download, let u = r.upload,
                d >= 25, u >= 3
            {
                c = d >= 100 && u >= 20 ? 2 : 1
            }
            best[r.locationID] = max(best[r.locationID] ?? 0, c)
        }
    }

    mutating func merge(_ other: consuming BEADTally) {
        best.merge(other.best) { max($0, $1) }
    }

    var totals: [Int] {
        var t = [0, 0, 0]
        for c in best.values { t[c] += 1 }
        return t
    }
}

/// The parallel reader (`BDCReader.fold`) against the record-by-record reader: same rows, same
/// errors (file, line, column), whatever the number of threads and the chunk size.
@Suite struct ParallelBDCReaderTests {
    static let header =
        "frn,provider_id,brand_name,location_id,technology,max_advertised_download_speed,max_advertised_upload_speed,low_latency,business_residential_code,state_usps,block_geoid,h3_res8_id"
    static let maine = TestPaths.realData(
        "fcc-bdc-maine/bdc_23_FibertothePremises_fixed_broadband_J23_05mar2024.csv.gz")

    /// The rows of a record-by-record read, as the parallel reader gives them (texts included).
    static func reference(_ path: String) throws -> (rows: [ReadRow], summary: BDCReadSummary) {
        var rows: [ReadRow] = []
        let summary = try BDCReader.read(path: path) { rows.append(ReadRow($0)) }
        return (rows, summary)
    }

    static func parallel(_ paths: [String], threads: Int, chunkSize: Int = BDCReader.defaultChunkSize) throws
        -> (collector: RowCollector, summary: BDCReadSummary)
    {
        let r = try BDCReader.fold(paths: paths, threads: threads, chunkSize: chunkSize) { RowCollector() }
        return (r.accumulator, r.summary)
    }

    /// A generated file with the quirks that make cutting hard: quoted brands with commas, doubled
    /// quotes and line breaks (LF, CRLF and lone CR inside quotes), CRLF and LF line ends, blank lines,
    /// a quote in the middle of an unquoted field, no line break at the end.
    static func generated(rows n: Int) -> String {
        var text = header + "\r\n"
        let brands = [
            "Plain Net", "\"Hill & Hollow Wireless, Inc.\"", "\"The \"\"Best\"\" Net\"", "\"Two\nLines\"",
            "\"Three\r\nLines\"", "\"Old\rMac\"", "Acme 5\" dish", "\"\"", "\",\"", "\"\"\"\"",
        ]
        for i in 0..<n {
            let tech = [10, 40, 50, 60, 61, 70, 71, 72, 0][i % 9]
            let down = ["25", "100", "0.2", "1000", "", "24.999"][i % 6]
            let up = ["3", "20", "", "2.5", "1000", "19"][i % 6 == 0 ? 1 : i % 6]
            let latency = ["1", "0", ""][i % 3]
            let code = ["R", "B", "X"][(i / 3) % 3]
            let block = String(format: "05%03d%06d%04d", i % 7, i % 1000, i % 10000)
            text +=
                "\(String(format: "%010d", i % 13)),\(100 + i % 5),\(brands[i % brands.count]),\(1_000_000 + (i * 7919) % (n / 2 + 1)),"
                + "\(tech),\(down),\(up),\(latency),\(code),AR,\(block),"
                + ["8826\(i % 97)fffff", "882b1a59bbfffff", "882B1A59BBFFFFF", "", "\"88264\"\"fffff\""][i % 5]
            text += i % 4 == 0 ? "\r\n" : "\n"
            if i % 500 == 499 { text += "\n" }
        }
        text += "0000000001,1,Last,42,50,100,20,1,R,AR,050010001001000,x"  // no line break at the end
        return text
    }

    @Test(arguments: [1, 2, 8])
    func generatedFileSameRowsAsRecordByRecord(threads: Int) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("gen.csv", Self.generated(rows: 6000))
        let expected = try Self.reference(path)
        #expect(expected.rows.count == 6001)
        for chunkSize in [64, 97, 1000, 65536] {
            let (collector, summary) = try Self.parallel([path], threads: threads, chunkSize: chunkSize)
            #expect(collector.inFileOrder == expected.rows, "chunk size \(chunkSize)")
            #expect(summary == expected.summary, "chunk size \(chunkSize)")
            if chunkSize == 64 { #expect(collector.chunks.count > 100) }
        }
    }

    @Test func tinyChunksCutInsideQuotesAndCRLFCorrectly() throws {
        // Every record is longer than the 64-byte chunk, and a quoted brand holds a CRLF, a lone CR, a
        // doubled quote and commas: a cut inside the quotes would break the rows apart.
        let text =
            Self.header + "\r\n"
            + "1,2,\"A, \"\"B\"\"\r\nC\rD, very long brand name that goes past one chunk of sixty-four bytes\",7,50,100,20,1,R,AR,050010001001000,x\r\n"
            + "1,2,\"\r\n\",8,40,25,3,1,X,AR,050010001001001,x\r\n"
            + "1,2,plain,9,10,25,3,1,B,AR,050010001001002,x\r"
            + "1,2,\"lone CR ends the line before\",10,10,25,3,1,B,AR,050010001001003,x\r\n"
        let dir = try TemporaryDirectory()
        let path = try dir.write("quotes.csv", text)
        let expected = try Self.reference(path)
        #expect(expected.rows.map(\.locationID) == [7, 8, 9, 10])
        for threads in [1, 2, 8] {
            for chunkSize in [64, 65, 70, 80, 128] {
                let (collector, summary) = try Self.parallel([path], threads: threads, chunkSize: chunkSize)
                #expect(collector.inFileOrder == expected.rows, "threads \(threads), chunk size \(chunkSize)")
                #expect(summary.rows == 4)
            }
        }
    }

    /// Errors name the same file, line and column as the record-by-record reader, however the file is cut.
    @Test(arguments: [
        // A bad technology on line 3002 (after 3000 good rows and a record spanning two lines).
        ("tech", 3000, "1,1,A,5,fifty,100,20,1,R,AR,050010001001000,x\n"),
        ("fields", 2500, "1,1,Redzone Wireless, LLC,2,50,100,20,1,R,AR,050010001001000,x\n"),
        ("quote", 1800, "1,1,\"Acme\" Fiber,1,50,100,20,1,R,AR,050010001001000,x\n"),
        (
            "unterminated", 1200,
            "1,1,\"Open brand,2,50,100,20,1,R,AR,050010001001000,x\n1,1,A,5,50,100,20,1,R,AR,050010001001000,x\n"
        ),
    ])
    func errorsNameTheSameLineAsRecordByRecord(label: String, goodRows: Int, bad: String) throws {
        var text = Self.header + "\n1,1,\"Two\r\nLines\",1,50,100,20,1,R,AR,050010001001000,x\n"
        for i in 0..<goodRows { text += "1,1,A,\(i),50,100,20,1,R,AR,050010001001000,x\n" }
        text += bad
        for i in 0..<500 { text += "1,1,A,\(i),50,100,20,1,R,AR,050010001001000,x\n" }
        text += "1,1,A,1,50,100,20,1,R,AR,0500100010,x\n"  // a second, later error that must not win
        let dir = try TemporaryDirectory()
        let path = try dir.write("\(label).csv", text)
        var expected: LastmileError?
        do { try BDCReader.read(path: path) { _ in } } catch let e as LastmileError { expected = e }
        let e = try #require(expected)
        guard case .badInput(let at, _) = e else {
            Issue.record("expected badInput, got \(e)")
            return
        }
        #expect(at.file == path)
        // Header (1) + the two-line record (2–3) + good rows, then the bad line.
        #expect(at.line == 4 + goodRows)
        for threads in [1, 2, 8] {
            for chunkSize in [100, 333, 4096] {
                #expect(throws: e, "threads \(threads), chunk size \(chunkSize)") {
                    _ = try Self.parallel([path], threads: threads, chunkSize: chunkSize)
                }
            }
        }
    }

    @Test func zipWithSeveralMembersAndGzip() throws {
        let dir = try TemporaryDirectory()
        let a = try dir.write("a.csv", Self.generated(rows: 700))
        let b = try dir.write("sub/b.csv", Self.header + "\n1,1,B,77,50,1000,1000,1,X,AR,050020002002000,x\n")
        _ = try dir.write("sub/readme.txt", "not a CSV member")
        let zip = dir.file("bdc.zip")
        let zipped = try CommandLineRun.run("zip", ["-q", "-r", zip, "a.csv", "sub"], in: dir.path)
        #expect(zipped.status == 0, "\(zipped.stderr)")
        let gz = dir.file("a.csv.gz")
        let gzipped = try CommandLineRun.run("/bin/sh", ["-c", "gzip -c a.csv > a.csv.gz"], in: dir.path)
        #expect(gzipped.status == 0)

        let plainA = try Self.reference(a).rows
        let plainB = try Self.reference(b).rows
        for threads in [1, 2, 8] {
            let (collector, summary) = try Self.parallel([zip, gz], threads: threads, chunkSize: 500)
            // Members in name order (a.csv, sub/b.csv), then the .gz: the text file is not read.
            #expect(summary.members == [zip + "!a.csv", zip + "!sub/b.csv", gz])
            #expect(collector.inFileOrder == plainA + plainB + plainA)
            #expect(summary.rows == 2 * 701 + 1)
        }
    }

    @Test func truncatedZipAndGarbageGzipAreBadInputNamingTheFile() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("a.csv", Self.generated(rows: 20000))
        #expect(try CommandLineRun.run("zip", ["-q", dir.file("whole.zip"), "a.csv"], in: dir.path).status == 0)
        let whole = try Data(contentsOf: URL(fileURLWithPath: dir.file("whole.zip")))
        let truncated = dir.file("cut.zip")
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: truncated))

        #expect(try CommandLineRun.run("/bin/sh", ["-c", "gzip -c a.csv > good.csv.gz"], in: dir.path).status == 0)
        var gz = try Data(contentsOf: URL(fileURLWithPath: dir.file("good.csv.gz")))
        // Garbage over the middle of the deflate stream.
        for i in (gz.count / 2)..<(gz.count / 2 + 4000) { gz[i] = UInt8(truncatingIfNeeded: i &* 37) }
        let garbage = dir.file("garbage.csv.gz")
        try gz.write(to: URL(fileURLWithPath: garbage))
        _ = csv

        for path in [truncated, garbage] {
            for threads in [1, 2, 8] {
                var caught: LastmileError?
                do { _ = try Self.parallel([path], threads: threads, chunkSize: 4096) } catch let e as LastmileError {
                    caught = e
                }
                guard case .badInput(let at, let message)? = caught else {
                    Issue.record("\(path), \(threads) threads: expected badInput, got \(String(describing: caught))")
                    continue
                }
                #expect(at.file.hasPrefix(path), "\(message)")
                #expect(caught?.exitCode == 65)
            }
        }
    }

    /// The statewide Maine fiber file (.csv.gz, 237,768 rows): the same BEAD totals as the independent
    /// Python count in ClassificationRealDataTests (383 unserved, 241 underserved, 208,517 served)
    /// for 1, 2 and 8 threads, and the same rows as the record-by-record reader.
    @Test func maineStatewideGzipIsThreadCountIndependent() throws {
        let expected = try Self.reference(Self.maine)
        #expect(expected.rows.count == 237_768)
        for threads in [1, 2, 8] {
            let tally = try BDCReader.fold(paths: [Self.maine], threads: threads, chunkSize: 256 << 10) { BEADTally() }
            #expect(tally.accumulator.totals == [383, 241, 208_517], "threads \(threads)")
            #expect(tally.summary == expected.summary)
            let rows = try Self.parallel([Self.maine], threads: threads, chunkSize: 256 << 10)
            #expect(rows.collector.inFileOrder == expected.rows, "threads \(threads)")
        }
    }
}

@Suite struct BDCReadProgressTests {
    @Test func plainInputsGiveShareRateAndTimeLeft() {
        // 600 MB of 2,400 MB in 2 s: 300 MB/s, 25 %, (2,400 − 600) / 300 = 6 s left.
        let p = BDCReadProgress(
            bytesRead: 600_000_000, elapsedSeconds: 2, filesDone: 0, filesTotal: 1,
            plainBytesTotal: 2_400_000_000)
        #expect(p.bytesPerSecond == 300_000_000)
        #expect(p.fractionDone == 0.25)
        #expect(p.secondsLeft == 6)
        #expect(p.line == "600 MB of 2.40 GB (25 %), 300 MB/s, 6 s left")
    }

    @Test func compressedInputsGiveBytesRateAndFile() {
        let p = BDCReadProgress(
            bytesRead: 1_500_000_000, elapsedSeconds: 3, filesDone: 1, filesTotal: 50, plainBytesTotal: nil)
        #expect(p.fractionDone == nil)
        #expect(p.secondsLeft == nil)
        #expect(p.line == "1.50 GB read, 500 MB/s, file 2 of 50")
    }
}
