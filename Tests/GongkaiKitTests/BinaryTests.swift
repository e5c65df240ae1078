import Foundation
import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

/// Runs the built `gongkai` binary as a user would.
@Suite struct BinaryTests {
    /// The binary beside the test bundle (`swift build --build-tests` builds both into one folder).
    static var binary: URL? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("gongkai")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        let fallback = Repository.root.appendingPathComponent(".build/debug/gongkai")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = try #require(binary, "build the gongkai product first")
        process.arguments = arguments
        process.currentDirectoryURL = Repository.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func twoBuildsInTwoProcessesGiveIdenticalBytes() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-bin-\(UUID().uuidString)")
        let first = base.appendingPathComponent("one"), second = base.appendingPathComponent("two")
        let runOne = try Self.run(["build", "--output", first.path])
        let runTwo = try Self.run(["build", "--output", second.path])
        #expect(runOne.status == 0, "\(runOne.stderr)")
        #expect(runTwo.status == 0)
        let one = try Self.files(in: first), two = try Self.files(in: second)
        #expect(runOne.stdout.hasPrefix("wrote \(one.count) files to \(first.path)/ in "))
        #expect(one == two)
        for page in ["/index.html", "/hs-gdb/index.html", "/hs-gdb/2023/index.html", "/hs-gdb/2023/print/index.html",
                     "/documents/index.html", "/404.html", "/sitemap.xml", "/robots.txt", "/feed.xml", "/assets/site.css"] {
            #expect(one[page] != nil, "\(page) is missing")
        }
    }

    /// Copies the sample content into a temporary folder, with an extra file that is not a report (one warning).
    /// The sample's deliberately late report is published on time in the copy, so that warning is the only one.
    static func contentWithAWarning() throws -> (base: URL, content: URL) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-bin-\(UUID().uuidString)")
        let content = base.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.content, to: content)
        let late = content.appendingPathComponent("orgs/demo-sfj/2022.md")
        let text = try String(contentsOf: late, encoding: .utf8)
            .replacingOccurrences(of: "published: 2023-04-12", with: "published: 2023-03-31")
            .replacingOccurrences(of: "written: 2023-04-06", with: "written: 2023-03-28")
        try Data(text.utf8).write(to: late)
        try Data("备忘\n".utf8).write(to: content.appendingPathComponent("orgs/hs-gdb/notes.txt"))
        return (base, content)
    }

    @Test func warningsAsErrorsLeaveTheOutputAsItWas() throws {
        let (base, content) = try Self.contentWithAWarning()
        let output = base.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("the site before".utf8).write(to: output.appendingPathComponent("index.html"))
        let strict = try Self.run(["build", "--content", content.path, "--output", output.path, "--warnings-as-errors", "--lang", "en"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error: this file is not a report and is ignored [content.unexpected-file]"), "\(strict.stderr)")
        #expect(strict.stderr.contains("build failed: \(output.path)/ was left unchanged"))
        #expect(try Self.files(in: output) == ["/index.html": Data("the site before".utf8)])
        // A warning turned off by its id is not printed and does not fail; one made an error does.
        let quiet = try Self.run(["build", "--content", content.path, "--output", output.path, "--warnings-as-errors",
                                  "--severity", "content.unexpected-file=off"])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stderr.isEmpty)
        let raised = try Self.run(["check", "--content", content.path, "--severity", "content.unexpected-file=error"])
        #expect(raised.status == 1)
        #expect(try Self.run(["check", "--severity", "content.unexpected-file=loud"]).status == 2)
    }

    /// The cache goes beside the content folder; a second build with nothing changed says so and writes nothing;
    /// `--no-cache` neither reads nor writes it; `clean` removes it.
    @Test func theBuildCacheIsBesideTheContentAndCleanRemovesIt() throws {
        let (base, content) = try Self.contentWithAWarning()
        let output = base.appendingPathComponent("public"), cache = base.appendingPathComponent(".gongkai-cache")
        let arguments = ["build", "--content", content.path, "--output", output.path, "--severity", "content.unexpected-file=off"]
        let uncached = try Self.run(arguments + ["--no-cache"])
        #expect(uncached.status == 0, "\(uncached.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cache.path))
        let first = try Self.run(arguments)
        #expect(first.stdout.hasPrefix("wrote "), "\(first.stdout)")
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("reports").path))
        // Sources copied a moment ago have stamps too new to trust; a second later they are settled.
        Thread.sleep(forTimeInterval: 1.1)
        _ = try Self.run(arguments)
        let files = try Self.files(in: output)
        let again = try Self.run(arguments)
        #expect(again.stdout.hasPrefix("\(output.path)/ is up to date: \(files.count) files, none changed"), "\(again.stdout)")
        #expect(try Self.files(in: output) == files)
        let clean = try Self.run(["clean", "--content", content.path])
        #expect(clean.stdout == "removed \(cache.path)\n")
        #expect(!FileManager.default.fileExists(atPath: cache.path))
        #expect(try Self.run(["clean", "--content", content.path]).stdout == "no build cache at \(cache.path)\n")
    }

    @Test func checkSaysWhatItCheckedInOneLine() throws {
        let clean = try Self.run(["check"])
        #expect(clean.status == 0)
        #expect(clean.stdout == "检查了 2 个部门的 4 份报告：0 个错误，1 个警告\n")
        // The sample's deliberate late report.
        #expect(clean.stderr.contains("[report.late]"), "\(clean.stderr)")
        let (_, content) = try Self.contentWithAWarning()
        let english = try Self.run(["check", "--content", content.path, "--lang", "en", "--format", "editor"])
        #expect(english.stdout == "checked 4 reports of 2 departments: 0 errors, 1 warning\n")
    }

    @Test func aBrokenReportFailsWithItsPositionAndLeavesTheOutputAlone() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-bin-\(UUID().uuidString)")
        let content = base.appendingPathComponent("Content"), output = base.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.content, to: content)
        #expect(try Self.run(["build", "--content", content.path, "--output", output.path]).status == 0)
        let before = try Self.files(in: output)

        let report = content.appendingPathComponent("orgs/hs-gdb/2023.md")
        var text = try String(contentsOf: report, encoding: .utf8)
        text = text.replacingOccurrences(of: "[45 个](metric:study-accounts)", with: "[45 个](metric:study-acounts)")
        try Data(text.utf8).write(to: report)
        let run = try Self.run(["build", "--content", content.path, "--output", output.path, "--format", "editor", "--lang", "en"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(content.path)/orgs/hs-gdb/2023.md:31:32: error: `study-acounts` is not in the metric catalogue"), "\(run.stderr)")
        #expect(run.stderr.contains("build failed: \(output.path)/ was left unchanged"))
        #expect(try Self.files(in: output) == before)

        // The default is the editors' language, with the source line and a caret under the column.
        let human = try Self.run(["check", "--content", content.path])
        #expect(human.status == 1)
        #expect(human.stderr.contains("错误: 指标目录（schema.yaml）中没有 `study-acounts` [metric.unknown-key]"), "\(human.stderr)")
        #expect(human.stderr.contains("  --> \(content.path)/orgs/hs-gdb/2023.md:31:32\n"))
        // 31 characters stand before the link: 30 wide ones take two terminal columns each, then a space.
        #expect(human.stderr.contains("\n   | " + String(repeating: " ", count: 2 * 30 + 1) + "^\n"), "\(human.stderr)")
        #expect(human.stderr.contains("= 提示：是否应为 `study-accounts`？"))
        #expect(human.stderr.hasSuffix("1 个错误，1 个警告\n"), "the sample's late report stays a warning")
    }

    @Test func checkWritesNothingAndSpeaksJSON() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-bin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let run = try Self.run(["check", "--format", "json", "--lang", "en"])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty, "JSON has its summary inside; nothing else is printed")
        let json = try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [String: Any]
        #expect(json?["version"] as? Int == 1)
        #expect((json?["diagnostics"] as? [[String: Any]])?.map { $0["id"] as? String } == ["report.late"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).isEmpty)
    }

    @Test func usageMistakesExitWithTwoAndWarningsCanFail() throws {
        #expect(try Self.run(["check", "--no-such-option"]).status == 2)
        #expect(try Self.run(["check", "--format", "yaml"]).status == 2)
        let (_, content) = try Self.contentWithAWarning()
        #expect(try Self.run(["check", "--content", content.path]).status == 0)
        let strict = try Self.run(["check", "--content", content.path, "--warnings-as-errors", "--format", "editor", "--lang", "en"])
        #expect(strict.status == 1)
        // The engine has made the warning an error, and says so as one.
        #expect(strict.stderr == "\(content.path)/orgs/hs-gdb/notes.txt:1:1: error: this file is not a report and is ignored [content.unexpected-file]\n")
    }

    @Test func explainSaysWhatAnIdMeans() throws {
        let known = try Self.run(["explain", "metric.unknown-key", "--lang", "en"])
        #expect(known.status == 0)
        #expect(known.stdout == "metric.unknown-key\n\n" + (DiagnosticCatalogue.explanation(of: "metric.unknown-key")?.en ?? "?") + "\n")
        let typo = try Self.run(["explain", "metric.unknwn-key"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("是否应为 metric.unknown-key？"), "\(typo.stderr)")
        let all = try Self.run(["explain"])
        #expect(all.stdout.split(separator: "\n").count > 50)
    }

    @Test func versionAndHelp() throws {
        #expect(try Self.run(["--version"]).stdout == "0.1.0\n")
        let help = try Self.run(["build", "--help"]).stdout
        for option in ["--content <dir>", "--templates <dir>", "--output <dir>"] { #expect(help.contains(option)) }
    }
}

