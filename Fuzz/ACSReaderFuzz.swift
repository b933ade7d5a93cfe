import Foundation
import GeoModel
import Ingest

/// libFuzzer entry for the ACS reader (data.census.gov CSV or Census API JSON, chosen by the first byte).
@_cdecl("LLVMFuzzerTestOneInput")
public func acsReaderFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let ext = data[0] % 2 == 0 ? "csv" : "json"
    let path = FuzzInput.write(UnsafeRawBufferPointer(start: data + 1, count: size - 1), ext: ext)
    do {
        let table = try ACSTable.read(path: path)
        precondition(table.geoids.count == table.profiles.count)
    } catch is LastmileError {
    } catch {
        fatalError("ACSTable.read threw a non-Lastmile error: \(error)")
    }
    return 0
}
