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
        ("约 20 人", 20, "20", .about, "人"),
        ("3 个工作日", 3, "3", nil, "个工作日"),
        // Chinese numerals.
        ("三次", 3, "3", nil, "次"),
        ("两项", 2, "2", nil, "项"),
        ("十二个", 12, "12", nil, "个"),
        ("二十三件", 23, "23", nil, "件"),
        ("一百零五人", 105, "105", nil, "人"),
        ("一千二百余人", 1200, "1200", .moreThan, "人"),
        ("十余次", 10, "10", .moreThan, "次"),
        ("三万五千份", 35000, "35000", nil, "份"),
        ("一亿二千万元", 120_000_000, "120000000", nil, "元"),
        // Multipliers, exactly.
        ("3.5万余家", 35000, "35000", .moreThan, "家"),
        ("1.2亿元", 120_000_000, "120000000", nil, "元"),
        ("3.5 亿元", 350_000_000, "350000000", nil, "元"),
        ("0.35万人", 3500, "3500", nil, "人"),
        ("1.23456万元", 12345.6, "12345.6", nil, "元"),
        // Qualifiers before, after the number, after the unit.
        ("大约 30 人", 30, "30", .about, "人"),
        ("近 50 次", 50, "50", .nearly, "次"),
        ("超过 90%", 90, "90", .moreThan, "%"),
        ("逾千人", 1000, "1000", .moreThan, "人"),
        ("不足 5 天", 5, "5", .lessThan, "天"),
        ("20 人左右", 20, "20", .about, "人"),
        ("100 人以上", 100, "100", .moreThan, "人"),
        ("二十多人", 20, "20", .moreThan, "人"),
        // Decimals, grouping, full-width forms.
        ("98.5%", 98.5, "98.5", nil, "%"),
        ("12,500 份", 12500, "12500", nil, "份"),
        ("３次", 3, "3", nil, "次"),
        ("９８．５％", 98.5, "98.5", nil, "%"),
        ("3.50 次", 3.5, "3.5", nil, "次"),
    ] as [(String, Double, String, Figure.Qualifier?, String)])
    func parsesFigureForms(text: String, value: Double, valueText: String, qualifier: Figure.Qualifier?, unit: String) throws {
        let figure = try FigureParser.parse(text, metric: "m").get()
        #expect(figure.value == value)
        #expect(figure.valueText == valueText)
        #expect(figure.qualifier == qualifier)
        #expect(figure.unit == unit)
        #expect(figure.text == text)
    }

    @Test func wordsWithoutANumberFail() {
        #expect(FigureParser.parse("很多次", metric: "m") == .failure(.noNumber))
        #expect(FigureParser.parse("", metric: "m") == .failure(.noNumber))
    }

    /// `[共 3 次]`: the message names the word that stands before the number.
    @Test func wordsBeforeTheNumberAreNamed() {
        #expect(FigureParser.parse("共 3 次", metric: "m") == .failure(.leadingWords("共")))
        #expect(FigureParser.parse("累计开展三次", metric: "m") == .failure(.leadingWords("累计开展")))
    }

    /// The value is worked out in decimal digits: no floating-point neighbour of what was printed.
    @Test func multipliedValuesAreExact() throws {
        for (text, digits) in [("0.1亿元", "10000000"), ("2.675万人", "26750"), ("0.07万次", "700"), ("1.005万份", "10050")] {
            let figure = try FigureParser.parse(text, metric: "m").get()
            #expect(figure.valueText == digits)
            #expect(figure.value == Double(digits))
        }
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

    @Test func theUnparsableMessageSaysWhatIsWrong() throws {
        let report = TestContent.report(body: "## 标题\n\n举办讲座[共 3 次](metric:lectures)。\n")
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.id == "metric.unparsable-figure")
        #expect(diagnostic.message.en == "the figure `共 3 次` starts with `共` before its number")
        #expect(diagnostic.hint?.zh == "数据链接中只写数据本身：把 `共` 移到链接之前")
    }

    /// `[160 次 7358 人]` reads the second figure into the unit: the hint says to link each.
    @Test func twoFiguresInOneLinkAreNamedInTheHint() throws {
        let report = TestContent.report(body: "## 标题\n\n培训[160 次 7358 人](metric:lectures)。\n")
        let (outcome, _) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        let diagnostic = try #require(outcome.diagnostics.first)
        #expect(diagnostic.id == "metric.unit-mismatch")
        #expect(diagnostic.hint?.en.hasPrefix("the link holds two figures") == true)
    }

    @Test func chineseNumeralsAndMultipliersRenderAsData() throws {
        let report = TestContent.report(body: "## 标题\n\n讲座[三次](metric:lectures)，资料[3.5万余份](metric:copies)，履行率[超过 98.5%](metric:rate)。\n")
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(outcome.succeeded, "\(outcome.diagnostics)")
        let html = try #require(output.text("t/2023/index.html"))
        #expect(html.contains(#"<data class="figure" id="fig-lectures" value="3" data-metric="lectures">三次</data>"#))
        #expect(html.contains(#"<data class="figure" id="fig-copies" value="35000" data-metric="copies" data-qualifier="more-than">3.5万余份</data>"#))
        #expect(html.contains(#"<data class="figure" id="fig-rate" value="98.5" data-metric="rate" data-qualifier="more-than">超过 98.5%</data>"#))
    }

    @Test func figuresRenderAsDataKeepingTheTextAsWritten() throws {
        let report = TestContent.report(body: "## 标题\n\n资料[1500 余份](metric:copies)，履行率[100%](metric:rate)。\n")
        let (outcome, output) = try TestContent(files: ["orgs/t/2023.md": report]).build()
        #expect(outcome.succeeded)
        let html = try #require(output.text("t/2023/index.html"))
        #expect(html.contains(#"<data class="figure" id="fig-copies" value="1500" data-metric="copies" data-qualifier="more-than">1500 余份</data>"#))
        #expect(html.contains(#"<data class="figure" id="fig-rate" value="100" data-metric="rate">100%</data>"#))
    }
}
