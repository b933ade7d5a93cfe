/// An identifier that is one plain value (a GEOID's text, a technology's code, a run's id): it is
/// written to JSON as that value, ordered by it and printed as it.
public protocol SingleValueCodable: Codable, Comparable, CustomStringConvertible {
    associatedtype Value: Codable & Comparable & CustomStringConvertible
    /// The plain value.
    var value: Value { get }
    /// The identifier of a plain value (not an initialiser, so that `.map(AreaID.init)` stays unambiguous).
    static func of(value: Value) -> Self
}

extension SingleValueCodable {
    public init(from decoder: any Decoder) throws {
        self = .of(value: try decoder.singleValueContainer().decode(Value.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }

    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }

    public var description: String { value.description }
}
