import GongkaiBase
import GongkaiSyntax

/// What a report must contain (`Content/schema.yaml`), edited by the portal team, not compiled in.
public struct Schema: Sendable {
    /// JSON Schemas of a report's front matter, of `org.yaml` and of `portal.yaml`.
    package let frontMatter: JSONSchema
    package let org: JSONSchema
    package let portal: JSONSchema
    /// The front matter's schema as written in schema.yaml, published as `/data/schema.json`.
    package let frontMatterSource: YAMLNode?
    public let parts: [Part]
    /// The metric catalogue, keyed by metric key.
    public let metrics: [String: MetricDefinition]
    /// The day of the year after a report's year before which it must be published (the 2019 督察工作规定: before
    /// 1 April); nil for none.
    public let deadline: (month: Int, day: Int)?
    /// Whether a report may cite another department's commitments with `plan:` (`plans_across_departments: true`);
    /// otherwise that is a warning, as a department delivers its own commitments.
    public let plansAcrossDepartments: Bool
    /// The portal's levels of warnings and notes by id (`severity:`); `--severity` overrides them.
    public let severities: [String: DiagnosticPolicy.Level]

    package init(frontMatter: JSONSchema, org: JSONSchema, portal: JSONSchema, frontMatterSource: YAMLNode? = nil, parts: [Part],
                 metrics: [String: MetricDefinition], deadline: (month: Int, day: Int)? = nil, plansAcrossDepartments: Bool = false,
                 severities: [String: DiagnosticPolicy.Level] = [:]) {
        self.frontMatterSource = frontMatterSource
        self.severities = severities
        self.plansAcrossDepartments = plansAcrossDepartments
        self.frontMatter = frontMatter
        self.org = org
        self.portal = portal
        self.parts = parts
        self.metrics = metrics
        self.deadline = deadline
    }

    /// The day a report on `year` is due before (`deadline:`); nil without a deadline.
    public func due(forYear year: Int) -> SimpleDate? {
        deadline.flatMap { SimpleDate(iso: String(year + 1) + "-" + Self.twoDigits($0.month) + "-" + Self.twoDigits($0.day)) }
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }

    /// One of the items a report must cover, satisfied by a heading whose id or title is listed, or whose title
    /// holds one of its phrases (`第一责任人职责` in `县政府主要负责同志履行推进法治建设第一责任人职责情况`).
    public struct Part: Sendable {
        public let item: String
        public let ids: [String]
        public let titles: [String]
        /// Normalised like titles (`normalized`).
        public let phrases: [String]
        /// Whether the part's sub-headings are the commitments that later reports cite with `plan:`.
        public let holdsPlans: Bool
        /// How a report that lacks the part is reported; nil (`severity: off`) for parts that may be left out.
        public let severity: Diagnostic.Severity?

        package init(item: String, ids: [String], titles: [String], phrases: [String] = [], holdsPlans: Bool, severity: Diagnostic.Severity?) {
            self.item = item
            self.ids = ids
            self.titles = titles
            self.phrases = phrases.map(Self.normalized)
            self.holdsPlans = holdsPlans
            self.severity = severity
        }

        /// The titles that name this part in a report of `year`, normalised: headings compare without spaces
        /// (`2024 年工作思路` is `2024年工作思路`); `{year}` and `{next_year}` stand for the report's years.
        package func acceptedTitles(year: Int) -> Set<String> {
            Set(titles.map { accepted in
                guard accepted.utf8.contains(UInt8(ascii: "{")) else { return Self.normalized(accepted) }
                return Self.normalized(Self.substituting(accepted, year: year))
            })
        }

        /// `{year}` and `{next_year}` replaced, any other brace kept (not Foundation's `replacingOccurrences`, a
        /// tenth of the structure check's time).
        static func substituting(_ title: String, year: Int) -> String {
            var result = "", rest = Substring(title)
            while let open = rest.firstIndex(of: "{") {
                result += rest[..<open]
                let tail = rest[open...]
                if tail.hasPrefix("{year}") {
                    result += String(year)
                    rest = tail.dropFirst("{year}".count)
                } else if tail.hasPrefix("{next_year}") {
                    result += String(year + 1)
                    rest = tail.dropFirst("{next_year}".count)
                } else {
                    result += "{"
                    rest = tail.dropFirst()
                }
            }
            return result + rest
        }

        /// Whether a heading with this id and normalised title covers the part; `accepted` is `acceptedTitles(year:)`.
        package func isCovered(byID id: String, title: String, accepted: Set<String>) -> Bool {
            ids.contains(id) || accepted.contains(title) || phrases.contains { title.contains($0) }
        }

        package static func normalized(_ title: String) -> String {
            title.filter { !$0.isWhitespace }
        }
    }

}

public struct MetricDefinition: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case count, percent, amount }

    public let key: String
    public let label: String
    /// The units a figure may be written with; the first is the usual one.
    public let units: [String]
    public let kind: Kind
    /// Shown among a report's headline figures on the home page.
    public let headline: Bool
    /// Bounds a figure must lie within, where the catalogue gives them.
    public let minimum: Double?
    public let maximum: Double?

    package init(key: String, label: String, units: [String], kind: Kind, headline: Bool, minimum: Double?, maximum: Double?) {
        self.key = key
        self.label = label
        self.units = units
        self.kind = kind
        self.headline = headline
        self.minimum = minimum
        self.maximum = maximum
    }
}

extension Double {
    /// `3` rather than `3.0`, for messages.
    package var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
