import Foundation
import Testing

/// `gongkai serve` run as a user runs it: a real server on a free port, edited sources, a real HTTP client.
@Suite(.serialized) struct ServeTests {
    final class Preview {
        let folder: URL
        let port: Int
        let process = Process()
        let output = Pipe()
        var http: LoopbackHTTP { LoopbackHTTP(port: port) }
        var report: URL { folder.appendingPathComponent("Content/orgs/hs-gdb/2023.md") }

        init(arguments: [String] = [], language: [String] = ["--lang", "en"]) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-serve-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Repository.content, to: folder.appendingPathComponent("Content"))
            try FileManager.default.copyItem(at: Repository.templates, to: folder.appendingPathComponent("Templates"))
            port = LoopbackHTTP.freePort()
            process.executableURL = try #require(BinaryTests.binary)
            process.arguments = ["serve", "--port", String(port)] + language + arguments
            process.currentDirectoryURL = folder
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, http.get("/", timeout: 1) == nil { Thread.sleep(forTimeInterval: 0.05) }
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
        }

        func edit(_ change: (String) -> String) throws {
            let text = try String(contentsOf: report, encoding: .utf8)
            try Data(change(text).utf8).write(to: report)
        }

        /// Polls until `condition` holds for the page, up to `timeout`.
        func wait(for path: String, timeout: TimeInterval = 3, until condition: (LoopbackHTTP.Response) -> Bool) -> LoopbackHTTP.Response? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if let response = http.get(path, timeout: 1), condition(response) { return response }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return nil
        }
    }

    @Test func theReportIsServedWithTheReloadScript() throws {
        let preview = try Preview()
        let page = try #require(preview.http.get("/hs-gdb/2023/"))
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.body.contains("<data class=\"figure\" id=\"fig-study-accounts\" value=\"45\""))
        #expect(page.body.contains("<script src=\"/__gongkai/live.js?v=1\"></script>\n</body>"))
        #expect(preview.http.get("/hs-gdb/2023")?.status == 301)
        for (path, type) in [("/assets/site.css", "text/css; charset=utf-8"), ("/sitemap.xml", "application/xml; charset=utf-8"),
                             ("/feed.xml", "application/xml; charset=utf-8"), ("/__gongkai/live.js", "text/javascript; charset=utf-8")] {
            #expect(preview.http.get(path)?.headers["content-type"] == type, "\(path)")
        }
        let css = try #require(preview.http.get("/assets/site.css"))
        let etag = try #require(css.headers["etag"])
        #expect(preview.http.get("/assets/site.css", headers: ["If-None-Match": etag])?.status == 304)
        let missing = try #require(preview.http.get("/no/such/page/"))
        #expect(missing.status == 404)
        #expect(missing.body.contains("页面不存在"))
    }

    @Test func anEditIsServedAndAReloadArrivesWithinASecond() throws {
        let preview = try Preview()
        let events = try #require(preview.http.events("/__gongkai/events"))
        #expect(events.next(event: "hello", within: 2) == "1")
        let started = Date()
        try preview.edit { $0.replacingOccurrences(of: "全办有效学法账号 [45 个]", with: "全办有效学法账号合计 [45 个]") }
        let version = events.next(event: "reload", within: 1)
        let latency = Date().timeIntervalSince(started)
        #expect(version == "2", "no reload event within a second")
        #expect(try #require(preview.http.get("/hs-gdb/2023/")).body.contains("合计"))
        print("edit-to-reload latency: \(Int(latency * 1000)) ms")
    }

    @Test func aBrokenSourceShowsItsDiagnosticInThePageAndTheFixClearsIt() throws {
        let preview = try Preview()
        let events = try #require(preview.http.events("/__gongkai/events"))
        _ = events.next(event: "hello", within: 2)
        try preview.edit { $0.replacingOccurrences(of: "year: 2023", with: "year: [2023") }
        #expect(events.next(event: "reload", within: 2) != nil)
        let broken = try #require(preview.http.get("/hs-gdb/2023/"))
        #expect(broken.status == 200)
        #expect(broken.body.contains("id=\"gongkai-overlay\""))
        #expect(broken.body.contains("Content/orgs/hs-gdb/2023.md:4:6"))
        #expect(broken.body.contains("YAML syntax error"))
        // The source line is shown escaped, and the last good page is still underneath.
        #expect(broken.body.contains("<pre style=\"white-space:pre-wrap;background:#000;padding:.5rem;margin:.3rem 0;\">title:"))
        #expect(broken.body.contains("<data class=\"figure\" id=\"fig-study-accounts\" value=\"45\""))
        try preview.edit { $0.replacingOccurrences(of: "year: [2023", with: "year: 2023") }
        #expect(events.next(event: "reload", within: 2) != nil)
        #expect(try #require(preview.http.get("/hs-gdb/2023/")).body.contains("gongkai-overlay") == false)
    }

    @Test func pathsOutsideTheSiteAreRefused() throws {
        let preview = try Preview()
        try Data("SECRET-OUTSIDE-THE-SITE".utf8).write(to: preview.folder.appendingPathComponent("secret.txt"))
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/assets/../../secret.txt",
                     "/%252e%252e/secret.txt", "/..\\secret.txt", "/../Content/portal.yaml"] {
            let response = try #require(preview.http.get(path), "\(path)")
            #expect(response.status == 400 || response.status == 404, "\(path) answered \(response.status)")
            #expect(!response.body.contains("SECRET-OUTSIDE-THE-SITE"), "\(path)")
            #expect(!response.body.contains("base_url:"), "\(path)")
        }
    }

    @Test func fiftyRapidSavesLeaveTheServerUpAndTheLastOneShown() throws {
        let preview = try Preview()
        for number in 1...50 {
            try preview.edit { text in
                text.replacing(#/全办有效学法账号(第\d+稿)? \[45 个\]/#, with: "全办有效学法账号第\(number)稿 [45 个]")
            }
        }
        let final = preview.wait(for: "/hs-gdb/2023/") { $0.body.contains("全办有效学法账号第50稿") }
        #expect(final != nil, "the fiftieth save is not served")
        #expect(preview.process.isRunning)
    }

    @Test func aNewDepartmentFolderIsPickedUp() throws {
        let preview = try Preview()
        let folder = preview.folder.appendingPathComponent("Content/orgs/hs-sfj")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("name: 黄石市司法局\n".utf8).write(to: folder.appendingPathComponent("org.yaml"))
        try Data("---\norg: hs-sfj\nyear: 2023\ntitle: 黄石市司法局2023年法治政府建设年度报告\npublished: 2024-03-20\n---\n## 工作开展情况 {#work}\n## 存在的不足 {#problems}\n### 宣传 {#plan-a}\n## 2024年工作思路 {#plans}\n### 宣传 {#plan-b}\n\n**第一责任人**\n".utf8)
            .write(to: folder.appendingPathComponent("2023.md"))
        let page = preview.wait(for: "/hs-sfj/2023/", timeout: 5) { $0.status == 200 }
        #expect(page?.body.contains("黄石市司法局2023年法治政府建设年度报告") == true)
        #expect(preview.http.get("/")?.body.contains("黄石市司法局") == true)
    }

    @Test func draftsOnlyWithTheFlagAndMarked() throws {
        let plain = try Preview()
        try plain.edit { $0.replacingOccurrences(of: "published: 2024-03-29", with: "published: 2024-03-29\nstatus: draft") }
        #expect(plain.wait(for: "/hs-gdb/2023/") { $0.status == 404 } != nil)
        let drafts = try Preview(arguments: ["--drafts"])
        try drafts.edit { $0.replacingOccurrences(of: "published: 2024-03-29", with: "published: 2024-03-29\nstatus: draft") }
        let page = drafts.wait(for: "/hs-gdb/2023/") { $0.body.contains("draft-banner") }
        #expect(page?.body.contains("草稿") == true)
    }

    @Test func aPortInUseIsNamedWithAWayOut() throws {
        let first = try Preview()
        let second = Process()
        second.executableURL = try #require(BinaryTests.binary)
        second.arguments = ["serve", "--port", String(first.port), "--content", first.folder.appendingPathComponent("Content").path,
                            "--templates", first.folder.appendingPathComponent("Templates").path]
        let errors = Pipe(), output = Pipe()
        second.standardError = errors
        second.standardOutput = output
        try second.run()
        second.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(second.terminationStatus == 2)
        // In the editors' language (Chinese unless --lang says otherwise), and before anything is built.
        #expect(message.contains("错误：127.0.0.1 的端口 \(first.port) 已被占用，请用 --port \(first.port + 1) 换一个"), "\(message)")
        #expect(printed.isEmpty, "\(printed)")
    }

    /// Without `--lang`, everything `serve` says is in Chinese.
    @Test func theServerSpeaksChineseByDefault() throws {
        let preview = try Preview(language: [])
        #expect(preview.http.get("/")?.status == 200)
        preview.process.terminate()
        preview.process.waitUntilExit()
        let printed = String(decoding: preview.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.contains("已生成 "), "\(printed)")
        #expect(printed.contains("个文件，用时 "), "\(printed)")
        #expect(printed.contains("预览地址 http://127.0.0.1:\(preview.port)/（按 Ctrl-C 停止）"), "\(printed)")
        #expect(!printed.contains("serving") && !printed.contains("built"), "\(printed)")
    }

    @Test func aFolderThatCannotBeWatchedIsSaidOnce() throws {
        // Neither folder exists, so inotify refuses both; the preview still serves, and says so once.
        let preview = try Preview(arguments: ["--content", "no-such-content", "--templates", "no-such-templates"])
        preview.process.terminate()
        preview.process.waitUntilExit()
        let log = String(decoding: preview.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.components(separatedBy: "warning: cannot watch ").count == 2, "\(log)")
        #expect(log.contains("no-such-content (No such file or directory): changes there are not seen until the preview restarts"), "\(log)")
    }
}
