import Foundation
import GeoModel
import Testing

@testable import LastmileKit

/// Regression tests for the study-file fuzzer's finding: toml++ (inside TOMLKit 0.6.0) aborts on a
/// table header that does not start with a key. Each input below crashed `lastmile run` (debug build:
/// assertion in parser::parse_key) before the check; now each is a bad-input error naming the line.
@Suite struct TOMLHeaderCheckTests {
    @Test(arguments: [
        ("[,yutd]\nname = \"Bad input basecv\"]\ndemographics = \"\n", 1, 2),  // the fuzzer's input
        ("[study]\nname = \"x\"\n[ # comment\n", 3, 3),
        ("[[,a]]\n", 1, 3),
        ("[\n", 1, 2),
        ("[", 1, 2),
        ("a = 1\n  [\t.x]\n", 2, 5),
        ("[é]\n", 1, 2),
        ("\u{FEFF}[{yd8u]\nnamic = t\0", 1, 2),  // the fuzzer's second input: a byte-order mark first
    ])
    func headerWithoutKeyIsBadInput(_ text: String, line: Int, column: Int) throws {
        do {
            _ = try StudyParameters(text: text, sourcePath: "study.toml")
            Issue.record("expected an error for \(text.debugDescription)")
        } catch let LastmileError.badInput(location, message) {
            #expect(location.line == line)
            #expect(message.contains("TOML syntax error at column \(column): a table header must start with a key"))
        }
    }

    /// The fuzzer's third input: a `}` inside an array (toml++ parse_value assertion).
    @Test(arguments: [
        ("thzic =[ \n}uru\tcs\"]\ndemog[snputs]\nares \0\"\"\n", 2, 1, "'}' does not close the '[' opened on line 1"),
        ("a = { b = [1, 2 }\n", 1, 17, "'}' does not close the '[' opened on line 1"),
        ("a = [ {x = 1] ]\n", 1, 13, "']' does not close the '{' opened on line 1"),
    ])
    func mismatchedCloserIsBadInput(_ text: String, line: Int, column: Int, message: String) throws {
        do {
            _ = try StudyParameters(text: text, sourcePath: "study.toml")
            Issue.record("expected an error for \(text.debugDescription)")
        } catch let LastmileError.badInput(location, m) {
            #expect(location.line == line)
            #expect(m == "TOML syntax error at column \(column): " + message)
        }
    }

    @Test func validTOMLWithBracketsInValuesAndStringsStillParses() throws {
        let text = """
            [study]
            name = "[,not a header]"
            area_level = 'tract'
            [inputs]
            availability = [
              # nested arrays and comments inside a value are not headers
              "a.csv",
              "b.csv",
            ]
            areas = \"\"\"
            [, inside a multi-line string
            \"\"\"
            [ "policy" ]
            profile = "bead-2022"
            table = { list = [1, [2, 3], { x = "]}" }] }
            """
        let p = try StudyParameters(text: text, sourcePath: "study.toml")
        #expect(p.values["inputs.availability"] == .list([.string("a.csv"), .string("b.csv")]))
        #expect(p.values["study.name"] == .string("[,not a header]"))
        #expect(p.values["policy.profile"] == .string("bead-2022"))
        #expect(p.values["policy.table.list"] != nil)
    }
}
