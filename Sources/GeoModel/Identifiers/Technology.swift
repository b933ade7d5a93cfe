/// An FCC technology code as used in BDC availability data
/// (FCC, "Broadband Data Collection: Data Specifications for Fixed Broadband Availability Data").
public struct Technology: Hashable, Sendable, SingleValueCodable {
    public let code: Int
    public init(code: Int) { self.code = code }

    public static let other = Technology(code: 0)
    public static let copper = Technology(code: 10)
    public static let cable = Technology(code: 40)
    public static let fiber = Technology(code: 50)
    public static let gsoSatellite = Technology(code: 60)
    public static let ngsoSatellite = Technology(code: 61)
    public static let unlicensedFixedWireless = Technology(code: 70)
    public static let licensedFixedWireless = Technology(code: 71)
    public static let licensedByRuleFixedWireless = Technology(code: 72)

    /// Every code the BDC specification defines.
    public static let known: [Technology] = [
        .other, .copper, .cable, .fiber, .gsoSatellite, .ngsoSatellite,
        .unlicensedFixedWireless, .licensedFixedWireless, .licensedByRuleFixedWireless,
    ]

    public var name: String {
        switch code {
        case 0: "Other"
        case 10: "Copper/DSL"
        case 40: "Cable"
        case 50: "Fiber to the premises"
        case 60: "GSO satellite"
        case 61: "NGSO satellite"
        case 70: "Unlicensed fixed wireless"
        case 71: "Licensed fixed wireless"
        case 72: "Licensed-by-rule fixed wireless"
        default: "Unknown (\(code))"
        }
    }

    public var value: Int { code }
    public static func of(value: Int) -> Self { Technology(code: value) }
}
