/// Hatched fills (e.g. "no data" areas on a map) built from the existing commands: the path is
/// filled with a background colour, then parallel lines clipped to it are stroked. No new
/// `DrawCommand` case is needed, so every renderer and snapshot keeps working.
extension DisplayList {
    /// Fills `path` with `background` and diagonal lines.
    /// - Parameters:
    ///   - spacing: distance between lines, in points, measured perpendicular to them.
    ///   - angle: line direction in degrees, counter-clockwise from the x axis as seen on the page (45 = "/").
    public mutating func fillHatched(
        _ path: Path, background: Color, line: StrokeStyle, spacing: Double = 4,
        angle: Double = 45, rule: FillRule = .nonZero
    ) {
        guard let box = path.bounds, spacing > 0 else { return }
        append(.fill(path, background, rule))
        append(.save)
        append(.clip(path, rule))
        // Lines through the box's centre direction (dx, dy) (y down, so a positive angle goes up),
        // offset along the normal until they cover the box's diagonal.
        let radians = angle * Double.pi / 180
        let dx = cosine(radians)
        let dy = -sine(radians)
        let nx = -dy
        let ny = dx
        let c = box.center
        let half = (box.width * box.width + box.height * box.height).squareRoot() / 2 + line.width
        var lines = Path()
        // Start on a multiple of the spacing so one line passes through the centre (stable patterns).
        var offset = -(half / spacing).rounded(.down) * spacing
        while offset <= half {
            let px = c.x + nx * offset
            let py = c.y + ny * offset
            lines.move(to: PagePoint(x: px - dx * half, y: py - dy * half))
            lines.line(to: PagePoint(x: px + dx * half, y: py + dy * half))
            offset += spacing
        }
        append(.stroke(lines, line))
        append(.restore)
    }
}

// sin/cos without Foundation (Graphics' public value files stay Foundation-free): Taylor series
// after reducing to [-π, π]; 20 terms give full double precision there.
private func sine(_ x: Double) -> Double {
    var r = x.truncatingRemainder(dividingBy: 2 * Double.pi)
    if r > Double.pi { r -= 2 * Double.pi } else if r < -Double.pi { r += 2 * Double.pi }
    var term = r
    var sum = r
    for n in 1..<20 {
        term *= -r * r / Double((2 * n) * (2 * n + 1))
        sum += term
    }
    return sum
}

private func cosine(_ x: Double) -> Double { sine(x + Double.pi / 2) }
