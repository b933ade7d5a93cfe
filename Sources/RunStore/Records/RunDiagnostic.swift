/// A message a run produced for the planner (a warning about the data, a note about a choice made).
public struct RunDiagnostic: Hashable, Sendable {
    /// How serious a diagnostic is.
    public enum Severity: String, CaseIterable, Sendable, Codable {
        case info, warning, error
    }

    public var severity: Severity
    public var message: String

    public init(severity: Severity, message: String) { self.severity = severity; self.message = message }
}
