/// A data rate. Stored in megabits per second, the unit of FCC availability data.
public struct Bandwidth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let mbps: Double

    public init(mbps: Double) { self.mbps = mbps }
    public static func mbps(_ value: Double) -> Bandwidth { Bandwidth(mbps: value) }
    public static func kbps(_ value: Double) -> Bandwidth { Bandwidth(mbps: value / 1000) }

    public var description: String {
        mbps == mbps.rounded() ? "\(Int(mbps)) Mbps" : "\(mbps) Mbps"
    }
    public static func < (a: Bandwidth, b: Bandwidth) -> Bool { a.mbps < b.mbps }
}
