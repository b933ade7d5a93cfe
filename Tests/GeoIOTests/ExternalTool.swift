import Foundation
import TestSupport

/// Runs a GDAL command-line tool (ogrinfo, ogr2ogr) or another system tool for independent checks.
enum ExternalTool {
    struct Result {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    /// Runs `/usr/bin/<name>` (or an absolute path) with `arguments`, waiting for it to finish.
    static func run(_ name: String, _ arguments: [String]) throws -> Result {
        let r = try CommandLineRun.run(name.hasPrefix("/") ? name : "/usr/bin/\(name)", arguments)
        return Result(status: r.status, output: r.stdout, errorOutput: r.stderr)
    }
}

/// The folder of small fixtures beside this file.
enum Fixtures {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }
}
