import Foundation
import TestSupport
import Testing

/// `lastmile runs list|show|diff` on runs over two variants of the same data.
@Suite struct RunsCommandTests {
    static let base = TestPaths.repo("Tests/IngestTests/Fixtures/bad/base")
    static let header =
        "frn,provider_id,brand_name,location_id,technology,max_advertised_download_speed,max_advertised_upload_speed,low_latency,business_residential_code,state_usps,block_geoid,h3_res8_id\n"

    /// Copies a folder's files into `dir/name/` and returns the study path there.
    static func copyStudy(from folder: String, to dir: TemporaryDirectory, as name: String) throws -> String {
        let target = dir.file(name)
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for f in try FileManager.default.contentsOfDirectory(atPath: folder) where !f.hasPrefix(".") {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + f, isDirectory: &isDir)
            if !isDir.boolValue { try FileManager.default.copyItem(atPath: folder + "/" + f, toPath: target + "/" + f) }
        }
        return target + "/study.toml"
    }

    static func runIDs(_ out: String) throws -> [String] {
        let list = try CommandLineRun.lastmile(["runs", "list", "--out", out, "--format", "csv"])
        // Newest first; return oldest first.
        return list.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }.reversed()
    }

    @Test func diffReportsExactlyTheTransitionsMade() throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("out")
        let study = try Self.copyStudy(from: Self.base, to: dir, as: "study")
        try CommandLineRun.lastmile(["run", study, "--out", out, "-q"])
        // Release 2, by hand from base/availability.csv: 1002 (DSL 10/1, unserved) and 1004 (licensed
        // fixed wireless 50/5, underserved) gain fiber 1000/1000 → served; 1005 (satellite, unserved)
        // vanishes; 1006 (DSL 10/1, unserved) is new in block group 239900001002.
        let availability = study.replacingOccurrences(of: "study.toml", with: "availability.csv")
        let rows = try String(contentsOfFile: availability, encoding: .utf8).split(separator: "\n").dropFirst()
            .filter { !$0.contains(",1005,") }.map(String.init)
        let added = [
            "0000000001,900001,Synthetic Fiber,1002,50,1000,1000,1,R,ME,239900001001002,882a1b16f5fffff",
            "0000000001,900001,Synthetic Fiber,1004,50,1000,1000,1,R,ME,239900001002002,882a1b16f5fffff",
            "0000000002,900002,Synthetic DSL,1006,10,10,1,1,R,ME,239900001002003,882a1b16f5fffff",
        ]
        try (Self.header + (rows + added).joined(separator: "\n") + "\n").write(
            toFile: availability, atomically: true, encoding: .utf8)
        try CommandLineRun.lastmile(["run", study, "--out", out, "-q"])
        let ids = try Self.runIDs(out)
        try #require(ids.count == 2)

        let csv = try CommandLineRun.lastmile(["runs", "diff", ids[0], ids[1], "--out", out, "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        // Columns: area,name, locations/unserved/underserved/served before,after, new, vanished,
        // unserved→underserved, unserved→served, underserved→unserved, underserved→served, served→unserved, served→underserved.
        #expect(lines[1] == "239900001001,Block Group 1,2,2,1,0,0,0,1,2,0,0,0,1,0,0,0,0")
        #expect(lines[2] == "239900001002,Block Group 2,3,3,1,1,1,0,1,2,1,1,0,0,0,1,0,0")

        let json = try CommandLineRun.lastmile(["runs", "diff", ids[0], ids[1], "--out", out, "--format", "json"])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let totals = try #require(obj["totals"] as? [String: Any])
        #expect(totals["new_locations"] as? Int == 1)
        #expect(totals["vanished_locations"] as? Int == 1)
        let transitions = try #require(totals["transitions"] as? [[String: Any]])
        #expect(
            transitions.map { "\($0["from"]!)→\($0["to"]!):\($0["count"]!)" } == [
                "unserved→served:1", "underserved→served:1",
            ])

        let text = try CommandLineRun.lastmile(["runs", "diff", String(ids[0].prefix(22)), ids[1], "--out", out])
        #expect(text.stdout.contains("unserved → served: 1\n  underserved → served: 1\n  new: 1, vanished: 1"))

        let list = try CommandLineRun.lastmile(["runs", "list", "--out", out])
        #expect(list.stdout.contains("Bad input base"))
        #expect(list.stdout.split(separator: "\n").count == 3)
        let show = try CommandLineRun.lastmile(["runs", "show", ids[1], "--out", out, "--format", "json"])
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(shown["status"] as? String == "done")
        #expect(shown["stored_locations"] as? Int == 5)  // 1001–1004 and 1006
        try CommandLineRun.lastmile(
            ["runs", "show", "nope", "--out", out],
            expecting: .exit(64), stderr: .containing("no run 'nope'"))
    }

    /// Demo scale: every location of one block group gets fiber; the diff must move exactly that block
    /// group's unserved and underserved locations to served (counts read from run A's results.csv) and
    /// add the block group's locations that had no availability row, and touch no other area.
    @Test func upgradingOneBlockGroupOfTheDemo() throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("out")
        let study = try Self.copyStudy(from: TestPaths.repo("datasets/demo"), to: dir, as: "demo")
        let first = try CommandLineRun.lastmile(["run", study, "--out", out, "-q", "--format", "json"])
        let bg = "239900001001"
        let locations = try String(contentsOfFile: TestPaths.repo("datasets/demo/locations.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",") }.filter { $0[3].hasPrefix(bg) }
        let fiber = locations.map {
            "0000000009,999999,Upgrade Fiber,\($0[0]),50,1000,1000,1,R,ME,\($0[3]),882a1b16f5fffff\n"
        }.joined()
        let availability = dir.file("demo/bdc_fixed_demo.csv")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: availability))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(fiber.utf8))
        try handle.close()
        try CommandLineRun.lastmile(["run", study, "--out", out, "-q"])
        let ids = try Self.runIDs(out)
        try #require(ids.count == 2)

        let firstOut = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let resultsA = try String(
            contentsOfFile: (firstOut["output_directory"] as! String) + "/results.csv", encoding: .utf8)
        let headerA = CSVText.fields(resultsA.split(separator: "\n")[0])
        let rowA = CSVText.fields(try #require(resultsA.split(separator: "\n").first { $0.hasPrefix(bg + ",") }))
        func a(_ column: String) -> Int { Int(rowA[headerA.firstIndex(of: column)!])! }

        let csv = try CommandLineRun.lastmile(["runs", "diff", ids[0], ids[1], "--out", out, "--format", "csv"])
        let rows = csv.stdout.split(separator: "\n").dropFirst().map(CSVText.fields)
        let changed = rows.filter { r in
            r[2] != r[3] || r[4] != r[5] || r[6] != r[7] || r[8] != r[9] || r[10...].contains { $0 != "0" }
        }
        #expect(changed.map { $0[0] } == [bg])
        let r = try #require(changed.first)
        #expect(Int(r[13]) == a("unserved"))  // unserved → served
        #expect(Int(r[15]) == a("underserved"))  // underserved → served
        #expect(Int(r[10]) == locations.count - a("locations"))  // new: locations without an availability row in A
        #expect(Int(r[11]) == 0)
        #expect(Int(r[9]) == locations.count)  // served after = every location of the block group
        #expect(r[12] == "0" && r[14] == "0" && r[16] == "0" && r[17] == "0")

        // --locations lists exactly the locations that changed: run A's unserved and underserved locations of
        // the block group (from its locations.csv) and those it did not have, all now served.
        let locationsA = try String(
            contentsOfFile: (firstOut["output_directory"] as! String) + "/locations.csv", encoding: .utf8
        )
        .split(separator: "\n").dropFirst().map(CSVText.fields)
        let classA = Dictionary(uniqueKeysWithValues: locationsA.map { ($0[0], $0[4]) })
        var expected = locations.map { String($0[0]) }.compactMap { id -> String? in
            let before = classA[id] ?? ""
            return before == "served" ? nil : "\(id),\(bg),\(before),served"
        }
        expected.sort { Int64($0.prefix { $0 != "," })! < Int64($1.prefix { $0 != "," })! }
        let listed = try CommandLineRun.lastmile(["runs", "diff", ids[0], ids[1], "--out", out, "--locations"])
        #expect(listed.stdout.split(separator: "\n").map(String.init) == ["location_id,area,from,to"] + expected)
        #expect(expected.count == a("unserved") + a("underserved") + locations.count - a("locations"))

        // The diff map: one block group upgraded, 53 with none; PNG and SVG written, another extension refused.
        for ext in ["svg", "png"] {
            let map = dir.file("diff.\(ext)")
            try CommandLineRun.lastmile(["runs", "diff", ids[0], ids[1], "--out", out, "--map", map])
            let head = try #require(FileHandle(forReadingAtPath: map)?.readData(ofLength: 8))
            #expect(
                ext == "png"
                    ? head.starts(with: [0x89, 0x50, 0x4E, 0x47])
                    : String(decoding: head, as: UTF8.self).hasPrefix("<?xml"))
        }
        let svg = try String(contentsOfFile: dir.file("diff.svg"), encoding: .utf8)
        // Two value classes (0 and the one upgraded block group): Palette takes Greens-3's first and last
        // colours, #e5f5e0 (229/255 = 89.8 %, 245 → 96.1 %, 224 → 87.8 %) for the 53 areas with none and
        // #31a354 (49 → 19.2 %, 163 → 63.9 %, 84 → 32.9 %) for the upgraded one.
        #expect(svg.contains("fill:rgb(89.803922%,96.078431%,87.843137%)"))
        #expect(svg.contains("fill:rgb(19.215686%,63.921569%,32.941176%)"))
        try CommandLineRun.lastmile(
            ["runs", "diff", ids[0], ids[1], "--out", out, "--map", dir.file("diff.pdf")],
            expecting: .exit(64), stderr: .containing("diff.pdf"))
    }

    /// A failed run is refused (64, saying it failed); two runs of different studies are compared but
    /// the diff says so (text and JSON).
    @Test func diffRefusesAFailedRunAndSaysWhenStudiesDiffer() throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("out")
        let study = try Self.copyStudy(from: Self.base, to: dir, as: "a")
        try CommandLineRun.lastmile(["run", study, "--out", out, "-q", "--set", "risk.draws=100"])
        try CommandLineRun.lastmile(
            ["run", study, "--out", out, "-q", "--set", "inputs.areas=missing.geojson"],
            expecting: .exit(74), stderr: .containing("missing.geojson"))
        try CommandLineRun.lastmile([
            "run", study, "--out", out, "-q", "--set", "risk.draws=100",
            "--set", "study.name=Another study",
        ])
        let ids = try Self.runIDs(out)
        try #require(ids.count == 3)
        try CommandLineRun.lastmile(
            ["runs", "diff", ids[0], ids[1], "--out", out],
            expecting: .exit(64), stderr: .containing("run \(ids[1]) failed; only finished runs can be compared"))
        let across = try CommandLineRun.lastmile(["runs", "diff", ids[0], ids[2], "--out", out])
        #expect(
            across.stdout.contains("note: the runs belong to different studies ('Bad input base' and 'Another study')"),
            "\(across.stdout)")
        let json = try CommandLineRun.lastmile(["runs", "diff", ids[0], ids[2], "--out", out, "--format", "json"])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(obj["same_study"] as? Bool == false)
    }
}
