import Foundation
import LastmileKit

/// libFuzzer entry for the study-file parser: TOML text → StudyParameters → Study. The study's folder
/// does not exist, so path globbing finds nothing and no real file is touched.
@_cdecl("LLVMFuzzerTestOneInput")
public func studyFileFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    do {
        var parameters = try StudyParameters(text: text, sourcePath: "/nonexistent-lastmile-fuzz/study.toml")
        // The first line of the input also goes through --set, whose value is parsed as TOML too.
        let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        try parameters.apply(overrides: ["report.paper=a4", "report.title=" + firstLine])
        _ = try Study(parameters: parameters)
    } catch is LastmileError {
    } catch {
        fatalError("the study parser threw a non-Lastmile error: \(error)")
    }
    return 0
}
