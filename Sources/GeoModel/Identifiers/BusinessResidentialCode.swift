/// Whether an availability record is offered to residential (R), business (B) or both (X) customers.
public enum BusinessResidentialCode: String, CaseIterable, Sendable, Codable {
    case residential = "R"
    case business = "B"
    case both = "X"
}
