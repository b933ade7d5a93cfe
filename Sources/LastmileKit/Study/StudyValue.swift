import TOMLKit

/// One parameter value of a study file, independent of the TOML library.
public enum StudyValue: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case list([StudyValue])

    /// The value as TOML would write it (`"text"`, `3`, `0.45`, `true`, `["a", "b"]`).
    public var description: String {
        switch self {
        case .string(let s):
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .integer(let i): String(i)
        case .number(let d): String(d)
        case .boolean(let b): String(b)
        case .list(let l): "[" + l.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// False for a NaN or infinite number, in a list or not.
    var isFinite: Bool {
        switch self {
        case .number(let d): d.isFinite
        case .list(let l): l.allSatisfy(\.isFinite)
        default: true
        }
    }

    /// A short name of the value's type for messages.
    var typeName: String {
        switch self {
        case .string: "text"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "true/false"
        case .list: "list"
        }
    }

    init?(toml: any TOMLValueConvertible) {
        switch toml.type {
        case .string: self = .string(toml.string ?? "")
        case .int: self = .integer(toml.int ?? 0)
        case .double: self = .number(toml.double ?? 0)
        case .bool: self = .boolean(toml.bool ?? false)
        case .array:
            guard let a = toml.array else { return nil }
            self = .list(a.compactMap { StudyValue(toml: $0) })
        default: return nil
        }
    }
}
