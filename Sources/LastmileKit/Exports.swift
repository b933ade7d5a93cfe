@_exported import Analysis
// The façade re-exports the value modules its API speaks in (AreaID, ClassCounts, PolicyProfile,
// LastmileError …), so the command line needs to import LastmileKit alone.
@_exported import GeoModel
