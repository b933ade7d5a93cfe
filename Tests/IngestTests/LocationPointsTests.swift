import Foundation
import GeoModel
import TestSupport
import Testing

@testable import Ingest

/// `LocationPoints`: the columnar, multi-threaded read of a locations file's positions.
@Suite struct LocationPointsTests {
    /// A Fabric-style file of `rows` rows (with an extra column), about 60 bytes a row.
    static func fabricText(rows: Int, badLine: Int? = nil) -> String {
        var text = "location_id,block_geoid,latitude,longitude,bsl_flag\n"
        for i in 0..<rows {
            let line = i + 2
            let latitude = line == badLine ? "91.5" : String(format: "%.7f", 20 + Double(i % 1000) / 1000)
            text +=
                "\(1_000_000_000 + i),1500300\(String(format: "%08d", i)),\(latitude),-\(String(format: "%.7f", 155 + Double(i % 977) / 977)),True\n"
        }
        return text
    }

    @Test func readsEveryRowInOrderOnAnyNumberOfThreads() throws {
        let folder = try TemporaryDirectory()
        // 30,000 rows, about 2.4 MB: several runs of rows for 2 and 7 threads.
        let path = try folder.write("locations.csv", Self.fabricText(rows: 30_000))
        let one = try LocationPoints.read(path: path, threads: 1)
        #expect(one.count == 30_000)
        #expect(one.ids.first == 1_000_000_000 && one.ids.last == 1_000_029_999)
        #expect(one.blocks[12_345] == 150_030_000_012_345)
        // Parsed as Double("…") parses the text: correctly rounded.
        #expect(one.positions[1] == Point(x: Double("-155.0010235")!, y: Double("20.0010000")!))
        #expect(one.positions[977] == Point(x: -155, y: Double("20.9770000")!))
        for threads in [2, 7] {
            let many = try LocationPoints.read(path: path, threads: threads)
            #expect(many.ids == one.ids && many.positions == one.positions && many.blocks == one.blocks)
        }
    }

    @Test func errorNamesTheLineOfTheFileWhicheverRunHasIt() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("locations.csv", Self.fabricText(rows: 30_000, badLine: 25_001))
        for threads in [1, 4] {
            #expect {
                try LocationPoints.read(path: path, threads: threads)
            } throws: { error in
                guard case .badInput(let at, let message) = error as? LastmileError else { return false }
                return at.line == 25_001 && at.column == "latitude" && message.contains("91.5")
            }
        }
    }

    @Test func quotedFieldsAndEmptyCoordinates() throws {
        let folder = try TemporaryDirectory()
        let text =
            "\u{FEFF}location_id,latitude,longitude,address\r\n7,44.5,-69.25,\"1 Main St,\r\nApt 2\"\r\n8,,,x\r\n"
        let path = try folder.write("locations.csv", text)
        let points = try LocationPoints.read(path: path, threads: 4)
        #expect(points.ids == [7, 8])
        #expect(points.positions[0] == Point(x: -69.25, y: 44.5))
        #expect(points.positions[1].x.isNaN && points.positions[1].y.isNaN)
        #expect(points.blocks.isEmpty)  // no block column
    }

    @Test func signedDecimalsAreCorrectlyRounded() {
        for text in ["-91.4191292", "35.4721056", "-0.5", "0", "-180", "179.9999999"] {
            let parsed = Array(text.utf8).withUnsafeBytes { FieldParsing.signedDecimal($0) }
            #expect(parsed == Double(text))
        }
        for text in ["-", "--1", "1e5", "", "+3", "1.2.3"] {
            #expect(Array(text.utf8).withUnsafeBytes { FieldParsing.signedDecimal($0) } == nil)
        }
    }
}
