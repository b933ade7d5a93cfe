import GeoModel

/// Which study area holds a point: a packed R-tree over the areas' bounding boxes (Sort-Tile-Recursive,
/// Leutenegger, Lopez & Edgington 1997), then the even-odd test on each candidate's polygons. Built once
/// per run; a lookup reads O(log n) nodes, so millions of points (a national quarter of speed-test
/// tiles) take seconds.
public struct AreaLocator: Sendable {
    struct Node: Sendable {
        var box: BoundingBox
        /// Children: entries of the level below (`items` for a leaf), `first ..< first + count`.
        var first: Int
        var count: Int
    }

    /// Entries per node.
    static let fanout = 16
    private let geometries: [MultiPolygon]
    /// Area indices in leaf order.
    private let items: [Int]
    private let itemBoxes: [BoundingBox]
    /// levels[0] are the leaves (children in `items`); the last level holds the root.
    private let levels: [[Node]]

    /// - Parameter geometries: each area's shape, in the coordinates the points will be given in.
    public init(geometries: [MultiPolygon]) {
        self.geometries = geometries
        let boxes = geometries.map(\.boundingBox)
        let order = Self.strOrder(boxes.indices.filter { !boxes[$0].isEmpty }, boxes: boxes)
        items = order
        itemBoxes = order.map { boxes[$0] }
        var levels: [[Node]] = []
        var childBoxes = itemBoxes
        repeat {
            var nodes: [Node] = []
            var start = 0
            while start < childBoxes.count {
                let end = min(start + Self.fanout, childBoxes.count)
                let box = childBoxes[start..<end].reduce(BoundingBox.empty) { $0.union($1) }
                nodes.append(Node(box: box, first: start, count: end - start))
                start = end
            }
            levels.append(nodes)
            childBoxes = nodes.map(\.box)
        } while childBoxes.count > 1
        self.levels = levels
    }

    /// Sort-Tile-Recursive order: by box centre x into √(n/fanout) vertical slices, each by centre y.
    /// (Upper levels pack their children in this order too, which keeps sibling boxes close.)
    static func strOrder(_ indices: [Int], boxes: [BoundingBox]) -> [Int] {
        let n = indices.count
        guard n > fanout else { return indices }
        let leaves = (n + fanout - 1) / fanout
        let slices = Int(Double(leaves).squareRoot().rounded(.up))
        let perSlice = slices * fanout
        let byX = indices.sorted { (boxes[$0].center.x, $0) < (boxes[$1].center.x, $1) }
        var out: [Int] = []
        out.reserveCapacity(n)
        var start = 0
        while start < n {
            let slice = byX[start..<min(start + perSlice, n)]
            out += slice.sorted { (boxes[$0].center.y, $0) < (boxes[$1].center.y, $1) }
            start += perSlice
        }
        return out
    }

    /// The index (into the geometries given) of the area containing `p`: the lowest such index when a point
    /// on a shared edge is in several; nil when none contains it.
    public func area(containing p: Point) -> Int? {
        guard let top = levels.last, !items.isEmpty else { return nil }
        var best: Int?
        // (level, node index) pairs still to visit.
        var stack: [(Int, Int)] = top.indices.map { (levels.count - 1, $0) }
        while let (level, index) = stack.popLast() {
            let node = levels[level][index]
            guard node.box.contains(p) else { continue }
            if level == 0 {
                for k in node.first..<(node.first + node.count) where itemBoxes[k].contains(p) {
                    let area = items[k]
                    if (best.map { area < $0 } ?? true) && geometries[area].contains(p) { best = area }
                }
            } else {
                for child in node.first..<(node.first + node.count) { stack.append((level - 1, child)) }
            }
        }
        return best
    }
}
