import Dispatch
import Foundation
import GeoModel
import Synchronization

/// Which study area holds a point: a packed R-tree over the bounding boxes of the areas' polygons
/// (Sort-Tile-Recursive, Leutenegger, Lopez & Edgington 1997), then the even-odd test on each candidate
/// polygon. Built once per run; a lookup reads O(log n) nodes and a few edges, so millions of points (a
/// state's locations, a national quarter of speed-test tiles) take well under a second per core.
///
/// Layout, for speed: every polygon (one part of a multipart area, its holes included) is a `Part` with
/// its box and its edges in one flat array. A part with many edges cuts its box into horizontal
/// bands and lists, per band, the edges whose y-range meets it (an edge spanning several bands is
/// copied into each): a horizontal ray from a point can only cross edges of the point's band, so the
/// test reads that band only. The crossing test is the same arithmetic on the same edges as
/// `Polygon.contains`, so the answers are identical.
public struct AreaLocator: Sendable {
    /// One edge of a ring, from `a` (a ring's point i) to `b` (point i − 1), as `Polygon.contains` takes them.
    struct Edge: Sendable {
        var ax: Double, ay: Double, bx: Double, by: Double
    }

    /// One polygon of an area: its box, and its edges by band.
    struct Part: Sendable {
        var box: BoundingBox
        var area: Int
        /// Bands in `bandStarts[firstBand ..< firstBand + bandCount + 1]`: band k's edges are
        /// `edges[bandStarts[firstBand + k] ..< bandStarts[firstBand + k + 1]]`.
        var firstBand: Int
        var bandCount: Int
        /// Bands per unit of y: a point's band is `Int((y − box.minY) × bandScale)`, clamped.
        var bandScale: Double
    }

    /// One R-tree node: its box and its children, `first ..< first + count` in `nodes` (or in `parts`
    /// for a leaf).
    struct Node: Sendable {
        var box: BoundingBox
        var first: Int32
        var count: Int32
        var isLeaf: Bool
    }

    /// Entries per node.
    static let fanout = 16
    /// Polygons with fewer edges are tested edge by edge (one band).
    static let edgesForBands = 24
    /// Edges per band aimed at, and the most bands one polygon gets.
    static let edgesPerBand = 2
    static let bandLimit = 4096
    /// The most band entries per edge a part may hold (its bands are halved until it holds no more).
    static let copiesPerEdge = 4

    /// Parts in leaf order (the R-tree's leaves point into it).
    private let parts: [Part]
    private let bandStarts: [Int]
    private let edges: [Edge]
    /// All levels, leaves first; the root is the last node.
    private let nodes: [Node]
    /// The deepest path: the traversal stack's size is `depth × fanout`.
    private let depth: Int
    /// How many areas were given.
    public let areaCount: Int

