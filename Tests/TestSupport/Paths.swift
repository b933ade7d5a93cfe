import Foundation

/// Locations tests read from: the repository root, and the shared real data beside it.
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

    /// `../shared/data-real/<relative>` from the repository root.
    public static func realData(_ relative: String) -> String {
        repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data-real/\(relative)").path
    }

    /// A path inside the repository.
    public static func repo(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent(relative).path
    }
}
