import Foundation
import GeoModel

/// Reads typed values of a study file's keys, checking each against its entry in `StudyKeys` (type and
/// allowed range) and naming the study file and key in every error.
struct StudyValueReader {
    let values: [String: StudyValue]
    let file: String

    func bad(_ key: String, _ what: String) -> LastmileError {
        .badInput(SourceLocation(file: file, column: key), what)
    }

    private func allowed(_ key: String) -> String { StudyKeys.entry(key)?.allowed ?? "" }

    // Every range is closed and finite so that every derived quantity stays finite (README, "Study
    // values"): dollar amounts per unit at most a million, rates above -50 % (a discount factor over 100
    // years stays below 2^100). The ranges are the table's (StudyKeys).
    private func inRange(_ key: String, _ d: Double) -> Bool {
        guard let (range, lowerOpen) = StudyKeys.entry(key)?.numberRange else {
            preconditionFailure("\(key) is not a number key of StudyKeys")
        }
        return range.contains(d) && !(lowerOpen && d == range.lowerBound)
    }

    /// A number (a whole number is taken as one) within the key's range.
    func number(_ key: String) throws -> Double? {
        guard let value = values[key] else { return nil }
        let d: Double
        switch value {
        case .number(let x): d = x
        case .integer(let i): d = Double(i)
        default:
            throw bad(key, "\(key) must be a number (allowed: \(allowed(key))), found \(value.typeName) \(value)")
        }
        guard d.isFinite, inRange(key, d) else {
            throw bad(key, "\(key) is out of range: allowed \(allowed(key)), found \(value)")
        }
        return d
    }

    /// A whole number within the key's range.
    func integer(_ key: String) throws -> Int? {
        guard let value = values[key] else { return nil }
        guard case .integer(let range)? = StudyKeys.entry(key)?.domain else {
            preconditionFailure("\(key) is not a whole-number key of StudyKeys")
        }
        guard case .integer(let i) = value else {
            throw bad(key, "\(key) must be a whole number (allowed: \(allowed(key))), found \(value.typeName) \(value)")
        }
        guard range.contains(i) else {
            throw bad(key, "\(key) is out of range: allowed \(allowed(key)), found \(i)")
        }
        return i
    }

    func boolean(_ key: String) throws -> Bool? {
        guard let value = values[key] else { return nil }
        guard case .boolean(let b) = value else {
            throw bad(key, "\(key) must be true or false, found \(value.typeName) \(value)")
        }
        return b
    }

    func text(_ key: String) throws -> String? {
        guard let value = values[key] else { return nil }
        guard case .string(let s) = value else {
            throw bad(key, "\(key) must be text (allowed: \(allowed(key))), found \(value.typeName) \(value)")
        }
        return s
    }

    /// One of `E`'s words (`cost.method = "route"`).
    func choice<E: RawRepresentable>(_ key: String) throws -> E? where E.RawValue == String {
        guard let word = try text(key) else { return nil }
        guard let value = E(rawValue: word) else {
            throw bad(key, "\(key) must be \(allowed(key)), found '\(word)'")
        }
        return value
    }

    /// A path relative to the study file's folder; nil when the key is absent or empty (or "none", when
    /// `noneMeansNothing`).
    func path(_ key: String, noneMeansNothing: Bool = false) throws -> String? {
        guard let path = try text(key), !path.isEmpty, !(noneMeansNothing && path == "none") else { return nil }
        let folder = (file as NSString).deletingLastPathComponent
        return path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }
}
