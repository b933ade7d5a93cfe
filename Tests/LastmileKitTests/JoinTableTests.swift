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

    /// Expects joining `text` (as t.csv, on columns k and `value`) to fail with exit 65 and a message
    /// holding each of `parts`.
    static func expectRefusal(
        _ text: String, value: String, naming parts: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("t.csv", text)
        #expect(sourceLocation: sourceLocation) {
            try JoinTable(path: path, keyColumn: "k", valueColumn: value)
        } throws: { error in
            (error as? LastmileError)?.exitCode == 65 && parts.allSatisfy { "\(error)".contains($0) }
        }
    }

    @Test func aDuplicateKeyNamesBothLines() throws {
        try Self.expectRefusal("k,v\n1,2\n1,3\n", value: "v", naming: ["t.csv", "line 3", "line 2"])
    }

    @Test func aValueThatIsNotANumberNamesLineAndColumn() throws {
        try Self.expectRefusal("k,share\n1,0.2\n2,high\n", value: "share", naming: ["line 3", "share", "high"])
    }
}
