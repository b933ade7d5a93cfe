/// How a source's field names compare with a `KnownSchema`.
public enum SchemaMatch: Hashable, Sendable {
    /// Every required field of the schema is present.
    case matches(KnownSchema)
    /// At least half of the schema's required fields are present; `missing` names the others.
    case almost(KnownSchema, missing: [String])
    /// No known schema comes close.
    case none

    /// The schema matched or almost matched.
    public var schema: KnownSchema? {
        switch self {
        case .matches(let s), .almost(let s, _): s
        case .none: nil
        }
    }

    /// Required fields that are missing (empty for a full match or no match).
    public var missingFields: [String] {
        if case .almost(_, let missing) = self { return missing }
        return []
    }
}
