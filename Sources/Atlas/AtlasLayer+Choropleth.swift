import GeoModel
import Maps

extension AtlasLayer {
    /// The layer a report map shows: the same classes, colours and legend rows as `map.draw` gives it,
    /// with areas in `order` (ids); an area the map lacks is "no data".
    /// - Throws: what `ChoroplethMap.classes()` throws.
    public init(key: String, map: ChoroplethMap, order: [AreaID]) throws {
        let (classification, _, legend) = try map.classes()
        let entries = legend.filter { !$0.isFlag }
        let noDataRow = entries.firstIndex { $0.isNoData }
        let rowOfClass = Dictionary(
            uniqueKeysWithValues: entries.enumerated().compactMap { i, e in e.classIndex.map { ($0, i) } })
        let waterRow = entries.firstIndex { $0.isWater }
        var rowByArea: [AreaID: Int?] = [:]
        for area in map.areas {
            if area.isWater {
                rowByArea[area.id] = waterRow
            } else if let v = area.classifiableValue, let c = classification.classIndex(of: v) {
                rowByArea[area.id] = rowOfClass[c]
            } else {
                rowByArea[area.id] = noDataRow
            }
        }
        self.init(
            key: key, title: map.title, legendTitle: map.legendTitle,
            legend: entries.map {
                LegendRow(color: $0.color.hex, label: $0.label, count: $0.countText, isNoData: $0.isNoData)
            },
            rows: order.map { rowByArea[$0] ?? noDataRow })
    }
}