    /// - Parameter geometries: each area's shape, in the coordinates the points will be given in.
    public init(geometries: [MultiPolygon]) {
        areaCount = geometries.count
        var unordered: [(area: Int, polygon: Polygon, box: BoundingBox)] = []
        for (area, geometry) in geometries.enumerated() {
            for polygon in geometry.polygons {
                let box = polygon.rings.reduce(BoundingBox.empty) { b, ring in ring.reduce(b) { $0.including($1) } }
                // A polygon without a ring of three points contains nothing (as in `Polygon.contains`).
                guard !box.isEmpty, polygon.rings.contains(where: { $0.count >= 3 }) else { continue }
                unordered.append((area, polygon, box))
            }
        }
        let order = Self.strOrder(Array(unordered.indices), boxes: unordered.map(\.box))

        var parts: [Part] = []
        var bandStarts: [Int] = []
        var edges: [Edge] = []
        parts.reserveCapacity(order.count)
        for index in order {
            let (area, polygon, box) = unordered[index]
            var own: [Edge] = []
            for ring in polygon.rings where ring.count >= 3 {
                var j = ring.count - 1
                for i in 0..<ring.count {
                    let (a, b) = (ring[i], ring[j])
                    j = i
                    // A horizontal edge (or one with a NaN end) is never crossed: left out.
                    guard a.y < b.y || a.y > b.y else { continue }
                    own.append(Edge(ax: a.x, ay: a.y, bx: b.x, by: b.y))
                }
            }
            var bandCount = 1
            var scale = 0.0
            if own.count >= Self.edgesForBands, box.height > 0, box.height.isFinite {
                bandCount = min(Self.bandLimit, own.count / Self.edgesPerBand)
                // Fewer bands while the copies of tall edges would outnumber the edges many times (a spiky
                // shape, whose edges each span a large share of its height).
                while bandCount > 1 {
                    let trial = Part(
                        box: box, area: area, firstBand: 0, bandCount: bandCount,
                        bandScale: Double(bandCount) / box.height)
                    let copies = own.reduce(0) {
                        $0 + Self.band(of: max($1.ay, $1.by), in: trial) - Self.band(of: min($1.ay, $1.by), in: trial)
                            + 1
                    }
                    if copies <= Self.copiesPerEdge * own.count { break }
                    bandCount /= 2
                }
                scale = Double(bandCount) / box.height
            }
            let part = Part(box: box, area: area, firstBand: bandStarts.count, bandCount: bandCount, bandScale: scale)
            if bandCount == 1 {
                bandStarts.append(edges.count)
                edges += own
            } else {
                // Counting sort of the edges by band, an edge once in each band its y-range meets.
                var perBand = [[Edge]](repeating: [], count: bandCount)
                for e in own {
                    let low = Self.band(of: min(e.ay, e.by), in: part)
                    let high = Self.band(of: max(e.ay, e.by), in: part)
                    for k in low...high { perBand[k].append(e) }
                }
                for band in perBand {
                    bandStarts.append(edges.count)
                    edges += band
                }
            }
            parts.append(part)
        }
        bandStarts.append(edges.count)
        self.parts = parts
        self.bandStarts = bandStarts
        self.edges = edges

        var nodes: [Node] = []
        var levelStart = 0
        var childBoxes = parts.map(\.box)
        var isLeaf = true
        var depth = 0
        while !childBoxes.isEmpty {
            let levelBegin = nodes.count
            var start = 0
            while start < childBoxes.count {
                let end = min(start + Self.fanout, childBoxes.count)
                let box = childBoxes[start..<end].reduce(BoundingBox.empty) { $0.union($1) }
                nodes.append(
                    Node(box: box, first: Int32(levelStart + start), count: Int32(end - start), isLeaf: isLeaf))
                start = end
            }
            depth += 1
            if nodes.count - levelBegin == 1 { break }
            childBoxes = nodes[levelBegin...].map(\.box)
            levelStart = levelBegin
            isLeaf = false
        }
        self.nodes = nodes
        self.depth = depth
    }

    /// The band of `y` in `part`: monotonic in `y`, so an edge's band range holds the band of every
    /// y its range holds.
    @inline(__always)
    static func band(of y: Double, in part: Part) -> Int {
        let k = (y - part.box.minY) * part.bandScale
        // `k` is NaN only for infinite coordinates; such a point meets no band but the first.
        guard k >= 1 else { return 0 }
        return k >= Double(part.bandCount - 1) ? part.bandCount - 1 : Int(k)
    }

