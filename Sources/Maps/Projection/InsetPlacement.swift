import GeoModel

/// Places inset frames beside the main map's shapes, in the main map's world coordinates (metres,
/// y north): each inset as high up in its bottom corner as it can go without covering a main-map
/// shape, down to just below the main map (always free).
struct InsetPlacement {
    /// The main map's world box.
    let world: BoundingBox
    /// Occupancy of a grid laid over `world`: a cell is true when a main-map boundary passes through it.
    private var occupied: [Bool]
    private let columns = 256, rows = 256
    /// Main-map polygons with their boxes, to catch a frame lying wholly inside a large shape.
    private let polygons: [(box: BoundingBox, polygon: Polygon)]

    init(mainShapes: [MultiPolygon]) {
        world = mainShapes.reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
        occupied = [Bool](repeating: false, count: columns * rows)
        polygons = mainShapes.flatMap { $0.polygons.map { ($0.boundingBox, $0) } }
        guard world.width > 0, world.height > 0 else { return }
        let cw = world.width / Double(columns)
        let ch = world.height / Double(rows)
        for (_, polygon) in polygons {
            for ring in polygon.rings where !ring.isEmpty {
                var previous = ring[ring.count - 1]
                for p in ring {
                    // Mark the cells along the edge, sampled at a third of a cell.
                    let steps = max(
                        1, Int((max(abs(p.x - previous.x) / cw, abs(p.y - previous.y) / ch) * 3).rounded(.up)))
                    for s in 0...steps {
                        let t = Double(s) / Double(steps)
                        mark(Point(x: previous.x + (p.x - previous.x) * t, y: previous.y + (p.y - previous.y) * t))
                    }
                    previous = p
                }
            }
        }
    }

    private func cell(_ p: Point) -> (Int, Int) {
        let i = Int((p.x - world.minX) / world.width * Double(columns))
        let j = Int((p.y - world.minY) / world.height * Double(rows))
        return (min(max(i, 0), columns - 1), min(max(j, 0), rows - 1))
    }

    private mutating func mark(_ p: Point) {
        let (i, j) = cell(p)
        occupied[j * columns + i] = true
    }

    /// Whether `box` is clear of every main-map shape.
    func isClear(_ box: BoundingBox) -> Bool {
        guard box.intersects(world) else { return true }
        let clipped = BoundingBox(
            minX: max(box.minX, world.minX), minY: max(box.minY, world.minY),
            maxX: min(box.maxX, world.maxX), maxY: min(box.maxY, world.maxY))
        let (i0, j0) = cell(Point(x: clipped.minX, y: clipped.minY))
        let (i1, j1) = cell(Point(x: clipped.maxX, y: clipped.maxY))
        for j in j0...j1 { for i in i0...i1 where occupied[j * columns + i] { return false } }
        // No boundary crosses the box: it is either outside every shape or wholly inside one.
        let probe = box.center
        return !polygons.contains { $0.box.contains(probe) && $0.polygon.contains(probe) }
    }

    /// Boxes (main-map metres) for frames of the given sizes, in order. Frames of one corner line up
    /// from the corner inwards; each is tried from 60 % of the map's height down to wholly below it,
    /// in steps of a twentieth of its height, and takes the first position clear of main-map shapes and
    /// of the frames already placed.
    /// - Parameters:
    ///   - sizes: width and height of each frame, main-map metres (content and padding).
    ///   - corners: the corner of each frame.
    ///   - gap: space kept between frames and below the map, metres.
    func place(sizes: [(width: Double, height: Double)], corners: [MapInset.Corner], gap: Double) -> [BoundingBox] {
        var placed: [BoundingBox] = []
        var leftCursor = world.minX
        var rightCursor = world.maxX
        for (size, corner) in zip(sizes, corners) {
            let minX: Double
            switch corner {
            case .bottomLeft:
                minX = leftCursor
                leftCursor += size.width + gap
            case .bottomRight:
                minX = rightCursor - size.width
                rightCursor -= size.width + gap
            }
            let lowestTop = world.minY - gap
            var top = max(lowestTop, world.minY + 0.6 * world.height)
            let step = max(size.height / 20, world.height / 200)
            var box = BoundingBox(minX: minX, minY: lowestTop - size.height, maxX: minX + size.width, maxY: lowestTop)
            while top > lowestTop {
                let candidate = BoundingBox(minX: minX, minY: top - size.height, maxX: minX + size.width, maxY: top)
                let padded = BoundingBox(
                    minX: candidate.minX - gap, minY: candidate.minY - gap,
                    maxX: candidate.maxX + gap, maxY: candidate.maxY + gap)
                if isClear(padded), !placed.contains(where: { $0.intersects(padded) }) {
                    box = candidate
                    break
                }
                top -= step
            }
            // The fallback (wholly below the map) must still keep clear of frames placed before it.
            while placed.contains(where: { $0.intersects(box) }) {
                box = BoundingBox(minX: box.minX, minY: box.minY - step, maxX: box.maxX, maxY: box.maxY - step)
            }
            placed.append(box)
        }
        return placed
    }
}
