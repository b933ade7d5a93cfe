/// A path is stored as SVG-like path data ("M x y L x y C x1 y1 x2 y2 x y Z"): maps hold tens of
/// thousands of points, and this keeps `report-content.json` a fraction of the size of a keyed
/// encoding. Numbers are Swift's shortest round-trip form, so a decoded path equals the original.
extension Path: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let path = Path(pathData: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not path data: \(text.prefix(60))")
        }
        self = path
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(pathData)
    }

    /// The path as "M x y L x y C … Z" tokens separated by single spaces.
    public var pathData: String {
        var tokens: [String] = []
        tokens.reserveCapacity(elements.count * 3)
        func point(_ p: PagePoint) {
            tokens.append("\(p.x)")
            tokens.append("\(p.y)")
        }
        for e in elements {
            switch e {
            case .move(let p):
                tokens.append("M")
                point(p)
            case .line(let p):
                tokens.append("L")
                point(p)
            case .curve(let a, let b, let c):
                tokens.append("C")
                point(a)
                point(b)
                point(c)
            case .close: tokens.append("Z")
            }
        }
        return tokens.joined(separator: " ")
    }

    /// Parses `pathData`'s format; nil for an unknown command or a missing or malformed number.
    public init?(pathData: String) {
        var elements: [Element] = []
        var tokens = pathData.split(separator: " ").makeIterator()
        func point() -> PagePoint? {
            guard let x = tokens.next().flatMap({ Double($0) }), let y = tokens.next().flatMap({ Double($0) }) else {
                return nil
            }
            return PagePoint(x: x, y: y)
        }
        while let op = tokens.next() {
            switch op {
            case "M":
                guard let p = point() else { return nil }
                elements.append(.move(p))
            case "L":
                guard let p = point() else { return nil }
                elements.append(.line(p))
            case "C":
                guard let a = point(), let b = point(), let c = point() else { return nil }
                elements.append(.curve(a, b, c))
            case "Z": elements.append(.close)
            default: return nil
            }
        }
        self.init(elements: elements)
    }
}
