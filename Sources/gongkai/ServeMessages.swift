import Foundation
import GongkaiBase

/// What `serve` says on its own, in the editors' language (`--lang`, Chinese by default).
struct ServeMessages {
    let language: Language

    private func say(_ message: Message) -> String { message.text(language) }

    func exposed(host: String) -> String {
        say("warning: listening on \(host): other machines can see this preview, drafts included"
            | "警告：正在监听 \(host)，其他计算机也能看到此预览（包括草稿）")
    }

    func serving(_ address: String) -> String {
        say("serving \(address) (Ctrl-C to stop)" | "预览地址 \(address)（按 Ctrl-C 停止）")
    }

    func portInUse(_ port: Int, host: String) -> String {
        say("error: port \(port) on \(host) is in use; choose another with --port \(port + 1)"
            | "错误：\(host) 的端口 \(port) 已被占用，请用 --port \(port + 1) 换一个")
    }

    func cannotListen(_ port: Int, host: String, reason: String) -> String {
        say("error: cannot listen on \(host) port \(port): \(reason)" | "错误：无法在 \(host) 的端口 \(port) 上监听：\(reason)")
    }

    func unwatched(_ path: String, code: Int32) -> String {
        let reason = String(cString: strerror(code))
        var message = "warning: cannot watch \(path) (\(reason)): changes there are not seen until the preview restarts"
            | "警告：无法监视 \(path)（\(reason)），其中的修改在重启预览之前不会生效"
        if code == ENOSPC {
            message = (message.en + "; the system's limit of inotify watches is reached: raise it with `sysctl fs.inotify.max_user_watches=524288`")
                | (message.zh + "；已达到系统的 inotify 监视数上限，可用 `sysctl fs.inotify.max_user_watches=524288` 调高")
        }
        return say(message)
    }

    func diagnosticsUnwritable(_ error: Error) -> String {
        say("error: the diagnostics could not be written: \(error)" | "错误：无法输出诊断信息：\(error)")
    }

    /// `built 11 files in 40.2 ms` / `已生成 11 个文件，用时 40.2 毫秒`.
    func rebuilt(files: Int, initial: Bool, incremental: Bool, succeeded: Bool, milliseconds: Double) -> String {
        let time = String(format: "%.1f", milliseconds)
        guard succeeded else {
            return say("build failed; still serving the last good site in \(time) ms" | "生成失败，仍显示上一版网站（用时 \(time) 毫秒）")
        }
        let english = "\(initial ? "built" : "rebuilt") \(files) file\(files == 1 ? "" : "s")\(incremental ? " (incremental)" : "") in \(time) ms"
        let chinese = "\(initial ? "已生成" : "已重新生成") \(files) 个文件\(incremental ? "（增量）" : "")，用时 \(time) 毫秒"
        return say(english | chinese)
    }
}
