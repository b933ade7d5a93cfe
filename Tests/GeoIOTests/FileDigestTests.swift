import Foundation
import GeoIO
import GeoModel
import TestSupport
import Testing

@Suite struct FileDigestTests {
    // FIPS 180-2 appendix B test vectors (also `printf '' | sha256sum`, `printf abc | sha256sum`).
    @Test func fipsVectors() {
        #expect(SHA256.hex(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func emptyAndAbcFiles() throws {
        let dir = try TemporaryDirectory()
        let empty = try dir.write("empty.txt", "")
        let abc = try dir.write("abc.txt", "abc")
        #expect(
            try FileDigest.of(path: empty)
                == FileDigest(sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", byteCount: 0))
        #expect(
            try FileDigest.of(path: abc)
                == FileDigest(sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", byteCount: 3))
    }

    @Test func splitUpdatesGiveTheSameDigest() {
        // 55, 56, 63, 64, 65 bytes straddle the padding boundaries; feeding them in odd pieces must not matter.
        for length in [55, 56, 63, 64, 65, 119, 120, 1_000] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let pieces = SHA256()
            var start = 0
            var step = 1
            while start < length {
                let end = min(length, start + step)
                bytes[start..<end].withUnsafeBytes { pieces.update($0) }
                start = end
                step = step * 2 + 1
            }
            #expect(SHA256.hex(pieces.finalize()) == SHA256.hex(of: bytes), "length \(length)")
        }
    }

    @Test func realFilesMatchSha256sum() throws {
        // sha256sum tiger-tracts-hawaii/tracts_2015_st15.geojson us-counties-fips/geojson-counties-fips.json
        //   fcc-bdc-maine/bdc_23_FibertothePremises_fixed_broadband_J23_05mar2024.csv.gz ; stat -c %s (same files)
        let expected: [(String, String, Int64)] = [
            (
                "tiger-tracts-hawaii/tracts_2015_st15.geojson",
                "dbe75636d948a892d019239a86f22d6bd60c377155b569f2796cd865b82e7ea6", 4_056_966
            ),
            (
                "us-counties-fips/geojson-counties-fips.json",
                "9eadf8dc26b047f87535f60669e760dcd1ebfb813034052f3e9da18650cc51e7", 3_216_817
            ),
            (
                "fcc-bdc-maine/bdc_23_FibertothePremises_fixed_broadband_J23_05mar2024.csv.gz",
                "f8aa9b37fe4d60d6032e158b51fb7f418b0c5cd5b59628b1830544809424e7f3", 3_098_637
            ),
        ]
        for (relative, hex, size) in expected {
            let digest = try FileDigest.of(path: TestPaths.realData(relative))
            #expect(digest.sha256 == hex, "\(relative)")
            #expect(digest.byteCount == size, "\(relative)")
        }
        #expect(try FileDigest.sha256(path: TestPaths.realData(expected[0].0)) == expected[0].1)
    }

    @Test func fileAcrossChunkBoundaryMatchesSha256sumProcess() throws {
        // 1 MiB + 7 bytes: the second read(2) is short. Checked against /usr/bin/sha256sum run now.
        let dir = try TemporaryDirectory()
        let path = dir.file("chunks.bin")
        let bytes = (0..<((1 << 20) + 7)).map { UInt8(truncatingIfNeeded: $0 ^ ($0 >> 8)) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let tool = try ExternalTool.run("sha256sum", [path])
        let expected = String(tool.output.prefix(64))
        #expect(expected.count == 64)
        #expect(try FileDigest.of(path: path) == FileDigest(sha256: expected, byteCount: Int64(bytes.count)))
    }

    @Test func unreadablePathsAreIOErrors() throws {
        let dir = try TemporaryDirectory()
        for path in [dir.file("missing.csv"), dir.path] {  // a directory opens but cannot be read
            do {
                _ = try FileDigest.of(path: path)
                Issue.record("expected an io error for \(path)")
            } catch let LastmileError.io(at, _) {
                #expect(at == path)
            }
        }
    }
}
