import GeoModel

/// How many locations of one area moved from one class to another between two runs. A nil `from`
/// means the location is new in the second run; a nil `to` means it vanished from it.
public struct LocationTransition: Hashable, Sendable {
    public var areaID: String
    public var from: ServiceClass?
    public var to: ServiceClass?
    public var count: Int

    public init(areaID: String, from: ServiceClass?, to: ServiceClass?, count: Int) {
        self.areaID = areaID; self.from = from; self.to = to; self.count = count
    }
}
