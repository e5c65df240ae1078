// swift-tools-version:6.0
import PackageDescription

// Linux only: the preview watches files with inotify and the reader takes modification times from `st_mtim`.
let package = Package(
    name: "Gongkai",
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
        .library(name: "GongkaiKit", targets: ["GongkaiKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The engine, in layers; each target imports only those below it (base ← syntax ← model ← analysis ← render
        // ← output ← pipeline ← the command line).
        // Source files and locations, diagnostics, escaping, fingerprints, concurrency helpers.
        .target(name: "GongkaiBase"),
        // Bytes to text, front matter, YAML (Yams), Markdown (cmark-gfm), figures as printed.
        .target(name: "GongkaiSyntax", dependencies: ["GongkaiBase", "CCmarkGFM", .product(name: "Yams", package: "Yams")]),
        // Plain values: the portal, departments, reports, the schema; the site's layout. No reading code.
        .target(name: "GongkaiModel", dependencies: ["GongkaiBase", "GongkaiSyntax"]),
        // Per report: fields checked against the schema, numbering, anchors, semantic links, checks; across reports:
        // the links between them.
        .target(name: "GongkaiAnalysis", dependencies: ["GongkaiBase", "GongkaiSyntax", "GongkaiModel"]),
        // Bodies to HTML, templates (swift-mustache), the page registry, views, sitemap and feed.
        .target(name: "GongkaiRender", dependencies: [
            "GongkaiBase", "GongkaiSyntax", "GongkaiModel", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // Where files go (the `OutputSink` that render writes to): a folder swapped in atomically, memory; PDF metadata.
        .target(name: "GongkaiOutput", dependencies: ["GongkaiBase", "GongkaiRender"]),
        // The pipeline: read → analyse → link → render → write, for build, check and the preview. Knows nothing of
        // the command line.
        .target(name: "GongkaiKit", dependencies: [
            "GongkaiBase", "GongkaiSyntax", "GongkaiModel", "GongkaiAnalysis", "GongkaiRender", "GongkaiOutput",
        ]),
        // The thin command-line front end: arguments, the preview server, the watcher, external processes. Linked
        // with jemalloc (Debian's libjemalloc-dev): a build allocates millions of small strings and tree nodes on
        // every core, which jemalloc serves with less contention than glibc's malloc (measured in `make bench`).
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiKit", "GongkaiBase", "GongkaiModel", "GongkaiOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "GongkaiKitTests",
            dependencies: [
                "GongkaiKit", "GongkaiBase", "GongkaiSyntax", "GongkaiModel", "GongkaiAnalysis", "GongkaiRender", "GongkaiOutput",
                "CCmarkGFM", .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
