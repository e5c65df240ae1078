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
        // The engine: load → parse → check → model → render → write. Knows nothing of the command line.
        .target(
            name: "GongkaiKit",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The thin command-line front end. Linked with jemalloc (Debian's libjemalloc-dev): a build allocates
        // millions of small strings and tree nodes on every core, and jemalloc takes 10–15 % less time over a
        // whole build than glibc's malloc (alternated runs on the large benchmark corpus).
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "GongkaiKitTests",
            dependencies: ["GongkaiKit", "CCmarkGFM", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Fixtures"]
        ),
    ]
)
