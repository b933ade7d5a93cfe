import Foundation
import GeoModel
import Testing
import TestSupport
@testable import RunStore

@Suite struct RunInputTests {
    @Test func sha256MatchesThePublishedTestVectors() {
        // FIPS 180-4 examples (NIST CSRC "SHA256.pdf"): "abc", the empty string, and the 448-bit message.
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func pieceByPieceEqualsAllAtOnce() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hash = SHA256()
        // Pieces of 1, 63, 64, 65, … bytes cross the 64-byte block boundary in every way.
        var offset = 0, size = 1
        while offset < bytes.count {
            let end = min(bytes.count, offset + size)
            hash.update(Array(bytes[offset..<end]))
            offset = end
            size = size == 1 ? 63 : size + 1
        }
        #expect(hash.finalize() == SHA256.hex(bytes))
    }

    @Test func describesAFileLikeSha256sum() throws {
        let dir = try TemporaryDirectory()
        // 3 MiB + 5 bytes: more than one 1 MiB read, and a partial last block.
        var bytes = [UInt8](repeating: 0, count: 3 * 1_048_576 + 5)
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 13) }
        let path = dir.file("bdc.csv")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let input = try RunInput(role: "availability", file: path)
        #expect(input.sizeBytes == 3_145_733)  // 3 × 1,048,576 + 5
        #expect(input.sha256 == (try Self.sha256sum(path)))
        #expect(input.role == "availability")
        #expect(input.path == path)
    }

    @Test func aMissingFileIsAnIOError() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("missing.csv")
        #expect(throws: LastmileError.io(path: path, "cannot open the input file to fingerprint it")) {
            try RunInput(role: "availability", file: path)
        }
    }

    /// The digest printed by coreutils `sha256sum`, an independent implementation.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }
}
