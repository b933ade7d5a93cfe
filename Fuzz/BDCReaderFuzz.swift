import Foundation
import GeoModel
import Ingest

/// libFuzzer entry for the FCC BDC reader. The first byte picks the container (plain CSV, gzip or zip,
/// so the decompression paths are fuzzed too); the rest is the file. Any LastmileError is an expected
/// outcome; a crash, trap or sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func bdcReaderFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let ext = ["csv", "csv.gz", "zip"][Int(data[0]) % 3]
    let path = FuzzInput.write(UnsafeRawBufferPointer(start: data + 1, count: size - 1), ext: ext)
    var rows = 0
    do {
        // A small chunk size makes records cross buffer edges often.
        try BDCReader.read(path: path, chunkSize: 64 + Int(data[0]) * 3) { record in
            rows += 1
            precondition(record.blockGEOID.utf8.count == 15)
            precondition(record.locationID >= 0)
        }
    } catch is LastmileError {
    } catch {
        fatalError("BDCReader threw a non-Lastmile error: \(error)")
    }
    return 0
}
