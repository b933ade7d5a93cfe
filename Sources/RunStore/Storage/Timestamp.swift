import Foundation

/// How the store writes times: ISO 8601 in UTC with milliseconds, e.g. `2026-11-28T01:30:00.250Z`,
/// so that text order is time order and the sqlite3 shell shows readable times.
enum Timestamp {
    static func string(from date: Date) -> String {
        formatter().string(from: date)
    }

    static func date(from text: String) -> Date? {
        formatter().date(from: text)
    }

    // A new formatter per call: ISO8601DateFormatter is not Sendable, and the store formats a few
    // times per run, not per row.
    private static func formatter() -> ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }
}
