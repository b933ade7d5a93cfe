/// The broadband service level of a location under a policy profile. Ordered: a better class compares greater.
public enum ServiceClass: Int, CaseIterable, Comparable, Sendable, Codable, CustomStringConvertible {
    case unserved = 0
    case underserved = 1
    case served = 2

    public static func < (a: ServiceClass, b: ServiceClass) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .unserved: "unserved"
        case .underserved: "underserved"
        case .served: "served"
        }
    }
}
