import ArgumentParser
import Foundation
import GongkaiBase
import GongkaiKit
import GongkaiModel
import GongkaiOutput

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explains a diagnostic id (the word in brackets after a message), or lists them all.",
        discussion: "gongkai explain metric.unknown-key"
    )

    @Argument(help: ArgumentHelp("A diagnostic id, such as metric.unknown-key; none lists every id.", valueName: "id"))
    var id: String?

    @Option(name: .long, help: ArgumentHelp("Language: zh or en.", valueName: "lang"))
    var lang: Language = .zh

    func run() throws {
        guard let id else {
            for id in DiagnosticCatalogue.ids {
                let text = DiagnosticCatalogue.explanation(of: id)?.text(lang) ?? ""
                print("\(id)\t\(text)")
            }
            return
        }
        guard let explanation = DiagnosticCatalogue.explanation(of: id) else {
            let near = DiagnosticCatalogue.nearest(to: id).map { lang == .zh ? "；是否应为 \($0)？" : "; did you mean \($0)?" } ?? ""
            FileHandle.standardError.write(Data(((lang == .zh ? "没有诊断 id \(id)" : "there is no diagnostic id \(id)") + near
                + (lang == .zh ? "（gongkai explain 列出全部）\n" : " (gongkai explain lists them all)\n")).utf8))
            throw ExitCode(2)
        }
        print("\(id)\n\n\(explanation.text(lang))")
    }
}
