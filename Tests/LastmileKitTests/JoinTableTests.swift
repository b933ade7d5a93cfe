import TestSupport
import Testing

@testable import LastmileKit

/// The CSV join of `lastmile map`: trimming, placeholders, zero-padding, errors naming file and line.
struct JoinTableTests {
    @Test func keysArePaddedToTheIdWidthAndPlaceholdersAreNoData() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "t.csv", "\u{FEFF}KEY ,\"Value, %\"\r\n 1001 , 0.5 \r\n\"1003\",\" -   \"\r\n48001,NA\r\n\r\nabc,2\r\n")
        let t = try JoinTable(path: path, keyColumn: "KEY", valueColumn: "Value, %")
        #expect(t.rowCount == 4)
        let padded = t.padded(to: 5)
        #expect(padded["01001"] == .some(0.5))
        #expect(padded["01003"] == .some(nil))
        #expect(padded["48001"] == .some(nil))
        #expect(padded["abc"] == .some(2))  // not numeric: kept as is
        #expect(padded["1001"] == nil)
        #expect(t.padded(to: nil)["1001"] == .some(0.5))
    }

    @Test func aDuplicateKeyNamesBothLines() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("t.csv", "k,v\n1,2\n1,3\n")
        #expect {
            try JoinTable(path: path, keyColumn: "k", valueColumn: "v")
        } throws: { error in
            let e = error as? LastmileError
            return e?.exitCode == 65 && "\(e!)".contains("t.csv") && "\(e!)".contains("line 3")
                && "\(e!)".contains("line 2")
        }
    }

    @Test func aValueThatIsNotANumberNamesLineAndColumn() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("t.csv", "k,share\n1,0.2\n2,high\n")
        #expect {
            try JoinTable(path: path, keyColumn: "k", valueColumn: "share")
        } throws: { error in
            let text = "\(error)"
            return (error as? LastmileError)?.exitCode == 65 && text.contains("line 3") && text.contains("share")
                && text.contains("high")
        }
    }
}
