import Foundation

/// Locations tests read from: the repository root and the real public files it carries.
public enum TestPaths {
    /// The package root (the folder holding Package.swift), found from this source file's path.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `datasets/real/<relative>`: the real public files (each folder with its PROVENANCE.md).
    public static func realData(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent("datasets/real/\(relative)").path
    }

    /// A path inside the repository.
    public static func repo(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent(relative).path
    }
}
