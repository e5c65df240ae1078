import Testing
@testable import GongkaiAnalysis
@testable import GongkaiBase
@testable import GongkaiKit
@testable import GongkaiModel
@testable import GongkaiOutput
@testable import GongkaiRender
@testable import GongkaiSyntax

@Suite struct FigureParserTests {
    @Test(arguments: [
        ("3 次", 3.0, "3", nil, "次"),
        ("60 余次", 60, "60", Figure.Qualifier.moreThan, "次"),
        ("1500 余份", 1500, "1500", .moreThan, "份"),
        ("300 余册", 300, "300", .moreThan, "册"),
        ("100%", 100, "100", nil, "%"),
        ("100％", 100, "100", nil, "%"),
        ("45个", 45, "45", nil, "个"),
        ("1,500 份", 1500, "1500", nil, "份"),
        ("3.5 亿元", 3.5, "3.5", nil, "亿元"),
        ("约 20 人", 20, "20", .about, "人"),
        ("3 个工作日", 3, "3", nil, "个工作日"),
    ] as [(String, Double, String, Figure.Qualifier?, String)])
    func parsesFigureForms(text: String, value: Double, valueText: String, qualifier: Figure.Qualifier?, unit: String) throws {
        let figure = try FigureParser.parse(text, metric: "m").get()
        #expect(figure.value == value)
        #expect(figure.valueText == valueText)
        #expect(figure.qualifier == qualifier)
        #expect(figure.unit == unit)
        #expect(figure.text == text)
    }

    @Test func wordsWithoutDigitsFail() {
        #expect(FigureParser.parse("很多次", metric: "m") == .failure(.noNumber))
        #expect(FigureParser.parse("三次", metric: "m") == .failure(.noNumber))
        #expect(FigureParser.parse("", metric: "m") == .failure(.noNumber))
    }

    @Test func aNumberWithoutUnitFails() {
        #expect(FigureParser.parse("12", metric: "m") == .failure(.noUnit))
        #expect(FigureParser.parse("12 余", metric: "m") == .failure(.noUnit))
    }

    @Test func anUnparsableFigureIsADiagnosticNotACrash() throws {
        let report = TestContent.report(body: "## 标题\n\n举办讲座[很多次](metric:lectures)。\n")
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(outcome.located == ["metric.unparsable-figure@9:5"])
        #expect(!outcome.succeeded)
    }

    @Test func figuresAreCheckedAgainstTheCatalogue() throws {
        let report = TestContent.report(body: "## 标题\n\n讲座[3 场](metric:lectures)，履行率[120%](metric:rate)。\n")
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(Set(outcome.diagnostics.map(\.id)) == ["metric.unit-mismatch", "metric.percent-range"])
    }

    @Test func figuresRenderAsDataKeepingTheTextAsWritten() throws {
        let report = TestContent.report(body: "## 标题\n\n资料[1500 余份](metric:copies)，履行率[100%](metric:rate)。\n")
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(outcome.succeeded)
        let html = try #require(output.text("t/2023/index.html"))
        #expect(html.contains(#"<data class="figure" value="1500" data-metric="copies" data-qualifier="more-than">1500 余份</data>"#))
        #expect(html.contains(#"<data class="figure" value="100" data-metric="rate">100%</data>"#))
    }
}
