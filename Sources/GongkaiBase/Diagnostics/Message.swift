/// The languages diagnostics are written in: Chinese for the editors of a zh-CN portal, English on request.
public enum Language: String, Sendable, CaseIterable {
    case zh, en
}

/// A diagnostic's text in both languages, written side by side where the problem is found: `"English" | "中文"`.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    public let en: String
    public let zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func text(_ language: Language) -> String {
        language == .zh ? zh : en
    }

    public var description: String { en }
}

/// `"English" | "中文"` makes a `Message`.
package func | (english: String, chinese: String) -> Message {
    Message(en: english, zh: chinese)
}
