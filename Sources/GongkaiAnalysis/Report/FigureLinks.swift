import GongkaiBase
import GongkaiModel
import GongkaiSyntax

/// Turns `metric:` links into figures: read as printed, checked against the metric catalogue, one value per metric.
struct FigureLinks {
    private(set) var figures: [Figure] = []
    /// Where in `figures` the first figure given for each metric is, and its file line and column.
    private var figureValues: [String: (index: Int, line: Int, byteColumn: Int)] = [:]


    /// A `metric:` link becomes a figure; one that cannot be read stays as its text (a group) with a diagnostic.
    /// Called with the link's text as written, once its children are analysed.
    mutating func visit(_ node: inout MarkdownNode, key: String, text: String, in context: inout BodyContext) {
        let line = node.line + context.bodyFirstLine - 1
        node.kind = .group
        guard let definition = context.schema.metrics[key] else {
            context.diagnostics.append(.error("metric.unknown-key", at: context.location(of: node), "`\(key)` is not in the metric catalogue (schema.yaml)" | "指标目录（schema.yaml）中没有 `\(key)`",
                                              hint: "add it under `metrics:` in schema.yaml" | "在 schema.yaml 的 `metrics:` 下添加",
                                              correction: Suggestion.correction(for: key, in: context.schema.metrics.keys)))
            return
        }
        let figure: Figure
        switch FigureParser.parse(text, metric: key) {
        case .success(let parsed):
            figure = parsed
        case .failure(let failure):
            let why: Message
            var hint = "write it as printed, e.g. `3 次`, `60 余次`, `三项`, `3.5万余家`, `100%`" | "按印刷稿写，如 `3 次`、`60 余次`、`三项`、`3.5万余家`、`100%`"
            switch failure {
            case .noNumber: why = "has no number" | "中没有数字"
            case .noUnit: why = "has no unit after the number" | "中数字后没有单位"
            case .leadingWords(let words):
                why = "starts with `\(words)` before its number" | "在数字前有 `\(words)`"
                hint = "a figure's link holds the figure alone: put `\(words)` before the link"
                    | "数据链接中只写数据本身：把 `\(words)` 移到链接之前"
            }
            context.diagnostics.append(.error("metric.unparsable-figure", at: context.location(of: node), "the figure `\(text)` \(why.en)" | "数据 `\(text)` \(why.zh)",
                                              hint: hint))
            return
        }
        if !definition.units.isEmpty, !definition.units.contains(figure.unit) {
            // `[160 次 7358 人]`: the second figure is read as part of the unit.
            let twoFigures = figure.unit.unicodeScalars.contains { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
            context.diagnostics.append(.error("metric.unit-mismatch", at: context.location(of: node),
                                              "`\(key)` is counted in \(definition.units.joined(separator: " / ")), but this figure is in `\(figure.unit)`"
                                                | "`\(key)` 的单位是\(definition.units.joined(separator: "/"))，此处为 `\(figure.unit)`",
                                              hint: twoFigures
                                                ? "the link holds two figures: give each its own link and metric, `[160 次](metric:a)[7358 人](metric:b)`"
                                                    | "此链接中有两个数据：请各用一个链接和指标，如 `[160 次](metric:a)[7358 人](metric:b)`"
                                                : "write the figure with the catalogue's unit, or add the unit to the metric's `units:` in schema.yaml"
                                                    | "按指标目录的单位书写，或在 schema.yaml 中该指标的 `units:` 里添加此单位"))
        }
        if definition.kind == .percent, figure.value > 100 {
            context.diagnostics.append(.error("metric.percent-range", at: context.location(of: node), "a percentage above 100: `\(text)`" | "百分比超过 100：`\(text)`"))
        }
        if let minimum = definition.minimum, figure.value < minimum {
            context.diagnostics.append(.error("metric.out-of-range", at: context.location(of: node), "`\(key)` is at least \(minimum.formatted) by the catalogue; found `\(text)`"
                                                | "指标目录规定 `\(key)` 不小于 \(minimum.formatted)，此处为 `\(text)`"))
        }
        if let maximum = definition.maximum, figure.value > maximum {
            context.diagnostics.append(.error("metric.out-of-range", at: context.location(of: node), "`\(key)` is at most \(maximum.formatted) by the catalogue; found `\(text)`"
                                                | "指标目录规定 `\(key)` 不大于 \(maximum.formatted)，此处为 `\(text)`"))
        }
        if let (index, earlierLine, earlierColumn) = figureValues[key] {
            let earlier = figures[index]
            if earlier.value != figure.value || earlier.qualifier != figure.qualifier {
                context.diagnostics.append(.error("metric.conflicting-values", at: context.location(of: node),
                                                  "`\(key)` was given as `\(earlier.text)` on line \(earlierLine) and here as `\(text)`"
                                                    | "`\(key)` 在第 \(earlierLine) 行为 `\(earlier.text)`，此处为 `\(text)`",
                                                  hint: "one report gives one value per metric; use another key for a different figure"
                                                    | "一份报告中每个指标只有一个值；不同的数据请用另一个指标键",
                                                  related: [RelatedLocation(context.file.location(line: earlierLine, byteColumn: max(earlierColumn, 1)),
                                                                            "first given here" | "首次给出在此")]))
            }
            node.kind = .figure(figure)
        } else {
            figureValues[key] = (figures.count, line, node.byteColumn)
            let placed = figure.placed(anchor: SiteLayout.figureAnchor(key), section: context.currentSection)
            figures.append(placed)
            node.kind = .figure(placed)
        }
    }
}
