// swift-tools-version:6.0
import PackageDescription

// System libraries come from Debian (see Makefile `deps`): pkg-config names gdal, pangocairo, libpng, zlib (zlib1g-dev,
// which libpng-dev depends on), sqlite3, libcrypto.
let package = Package(
    name: "Lastmile",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lastmile", targets: ["lastmile"]),
        .library(name: "LastmileKit", targets: ["LastmileKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", exact: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),
        .systemLibrary(
            name: "CCairo", pkgConfig: "pangocairo", providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        .target(name: "AtomicFiles"),

        .target(name: "GeoModel"),
        .target(name: "GeoIO", dependencies: ["GeoModel", "CGDAL", "CCrypto"]),
        .target(name: "Ingest", dependencies: ["GeoModel", "GeoIO"]),
        .target(name: "Analysis", dependencies: ["GeoModel"]),
        .target(name: "RunStore", dependencies: ["GeoModel", "CSQLite"]),
        .target(name: "Graphics", dependencies: ["CCairo", "CPNG", "CZlib", "AtomicFiles"]),
        .target(name: "Charts", dependencies: ["Graphics"]),
        .target(
            name: "Maps", dependencies: ["Graphics", "GeoModel"], resources: [.embedInCode("Classes/palettes.tsv")]),
        .target(name: "Reports", dependencies: ["Analysis", "Charts", "Maps", "Graphics", "GeoModel"]),
        // The offline HTML atlas; Leaflet comes from Debian's libjs-leaflet at run time.
        .target(
            name: "Atlas", dependencies: ["Maps", "GeoModel"],
            resources: [.embedInCode("Page/atlas.js"), .embedInCode("Page/atlas.css")]),
        .target(
            name: "LastmileKit",
            dependencies: [
                "AtomicFiles", "GeoModel", "GeoIO", "Ingest", "Analysis", "RunStore", "Graphics", "Charts", "Maps",
                "Reports", "Atlas",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            // The one table of study keys, read at first use (StudyKeysTable).
            resources: [
                .embedInCode("Study/Keys/study-keys.tsv"), .embedInCode("Study/Keys/scenario-fields.tsv"),
                .embedInCode("Outputs/result-columns.tsv"),
            ]),
        .executableTarget(
            name: "lastmile",
            dependencies: [
                "LastmileKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "lastmile-bench", dependencies: ["LastmileKit", "Ingest", "GeoIO"],
            exclude: ["README.md"]),

        .target(name: "TestSupport", dependencies: ["GeoModel", "Analysis", "Graphics"], path: "Tests/TestSupport"),
        .testTarget(name: "GeoModelTests", dependencies: ["GeoModel", "TestSupport"]),
        .testTarget(name: "GeoIOTests", dependencies: ["GeoIO", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "TestSupport"]),
        // AreaLocator against GDAL's own predicates (GEOS): the one test target that calls GDAL directly.
        .testTarget(name: "SpatialJoinTests", dependencies: ["Analysis", "GeoIO", "CGDAL", "TestSupport"]),
        .testTarget(name: "RunStoreTests", dependencies: ["RunStore", "TestSupport"]),
        .testTarget(name: "GraphicsTests", dependencies: ["Graphics", "CPNG", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "MapsTests", dependencies: ["Maps", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "AtlasTests", dependencies: ["Atlas", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "TestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "LastmileKitTests", dependencies: ["LastmileKit", "TestSupport"], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "LastmileCLITests", dependencies: ["TestSupport"], exclude: ["Golden", "Scripts"]),
    ]
)
