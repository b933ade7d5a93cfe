/// One tile of Ookla's open speed-test data (Speedtest by Ookla Global Fixed and Mobile Network
/// Performance Maps: zoom-16 Web-Mercator tiles, about 610 m at the equator): where it is and what the
/// tests in it averaged over the quarter.
public struct SpeedTestTile: Hashable, Sendable {
    /// The tile's centroid (x = longitude, y = latitude, degrees).
    public var centroid: Point
    /// Mean download and upload speed of the tile's tests, kilobits per second (`avg_d_kbps`, `avg_u_kbps`).
    public var downloadKbps: Double
    public var uploadKbps: Double
    /// Mean latency, milliseconds (`avg_lat_ms`).
    public var latencyMs: Double
    /// Tests and unique devices (`tests`, `devices`).
    public var tests: Int
    public var devices: Int

    public init(
        centroid: Point, downloadKbps: Double, uploadKbps: Double, latencyMs: Double, tests: Int, devices: Int
    ) {
        self.centroid = centroid; self.downloadKbps = downloadKbps; self.uploadKbps = uploadKbps
        self.latencyMs = latencyMs; self.tests = tests; self.devices = devices
    }
}
