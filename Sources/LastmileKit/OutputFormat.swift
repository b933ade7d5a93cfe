/// How a command prints what it reports: text for people, JSON or CSV for programs.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, csv
}
