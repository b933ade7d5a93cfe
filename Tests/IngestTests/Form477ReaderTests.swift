import Foundation
import GeoModel
import Ingest
import TestSupport
import Testing

/// The Form 477 reader on a hand-made file in the FCC download layout.
@Suite struct Form477ReaderTests {
    static let header =
        "LogRecNo,Provider_Id,FRN,ProviderName,DBAName,HoldingCompanyName,HocoNum,HocoFinal,StateAbbr,BlockCode,TechCode,Consumer,MaxAdDown,MaxAdUp,Business"

    @Test func handMadeFileGivesItsRowsAndServedBlocks() throws {
        // Block …1000: DSL 10/1 and cable 100/10 (consumer) → served.
        // Block …1001: fiber 1000/1000 business only (Consumer 0) and DSL 24.9/3 → unserved.
        // Block …1002: fixed wireless 25/3 exactly (consumer) → served.
        // Block …1003: satellite 25/3 reported with Consumer 1 → served under the literal 25/3 rule.
        // CRLF after every line.
        let text = [
            Self.header,
            "1,130077,0001234567,Acme Telephone,Acme,Acme Holdings,130000,130000,ME,230230101001000,10,1,10,1,0",
            "2,130078,0001234568,\"Cable, Inc.\",Cable,Cable Holdings,130001,130001,ME,230230101001000,43,1,100,10,1",
            "3,130079,0001234569,Fiber Co,Fiber,Fiber Co,130002,130002,ME,230230101001001,50,0,1000,1000,1",
            "4,130077,0001234567,Acme Telephone,Acme,Acme Holdings,130000,130000,ME,230230101001001,12,1,24.9,3,0",
            "5,130080,0001234570,Air Net,Air,Air Net,130003,130003,ME,230230101001002,70,1,25,3,0",
            "6,130081,0001234571,Sky,Sky,Sky,130004,130004,ME,230230101001003,60,1,25,3,0",
        ].map { $0 + "\r\n" }.joined()
        let dir = try TemporaryDirectory()
        let path = try dir.write("fbd.csv", text)
        var records: [Form477Record] = []
        let rows = try Form477Reader.read(path: path) { records.append($0) }
        #expect(rows == 6)
        #expect(
            records[1]
                == Form477Record(
                    blockCode: "230230101001000", providerID: "130078", technology: 43,
                    consumer: true, download: 100, upload: 10))
        #expect(records[3].download == 24.9)
        // Served blocks by the rule written out here: consumer and ≥ 25/3.
        var served = Set<String>()
        var blocks = Set<String>()
        for r in records {
            blocks.insert(r.blockCode)
            if r.consumer && r.download >= 25 && r.upload >= 3 { served.insert(r.blockCode) }
        }
        #expect(blocks.count == 4)
        #expect(served == ["230230101001000", "230230101001002", "230230101001003"])
    }

    @Test func badValuesNameFileLineAndColumn() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "bad.csv",
            Self.header + "\n"
                + "1,1,1,A,A,A,1,1,ME,230230101001000,10,1,10,1,0\n"
                + "2,1,1,A,A,A,1,1,ME,230230101001000,10,yes,10,1,0\n")
        #expect(
            throws: LastmileError.badInput(
                SourceLocation(file: path, line: 3, column: "Consumer"),
                "expected Consumer 0 or 1, found \"yes\"")
        ) {
            try Form477Reader.read(path: path) { _ in }
        }
        let noBlock = try dir.write("nob.csv", "LogRecNo,TechCode,Consumer,MaxAdDown,MaxAdUp\n1,10,1,10,1\n")
        #expect(
            throws: LastmileError.badInput(
                SourceLocation(file: noBlock, line: 1, column: "blockcode"),
                "the header lacks Form 477 column blockcode; the header has: LogRecNo, TechCode, Consumer, MaxAdDown, MaxAdUp"
            )
        ) {
            try Form477Reader.read(path: noBlock) { _ in }
        }
    }
}
