import GeoModel

/// What speed tests measured in one area over a quarter, from Ookla's open tiles: a tile belongs to the
/// area that contains its centroid (the convention of Ookla's own aggregation tutorials), and means are
/// weighted by each tile's tests, as Ookla's tutorials weight them.
public struct MeasuredSpeeds: Hashable, Sendable {
    public var tiles = 0
    public var tests = 0
    /// Unique devices summed over tiles (a device testing in two tiles counts twice).
    public var devices = 0
    /// Tests-weighted mean download and upload, Mbps (1 Mbps = 1,000 kbps), and latency, ms; nil without tests.
    public var meanDownloadMbps: Double?
    public var meanUploadMbps: Double?
    public var meanLatencyMs: Double?
    /// The share of tests taken in tiles whose mean is below 25/3 and below 100/20 (download or upload
    /// below the benchmark); nil without tests.
    public var testsBelow25x3Share: Double?
    public var testsBelow100x20Share: Double?

    public init() {}

    /// Folds tiles in; `finish()` gives the means and shares.
    public struct Builder: Sendable {
        var tiles = 0, tests = 0, devices = 0
        var down = 0.0, up = 0.0, latency = 0.0
        var below25x3 = 0, below100x20 = 0

        public init() {}

        public mutating func add(_ t: SpeedTestTile) {
            tiles += 1
            tests += t.tests
            devices += t.devices
            let w = Double(t.tests)
            down += w * t.downloadKbps
            up += w * t.uploadKbps
            latency += w * t.latencyMs
            if t.downloadKbps < 25_000 || t.uploadKbps < 3_000 { below25x3 += t.tests }
            if t.downloadKbps < 100_000 || t.uploadKbps < 20_000 { below100x20 += t.tests }
        }

        public func finish() -> MeasuredSpeeds {
            var m = MeasuredSpeeds()
            m.tiles = tiles
            m.tests = tests
            m.devices = devices
            guard tests > 0 else { return m }
            let n = Double(tests)
            m.meanDownloadMbps = down / n / 1_000
            m.meanUploadMbps = up / n / 1_000
            m.meanLatencyMs = latency / n
            m.testsBelow25x3Share = Double(below25x3) / n
            m.testsBelow100x20Share = Double(below100x20) / n
            return m
        }
    }
}

/// Speed-test tiles summed per study area.
public struct SpeedTestJoin: Sendable {
    public var byArea: [AreaID: MeasuredSpeeds]
    /// Tiles read, and those whose centroid is in no study area (left out).
    public var tilesRead: Int
    public var tilesOutside: Int

    /// Sums `tiles` (given through `forEachTile`, so a national quarter need not be held in memory) into
    /// the areas containing their centroids; `geometries` in the tiles' coordinates (lon/lat).
    /// Tiles located at a time (a national quarter holds millions).
    static let tilesPerBlock = 1 << 16

    public static func summarize(
        areas ids: [AreaID], geometries: [MultiPolygon],
        forEachTile: ((SpeedTestTile) throws -> Void) throws -> Void
    ) rethrows -> SpeedTestJoin {
        let locator = AreaLocator(geometries: geometries)
        var builders = [MeasuredSpeeds.Builder](repeating: .init(), count: ids.count)
        var read = 0
        var outside = 0
        // Tiles are located a block at a time on all cores, then summed in file order (so the sums do
        // not depend on the thread count).
        var block: [SpeedTestTile] = []
        block.reserveCapacity(Self.tilesPerBlock)
        func sum() {
            for (tile, i) in zip(block, locator.areas(containing: block.map(\.centroid))) {
                if let i { builders[i].add(tile) } else { outside += 1 }
            }
            block.removeAll(keepingCapacity: true)
        }
        try forEachTile { tile in
            read += 1
            block.append(tile)
            if block.count == Self.tilesPerBlock { sum() }
        }
        sum()
        var byArea: [AreaID: MeasuredSpeeds] = [:]
        for (id, b) in zip(ids, builders) { byArea[id] = b.finish() }
        return SpeedTestJoin(byArea: byArea, tilesRead: read, tilesOutside: outside)
    }
}
