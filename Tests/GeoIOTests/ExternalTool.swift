import Foundation

/// Runs a GDAL command-line tool (ogrinfo, ogr2ogr) or another system tool for independent checks.
enum ExternalTool {
    struct Result {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    /// Runs `/usr/bin/<name>` (or an absolute path) with `arguments`, waiting for it to finish.
    static func run(_ name: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: name.hasPrefix("/") ? name : "/usr/bin/\(name)")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      output: String(decoding: outData, as: UTF8.self),
                      errorOutput: String(decoding: errData, as: UTF8.self))
    }
}

/// The folder of small fixtures beside this file.
enum Fixtures {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }
}
