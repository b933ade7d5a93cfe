import Foundation
import TestSupport
import Testing

/// Funded locations (inputs.funded_locations) on the real all-technology Sagadahoc file of the June
/// 2022 round: a hand-made list (Tests/IngestTests/Fixtures/funded_sagadahoc.csv) of 100 locations
/// unserved under bead-2022 (python3 csv module), 5 served ones and one id in no file.
@Suite struct FundedLocationsCommandTests {
    static func run(funded: Bool, in dir: TemporaryDirectory) throws -> (
        csv: [String: String], runJSON: [String: Any], pdf: String
    ) {
        let list = TestPaths.repo("Tests/IngestTests/Fixtures/funded_sagadahoc.csv")
        let study = try SagadahocStudy.write(
            "Sagadahoc funded", moreInputs: funded ? ["funded_locations = [\"\(list)\"]"] : [], in: dir)
        try SagadahocStudy.run(study, in: dir)
        let results = try String(contentsOfFile: SagadahocStudy.output("/results.csv", in: dir), encoding: .utf8)
        let lines = results.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let row = try #require(lines.first { $0.first == "23023" })
        let object = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: SagadahocStudy.output("/run.json", in: dir))))
        return (
            Dictionary(uniqueKeysWithValues: zip(lines[0], row)), try #require(object as? [String: Any]),
            try SagadahocStudy.output("/report.pdf", in: dir)
        )
    }

    @Test func exactlyTheHundredLeaveTheNeed() throws {
        let (one, two) = (try TemporaryDirectory(), try TemporaryDirectory())
        let before = try Self.run(funded: false, in: one)
        let after = try Self.run(funded: true, in: two)
        // Without the list: 16,188 locations, 1,116 unserved, 174 underserved (BDCLayoutsCommandTests).
        #expect(before.csv["unserved"] == "1116" && before.csv["unserved_funded"] == "0")
        #expect(after.csv["locations"] == "16188")
        #expect(after.csv["unserved"] == "1016")
        #expect(after.csv["unserved_funded"] == "100")
        #expect(after.csv["underserved"] == "174" && after.csv["underserved_funded"] == "0")
        #expect(after.csv["served"] == "14898")
        let diagnostics = try #require(after.runJSON["diagnostics"] as? [String])
        #expect(
            diagnostics.contains {
                $0.hasPrefix("100 locations already have an enforceable commitment")
                    && $0.contains("106 listed, 105 of them in this study, 5 already served")
            })
        #expect(
            diagnostics.contains(
                "1 funded location is not in the availability files or the locations file and is not counted"))
        let inputs = try #require(after.runJSON["inputs"] as? [[String: Any]])
        #expect(inputs.contains { $0["role"] as? String == "funded_locations" })
        let text = try CommandLineRun.output("pdftotext", [after.pdf, "-"]).split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
        #expect(text.contains("100 more locations are not served yet but already have an enforceable commitment"))
    }

    /// Built as a BEAD-style subsidy (only unserved and underserved locations, every business/residential
    /// code a passing so that passings are locations): the 100 funded locations leave the build too,
    /// 1,290 eligible passings before (1,116 + 174) and 1,190 after.
    @Test func exactlyTheHundredLeaveTheBuild() throws {
        func passings(funded: Bool) throws -> String? {
            let dir = try TemporaryDirectory()
            let list = TestPaths.repo("Tests/IngestTests/Fixtures/funded_sagadahoc.csv")
            let study = try SagadahocStudy.write(
                "Sagadahoc funded build",
                moreInputs: (funded ? ["funded_locations = [\"\(list)\"]"] : []) + [
                    "[demand]", "residential = [\"R\", \"B\", \"X\"]", "[plan]", "build = \"eligible_locations\"",
                    "include_served_areas = true",
                ], in: dir)
            try SagadahocStudy.run(study, in: dir)
            let rows = try CSVText.records(atPath: SagadahocStudy.output("/results.csv", in: dir))
            return rows.first { $0["area"] == "23023" }?["passings"]
        }
        #expect(try passings(funded: false) == "1290")
        #expect(try passings(funded: true) == "1190")
    }

    /// The study `name` whose `inputs.<key>` is the list `file` holding `text` fails with exit 65 and
    /// `message` on stderr.
    static func expectRefusedList(
        _ name: String, key: String, file: String, _ text: String, message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let dir = try TemporaryDirectory()
        let list = try dir.write(file, text)
        let study = try SagadahocStudy.write(name, moreInputs: ["\(key) = \"\(list)\""], draws: nil, in: dir)
        try SagadahocStudy.run(
            study, in: dir, expecting: .exit(65), stderr: .containing(message), sourceLocation: sourceLocation)
    }

    @Test func listWithoutLocationIDColumnIs65() throws {
        try Self.expectRefusedList(
            "Bad funded", key: "funded_locations", file: "funded.csv", "id,program\n1,RDOF\n",
            message: "funded.csv, line 1, column 'location_id': the list lacks column location_id")
    }

    /// Anchor institutions: exactly the ones without a reliable 1 Gbps symmetrical offer are eligible
    /// (python3 over the file: 1102818365 and 1102819368 have one, 1102817934 and 1102817937 do not).
    @Test func anchorsWithoutGigabitAreEligible() throws {
        let dir = try TemporaryDirectory()
        let list = TestPaths.repo("Tests/IngestTests/Fixtures/cai_sagadahoc.csv")
        let study = try SagadahocStudy.write(
            "Sagadahoc anchors", moreInputs: ["anchor_institutions = \"\(list)\""], in: dir)
        try SagadahocStudy.run(
            study, in: dir,
            stderr: .containing(
                Warnings.incompleteUniverse, Warnings.fifteenEmptyCounties,
                "5 community anchor institutions (inputs.anchor_institutions): 3 lack 1 Gbps symmetrical service and are eligible; 1 has no location id"
            ))
        let anchors = try String(contentsOfFile: SagadahocStudy.output("/anchors.csv", in: dir), encoding: .utf8)
        #expect(
            anchors == """
                type,type_name,name,location_id,area,class,gigabit_symmetric,eligible,metres_from_coordinates
                S,school,"Hill Elementary School, Bath",1102818365,23023,served,1,0,
                L,library,Patten Free Library,1102819368,23023,served,1,0,
                H,health care,Mid Coast Clinic,1102817934,23023,served,0,1,
                G,government,Town Office,1102817937,23023,served,0,1,
                P,public safety,Fire Station 2,,,,0,1,

                """)
        let locations = try String(contentsOfFile: SagadahocStudy.output("/locations.csv", in: dir), encoding: .utf8)
        #expect(
            locations.split(separator: "\n").filter {
                $0.split(separator: ",", omittingEmptySubsequences: false)[11] == "1"
            }.count == 4)
        let text = try CommandLineRun.output("pdftotext", [SagadahocStudy.output("/report.pdf", in: dir), "-"])
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("5 anchor institutions in the study; 3 lack 1 Gbps symmetrical service"))
    }

    @Test func anchorListWithUnknownTypeIs65() throws {
        try Self.expectRefusedList(
            "Bad anchors", key: "anchor_institutions", file: "cai.csv", "type,entity_name,location_id\nX,Somewhere,1\n",
            message: "cai.csv, line 2, column 'type': expected a CAI type S, L, G, H, F, P or C, found \"X\"")
    }
}
