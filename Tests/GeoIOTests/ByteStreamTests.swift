import Foundation
import GeoIO
import GeoModel
import TestSupport
import Testing

@Suite struct ByteStreamTests {
    /// Reads a member to the end in 4 KiB pieces.
    static func readAll(_ member: VirtualPath.Member) throws -> Data {
        let stream = try ByteStream(vsiPath: member.vsiPath, displayName: member.displayName)
        defer { stream.close() }
        var data = Data()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let n = try stream.read(into: buffer)
            if n == 0 { break }
            data.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
        return data
    }

    /// CSV text long enough to be deflated into many compressed blocks (about 300 KB).
    static func csv(_ label: String, rows: Int = 6_000) -> String {
        var text = "block_geoid,provider_id,label\n"
        for i in 0..<rows {
            text += "23023\(String(format: "%010d", i * 7919 % 9_999_991)),\(130_000 + i % 977),\(label)-\(i)\n"
        }
        return text
    }

    @Test func zipWithTwoCSVMembers() throws {
        let dir = try TemporaryDirectory()
        let a = try dir.write("b_second.csv", Self.csv("b"))
        let b = try dir.write("a_first.csv", Self.csv("a", rows: 10))
        try dir.write("readme.txt", "not a csv")
        let zip = dir.file("bdc.zip")
        let made = try ExternalTool.run("zip", ["-j", "-q", zip, a, b, dir.file("readme.txt")])
        #expect(made.status == 0, "\(made.errorOutput)")
        let members = try VirtualPath.csvMembers(of: zip)
        #expect(members.map(\.displayName) == [zip + "!a_first.csv", zip + "!b_second.csv"])
        #expect(members.map(\.vsiPath) == ["/vsizip/" + zip + "/a_first.csv", "/vsizip/" + zip + "/b_second.csv"])
        #expect(try Self.readAll(members[0]) == Data(Self.csv("a", rows: 10).utf8))
        #expect(try Self.readAll(members[1]) == Data(Self.csv("b").utf8))
    }

    @Test func gzipMember() throws {
        let dir = try TemporaryDirectory()
        let plain = try dir.write("bdc.csv", Self.csv("g"))
        #expect(try ExternalTool.run("gzip", [plain]).status == 0)
        let members = try VirtualPath.csvMembers(of: plain + ".gz")
        #expect(members == [VirtualPath.Member(vsiPath: "/vsigzip/" + plain + ".gz", displayName: plain + ".gz")])
        #expect(try Self.readAll(members[0]) == Data(Self.csv("g").utf8))
    }

    @Test func plainFileAndMissingFile() throws {
        let dir = try TemporaryDirectory()
        let plain = try dir.write("bdc.csv", "a,b\n1,2\n")
        let members = try VirtualPath.csvMembers(of: plain)
        #expect(try Self.readAll(members[0]) == Data("a,b\n1,2\n".utf8))
        #expect(throws: LastmileError.io(path: dir.file("none.csv"), "no such file")) {
            try VirtualPath.csvMembers(of: dir.file("none.csv"))
        }
    }

    /// Expects reading every member of `path` (or listing them) to throw badInput naming `path`.
    static func expectDamaged(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            for member in try VirtualPath.csvMembers(of: path) { _ = try readAll(member) }
            Issue.record("reading \(path) did not fail", sourceLocation: sourceLocation)
        } catch let LastmileError.badInput(at, message) {
            #expect(at.file.hasPrefix(path), "\(at.file)", sourceLocation: sourceLocation)
            #expect(!message.isEmpty, sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected badInput, got \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func truncatedZipIsBadInput() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("bdc.csv", Self.csv("t"))
        let zip = dir.file("bdc.zip")
        #expect(try ExternalTool.run("zip", ["-j", "-q", zip, csv]).status == 0)
        let whole = try Data(contentsOf: URL(fileURLWithPath: zip))
        // Cut in the middle of the compressed data: the central directory at the end is lost too.
        let cut = dir.file("cut.zip")
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: cut))
        Self.expectDamaged(cut)
        // Cut only the last bytes: the central directory survives partly.
        let tail = dir.file("tail.zip")
        try whole.prefix(whole.count - 10).write(to: URL(fileURLWithPath: tail))
        Self.expectDamaged(tail)
        // Whole archive, garbage in the member's compressed data: inflate or the CRC check fails on read.
        var bytes = [UInt8](whole)
        let third = bytes.count / 3
        for i in 0..<64 { bytes[third + i] = UInt8(truncatingIfNeeded: 0x5A ^ (i &* 29)) }
        let garbled = dir.file("garbled.zip")
        try Data(bytes).write(to: URL(fileURLWithPath: garbled))
        #expect(try VirtualPath.csvMembers(of: garbled).count == 1)  // the directory is intact
        Self.expectDamaged(garbled)
    }

    @Test func gzipWithGarbageIsBadInput() throws {
        let dir = try TemporaryDirectory()
        let plain = try dir.write("bdc.csv", Self.csv("z"))
        #expect(try ExternalTool.run("gzip", [plain]).status == 0)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: plain + ".gz")))
        // Overwrite 64 bytes in the middle of the deflate stream with a fixed garbage pattern.
        let middle = bytes.count / 2
        for i in 0..<64 { bytes[middle + i] = UInt8(truncatingIfNeeded: 0xA5 ^ (i &* 37)) }
        let garbled = dir.file("garbled.csv.gz")
        try Data(bytes).write(to: URL(fileURLWithPath: garbled))
        Self.expectDamaged(garbled)

        // A .gz that is not gzip at all.
        let fake = try dir.write("fake.csv.gz", "block_geoid,provider_id\n230230001001000,130000\n")
        Self.expectDamaged(fake)

        // A gzip cut short.
        let whole = try Data(contentsOf: URL(fileURLWithPath: plain + ".gz"))
        let cut = dir.file("cut.csv.gz")
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: cut))
        Self.expectDamaged(cut)
    }
}
