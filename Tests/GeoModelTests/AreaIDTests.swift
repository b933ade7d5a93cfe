import Testing

@testable import GeoModel

@Suite struct AreaIDTests {
    @Test func levelsFollowGEOIDLength() {
        #expect(AreaID("23").level == .state)
        #expect(AreaID("23023").level == .county)
        #expect(AreaID("23023010100").level == .tract)
        #expect(AreaID("230230101001").level == .blockgroup)
        #expect(AreaID("230230101001000").level == .block)
        #expect(AreaID("2302301010").level == nil)
        #expect(AreaID("ward-3").level == nil)
    }

    @Test func rollUpTakesTheGEOIDPrefix() {
        let block = AreaID("230230101001023")
        #expect(block.rolledUp(to: .blockgroup) == AreaID("230230101001"))
        #expect(block.rolledUp(to: .tract) == AreaID("23023010100"))
        #expect(block.rolledUp(to: .county) == AreaID("23023"))
        #expect(block.rolledUp(to: .state) == AreaID("23"))
        #expect(AreaID("23023").rolledUp(to: .tract) == nil)
    }

    @Test func polygonAreaSubtractsHoles() {
        let outer = [Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 10, y: 10), Point(x: 0, y: 10)]
        let hole = [Point(x: 2, y: 2), Point(x: 4, y: 2), Point(x: 4, y: 4), Point(x: 2, y: 4)]
        let p = Polygon(exterior: outer, holes: [hole])
        #expect(p.area == 96)
        #expect(p.contains(Point(x: 1, y: 1)))
        #expect(!p.contains(Point(x: 3, y: 3)))
        #expect(p.centroid == Point(x: 5, y: 5))
    }
}