    /// Sort-Tile-Recursive order: by box centre x into √(n/fanout) vertical slices, each by centre y.
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
        guard !nodes.isEmpty else { return nil }
        return withSearch { search in search.area(containing: p) }
    }

    /// The area containing each point, as `area(containing:)` gives it, found on `threads` cores
    /// (`DispatchQueue.concurrentPerform`; each worker takes runs of points until none are left).
    ///
    /// The points are visited in the order of a coarse grid over the locator's extent (a counting sort
    /// by cell, cells in Z order, points copied into that order), so that neighbouring lookups read the
    /// same nodes and edges from cache whatever order the points come in.
    public func areas(containing points: [Point], threads: Int = AreaLocator.defaultThreads) -> [Int?] {
        let total = points.count
        guard !nodes.isEmpty else { return Array(repeating: nil, count: total) }
        precondition(total <= Int(Int32.max), "more points than a 32-bit index holds")
        let sorted = GridOrder(points, extent: nodes[nodes.count - 1].box)
        let chunk = 16_384
        let chunks = (total + chunk - 1) / chunk
        let workers = max(1, min(threads, chunks))
        // The area of each sorted point (-1: none), written in sorted order, then put back in input order.
        let found = [Int32](unsafeUninitializedCapacity: total) { out, initialized in
            let target = SharedOutput(base: out.baseAddress)
            let next = Atomic<Int>(0)
            sorted.points.withUnsafeBufferPointer { points in
                let input = SharedInput(points: points)
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    withSearch { search in
                        while true {
                            let c = next.wrappingAdd(1, ordering: .relaxed).oldValue
                            guard c < chunks else { return }
                            for j in c * chunk..<min(total, (c + 1) * chunk) {
                                let area = search.area(containing: input.points[j]).map { Int32($0) } ?? -1
                                (target.base! + j).initialize(to: area)
                            }
                        }
                    }
                }
            }
            initialized = total
        }
        return [Int?](unsafeUninitializedCapacity: total) { out, initialized in
            for (j, i) in sorted.order.enumerated() {
                let area = found[j]
                (out.baseAddress! + Int(i)).initialize(to: area < 0 ? nil : Int(area))
            }
            initialized = total
        }
    }

    /// Cells per side of the grid `areas(containing:)` orders points by: 2^gridBits (65,536 cells).
    static let gridBits = 8

    /// Points sorted by grid cell (Z order of the cell's column and row; points outside the extent, or
    /// not numbers, last), stable within a cell, and each one's index in the input.
    struct GridOrder {
        var points: [Point]
        var order: [Int32]

        init(_ input: [Point], extent: BoundingBox) {
            let side = 1 << AreaLocator.gridBits
            let outside = side * side
            let scaleX = extent.width > 0 ? Double(side) / extent.width : 0
            let scaleY = extent.height > 0 ? Double(side) / extent.height : 0
            /// Spreads the low 8 bits of `v` to the even bits of the result.
            func spread(_ v: Int) -> Int {
                var x = v & 0xFF
                x = (x | (x << 4)) & 0x0F0F
                x = (x | (x << 2)) & 0x3333
                x = (x | (x << 1)) & 0x5555
                return x
            }
            var cells = [Int32](repeating: 0, count: input.count)
            var starts = [Int](repeating: 0, count: outside + 2)
            for (i, p) in input.enumerated() {
                var c = outside
                if extent.contains(p) {
                    let cx = min(side - 1, Int((p.x - extent.minX) * scaleX))
                    let cy = min(side - 1, Int((p.y - extent.minY) * scaleY))
                    c = spread(cx) | spread(cy) << 1
                }
                cells[i] = Int32(c)
                starts[c + 1] += 1
            }
            for c in 0..<outside + 1 { starts[c + 1] += starts[c] }
            var points = [Point](repeating: Point(x: 0, y: 0), count: input.count)
            var order = [Int32](repeating: 0, count: input.count)
            for (i, p) in input.enumerated() {
                let c = Int(cells[i])
                let j = starts[c]
                starts[c] = j + 1
                points[j] = p
                order[j] = Int32(truncatingIfNeeded: i)
            }
            self.points = points
            self.order = order
        }
    }

    /// Calls `body` with the locator's storage borrowed and a traversal stack of its own.
    private func withSearch<R>(_ body: (inout Search) -> R) -> R {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: depth * Self.fanout + 1) { stack in
            nodes.withUnsafeBufferPointer { nodes in
                parts.withUnsafeBufferPointer { parts in
                    edges.withUnsafeBufferPointer { edges in
                        bandStarts.withUnsafeBufferPointer { bandStarts in
                            var search = Search(
                                nodes: nodes, parts: parts, edges: edges, bandStarts: bandStarts, stack: stack)
                            return body(&search)
                        }
                    }
                }
            }
        }
    }

    /// Cores to use by default: the active processor count.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// The R-tree walk and the band test, on borrowed storage.
    struct Search {
        let nodes: UnsafeBufferPointer<Node>
        let parts: UnsafeBufferPointer<Part>
        let edges: UnsafeBufferPointer<Edge>
        let bandStarts: UnsafeBufferPointer<Int>
        let stack: UnsafeMutableBufferPointer<Int32>

        @inline(__always)
        func area(containing p: Point) -> Int? {
            var best = Int.max
            stack[0] = Int32(nodes.count - 1)
            var top = 1
            while top > 0 {
                top -= 1
                let node = nodes[Int(stack[top])]
                guard node.box.contains(p) else { continue }
                let first = Int(node.first)
                let end = first + Int(node.count)
                guard node.isLeaf else {
                    for child in first..<end {
                        stack[top] = Int32(child)
                        top += 1
                    }
                    continue
                }
                for k in first..<end {
                    let part = parts[k]
                    guard part.area < best, part.box.contains(p) else { continue }
                    let band = part.firstBand + AreaLocator.band(of: p.y, in: part)
                    var inside = false
                    for e in bandStarts[band]..<bandStarts[band + 1] {
                        let edge = edges[e]
                        if (edge.ay > p.y) != (edge.by > p.y),
                            p.x < (edge.bx - edge.ax) * (p.y - edge.ay) / (edge.by - edge.ay) + edge.ax
                        {
                            inside.toggle()
                        }
                    }
                    if inside { best = part.area }
                }
            }
            return best == Int.max ? nil : best
        }
    }

    /// The output buffer, written at disjoint indices by the workers.
    private struct SharedOutput: @unchecked Sendable {
        let base: UnsafeMutablePointer<Int32>?
    }

    /// The points, read by the workers while the caller's array is borrowed.
    private struct SharedInput: @unchecked Sendable {
        let points: UnsafeBufferPointer<Point>
    }
}
