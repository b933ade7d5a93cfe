import Foundation
import GeoModel

/// Finds the embedded demo study, `datasets/demo/study.toml`, from the working directory or from the
/// executable's location (`.build/<config>/lastmile` inside the repository).
public enum DemoStudy {
    public static let relativePath = "datasets/demo/study.toml"

    public static func locate(
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String = CommandLine.arguments.first ?? ""
    ) throws -> String {
        var starts = [URL(fileURLWithPath: workingDirectory)]
        let exe = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        starts.append(exe.deletingLastPathComponent())
        for start in starts {
            var dir = start
            for _ in 0..<6 {
                let candidate = dir.appendingPathComponent(relativePath).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
                dir.deleteLastPathComponent()
            }
        }
        throw LastmileError.io(
            path: relativePath, "the demo study was not found above the working directory or the executable")
    }
}
