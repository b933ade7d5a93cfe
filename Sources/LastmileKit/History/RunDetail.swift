import Foundation
import RunStore

/// One run in full, for `lastmile runs show`.
public struct RunDetail: Sendable {
    public var run: StoredRun
    public var inputs: [RunInput]
    public var parameters: [String: String]
    public var diagnostics: [RunDiagnostic]
    public var areas: [StoredAreaResult]
    /// Locations whose class the store keeps for `runs diff` (0 for runs made before they were kept).
    public var storedLocations: Int
}
