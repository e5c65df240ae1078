/// Every diagnostic id Gongkai reports, with a short explanation of what it means and what to do: `gongkai explain
/// ID` prints one. A test keeps it equal to the ids the code emits.
public enum DiagnosticCatalogue {
    public static func explanation(of id: String) -> Message? { entries[id] }

    public static var ids: [String] { entries.keys.sorted() }

    /// The id nearest to a mistyped one.
    public static func nearest(to id: String) -> String? { Suggestion.nearest(to: id, in: entries.keys) }

    package static let entries: [String: Message] = [
        // Files
        "source.unreadable": "The file exists but cannot be read (permissions, or a link leading nowhere). Nothing in it is checked."
            | "文件存在但无法读取（权限不足，或符号链接指向不存在的文件），其内容未经检查。",
        "source.not-utf8": "Sources must be UTF-8. The file looks like GBK/GB18030, as Windows editors save Chinese text; convert it with the iconv command given."
            | "源文件必须是 UTF-8 编码。此文件看起来是 GBK/GB18030（Windows 编辑器常用），请按提示用 iconv 转换。",
        "source.invalid-utf8": "A byte sequence that is not UTF-8 stands at this place; save the file as UTF-8."
            | "此处的字节不是有效的 UTF-8，请以 UTF-8 编码保存文件。",
        "source.nul-byte": "The file holds a NUL byte, an invisible character copy and paste sometimes brings; delete it."
            | "文件中有 NUL 字节（复制粘贴时可能带入的不可见字符），请删除。",
        "source.symlink-outside": "A symbolic link leads outside the content folder. It is not read, so a build never publishes files from elsewhere on the machine."
            | "符号链接指向内容文件夹之外。为免发布本机其他文件，不予读取。",
        "source.changed-during-build": "The file was saved again while the site was being built from an earlier version of it; nothing is published. Build again."
            | "生成网站期间此文件又被保存，网站是按其先前版本生成的，因此未予发布。请重新生成。",
        "content.missing-file": "A file every portal needs (portal.yaml, schema.yaml, a department's org.yaml) is missing."
            | "缺少门户必需的文件（portal.yaml、schema.yaml 或部门的 org.yaml）。",
        "content.missing-orgs": "The content folder has no `orgs/` folder, where each department has a folder with its org.yaml and its reports."
            | "内容文件夹中没有 `orgs/` 文件夹；每个部门在其中有一个文件夹，放 org.yaml 和各年度报告。",
        "content.unexpected-file": "A file in a department's folder that is neither org.yaml nor a report named by its year (2023.md); it is ignored."
            | "部门文件夹中既不是 org.yaml、也不是以年度命名的报告（如 2023.md）的文件，已忽略。",
        // Front matter and YAML
        "frontmatter.missing": "A report starts with front matter between two `---` lines: org, year, title, published."
            | "报告应以两行 `---` 之间的前置信息开头：org、year、title、published。",
        "frontmatter.unterminated": "The front matter's closing `---` line is missing, so the whole file would be read as YAML."
            | "前置信息缺少结尾的 `---` 行，整个文件会被当作 YAML 读取。",
        "yaml.syntax": "The YAML cannot be read at this place; a tab used for indenting is the most common cause."
            | "此处的 YAML 无法解析；最常见的原因是用制表符缩进。",
        "yaml.duplicate-key": "A key is given twice in one mapping; YAML keeps only one of them, so the other would be lost silently."
            | "同一映射中字段出现两次；YAML 只保留其一，另一个会被悄悄丢弃。",
        "yaml.too-large": "The YAML expands to more values than any real file has (an alias bomb), so it is not read."
            | "YAML 展开后的值多得不合常理（别名炸弹），不予读取。",
        "yaml.too-deep": "The YAML nests deeper than any real file does; it is not read."
            | "YAML 嵌套层数多得不合常理，不予读取。",
        // Schema
        "schema.type": "A value has the wrong type for its field: text where a list is expected, a mapping where text is expected, and so on."
            | "字段的值类型不对：应为列表却是文本、应为文本却是映射，等等。",
        "schema.missing-field": "A field the schema requires is absent." | "缺少 schema 规定的必填字段。",
        "schema.unknown-key": "A field the schema does not declare; usually a typo of a known one. Declare new fields in schema.yaml."
            | "schema 中没有声明的字段，多为已知字段的笔误；新字段请在 schema.yaml 中声明。",
        "schema.enum": "The value is not one of those the schema allows." | "取值不在 schema 允许的范围内。",
        "schema.invalid-deadline": "`deadline:` in schema.yaml is a month and day in quotes, such as \"04-01\"." | "schema.yaml 中的 `deadline:` 应为加引号的月和日，如 \"04-01\"。",
        "schema.const": "The field must have exactly the value the schema gives." | "此字段必须取 schema 规定的值。",
        "schema.pattern": "The value does not have the form the schema requires (a filing number, a code)."
            | "取值不符合 schema 规定的格式（如备案号、代码）。",
        "schema.date": "A date must exist and be written as its schema's `format:` says: YYYY-MM-DD (date), YYYY-MM (year-month), YYYY (year), any of them (partial-date)."
            | "日期必须真实存在，并按 schema 的 `format:` 书写：YYYY-MM-DD（date）、YYYY-MM（year-month）、YYYY（year），或三者之一（partial-date）。",
        "schema.unknown-format": "schema.yaml gives a `format:` Gongkai does not know (date, year-month, year, partial-date)."
            | "schema.yaml 中的 `format:` 不是 Gongkai 支持的格式（date、year-month、year、partial-date）。",
        "schema.date-outside-year": "The date must fall in the report's year." | "日期必须在报告年度之内。",
        "schema.minimum": "The number is below the schema's minimum." | "数值小于 schema 规定的下限。",
        "schema.maximum": "The number is above the schema's maximum." | "数值大于 schema 规定的上限。",
        "schema.min-length": "The text is shorter than the schema allows." | "文本短于 schema 规定的长度。",
        "schema.max-length": "The text is longer than the schema allows." | "文本长于 schema 规定的长度。",
        "schema.min-items": "The list has fewer items than the schema requires." | "列表项少于 schema 规定的数量。",
        "schema.max-items": "The list has more items than the schema allows." | "列表项多于 schema 规定的数量。",
        "schema.not-allowed": "The schema allows no value here." | "schema 不允许此处有值。",
        "schema.unknown-keyword": "schema.yaml uses a JSON Schema keyword Gongkai does not know; it would be ignored silently otherwise."
            | "schema.yaml 使用了 Gongkai 不支持的 JSON Schema 关键字，否则会被悄悄忽略。",
        "schema.invalid-reference": "A `$ref` in schema.yaml does not name a definition of the schema's `$defs` (#/$defs/NAME)."
            | "schema.yaml 中的 `$ref` 没有指向本结构 `$defs` 中的定义（#/$defs/名称）。",
        "schema.contract": "A schema of schema.yaml does not give a field Gongkai reads the type Gongkai reads it as, or does not require a field Gongkai cannot do without (a report's org, year, title, published; a department's name; the portal's identity)."
            | "schema.yaml 中的结构定义与 Gongkai 读取的字段类型不符，或没有把 Gongkai 必需的字段列为必填（报告的 org、year、title、published，部门的 name，门户的标识信息）。",
        "schema.invalid-pattern": "A `pattern` in schema.yaml is not a valid regular expression." | "schema.yaml 中的 `pattern` 不是有效的正则表达式。",
        "report.org-mismatch": "A report's `org` must equal the name of the folder it is in." | "报告的 `org` 必须与其所在文件夹同名。",
        "markdown.full-width-link": "A link typed with full-width brackets (`［3 次］（metric:…）`, as a Chinese input method types them) is not a link to Markdown: it would be shown as typed. Write the half-width `[3 次](metric:…)`."
            | "用全角括号输入的链接（`［3 次］（metric:…）`，中文输入法常这样输入）不是 Markdown 链接，会原样显示。请改用半角：`[3 次](metric:…)`。",
        "heading.full-width-id": "A heading's `{#id}` typed with a full-width brace or hash (`｛#problems｝`) is not an id: it would be shown in the heading. Write the half-width `{#problems}`."
            | "用全角括号或井号输入的标题 id（`｛#problems｝`）不是 id，会显示在标题中。请改用半角：`{#problems}`。",
        "markdown.unlinked-figure": "A note: a number with a measure word (`开展培训 160 次`) outside a link is a figure the portal does not count. Link it to a metric, `[160 次](metric:KEY)`, or leave it; `--severity markdown.unlinked-figure=off` silences these."
            | "建议：链接之外带量词的数字（`开展培训 160 次`）是门户不会统计的数据。可链接到指标，如 `[160 次](metric:指标键)`，也可不改；`--severity markdown.unlinked-figure=off` 可关闭此类建议。",
        "markdown.unlinked-document": "A note: the title of a document the report declares is named without its `doc:` link, so the register does not list this place."
            | "建议：报告已声明的文件在此处提及时未加 `doc:` 链接，文件登记不会列出此处。",
        "report.year-mismatch": "A report's `year` must equal the year in its file name." | "报告的 `year` 必须与文件名中的年度一致。",
        "report.written-after-published": "A report is written (`written`, 成文日期) before it is published (`published`, 公开日期)."
            | "报告的成文日期（`written`）应早于公开日期（`published`）。",
        "report.late": "The report was published after the deadline schema.yaml gives (`deadline:`, the day of the next year before which reports are published; the 2019 督察工作规定 says before 1 April)."
            | "报告的公开日期晚于 schema.yaml 规定的期限（`deadline:`，次年的某日之前；2019 年督察工作规定为 4 月 1 日之前）。",
        "portal.base-url": "portal.yaml's base_url must be an absolute http(s) address (a `/` is added at its end): the sitemap, feed and canonical links are made from it."
            | "portal.yaml 的 base_url 必须是完整的 http(s) 地址（末尾自动补 `/`）：站点地图、订阅源和规范链接都由它生成。",
        // Body
        "heading.invalid-id": "A heading id (`{#id}`) may use letters, digits, `-` and `_`, starting with a letter: it becomes part of addresses."
            | "标题 id（`{#id}`）只能用字母、数字、`-` 和 `_`，并以字母开头：它会成为网址的一部分。",
        "heading.duplicate-id": "Two headings have the same id, so a link to it could lead to either." | "两个标题的 id 相同，指向它的链接会含糊不清。",
        "structure.missing-part": "The report lacks a part schema.yaml requires (the 2019 rules name five: measures, the principal's duties, problems, plans …)."
            | "报告缺少 schema.yaml 规定的部分（2019 年规定列出五项：主要举措、第一责任人职责、存在的问题、下一年度安排等）。",
        "structure.skipped-level": "A heading jumps more than one level down, which breaks the numbering 一、（一）1.（1）."
            | "标题跳过了层级，会打乱 一、（一）1.（1） 的编号。",
        "markdown.unclosed-emphasis": "Bold or italic left open: CommonMark does not close `**` right after Chinese punctuation (`**重点。**正文`); put the punctuation outside."
            | "加粗或斜体没有闭合：CommonMark 不会在中文标点后闭合 `**`（`**重点。**正文`），请把标点移到外面。",
        "markdown.raw-html": "Raw HTML in the Markdown is left out of the page unless portal.yaml sets raw_html: true."
            | "Markdown 中的原始 HTML 不会出现在页面中，除非 portal.yaml 设置 raw_html: true。",
        "markdown.too-deep": "Content nests deeper than any real report; the deepest part is kept as plain text."
            | "内容嵌套层数多得不合常理，最深处按纯文本保留。",
        // Links
        "metric.unknown-key": "A `metric:` link names a key that is not in the metric catalogue (schema.yaml `metrics:`)."
            | "`metric:` 链接的键不在指标目录（schema.yaml 的 `metrics:`）中。",
        "metric.unparsable-figure": "A figure's link holds the figure alone, as printed, with its number and unit: `3 次`, `60 余次`, `三项`, `3.5万余家`, `100%`; words before the number go before the link."
            | "数据链接中只写数据本身，按印刷稿书写，带数字和单位：`3 次`、`60 余次`、`三项`、`3.5万余家`、`100%`；数字前的文字写在链接之前。",
        "metric.unit-mismatch": "The figure's unit is not the one the catalogue gives for the metric." | "数据的单位与指标目录规定的不一致。",
        "metric.percent-range": "A percentage above 100." | "百分比超过 100。",
        "metric.out-of-range": "The figure is outside the minimum or maximum the catalogue gives." | "数据超出指标目录规定的上下限。",
        "metric.conflicting-values": "One report gives two different values for one metric; a different figure needs a key of its own."
            | "同一报告对同一指标给出两个不同的值；不同的数据需要各自的指标键。",
        "doc.unknown-key": "A `doc:` link names a document the front matter does not declare under `documents:`."
            | "`doc:` 链接的文件未在前置信息的 `documents:` 中声明。",
        "doc.unused": "A declared document is never linked from the text, so the register cannot say where the report names it."
            | "声明的文件在正文中没有链接，文件登记无法指出报告在何处提到它。",
        "doc.conflicting-declaration": "Two reports, or a report and documents.yaml, declare one document key differently; a key names one document across the portal."
            | "两份报告（或报告与 documents.yaml）对同一文件键的声明不同；同一个键在整个门户中指同一份文件。",
        "doc.duplicate-title": "One document is declared under two keys; the register would list it twice." | "同一份文件以两个键声明，文件登记中会出现两次。",
        "link.malformed": "A `report:` link is written report:YEAR or report:ORG/YEAR, with #ID for a section." | "`report:` 链接写作 report:年度 或 report:部门/年度，引用章节加 #id。",
        "link.broken": "A relative link or `report:` link leads to a page the portal does not have." | "相对链接或 `report:` 链接指向门户中不存在的页面。",
        "link.no-such-anchor": "A link's #anchor names no section of the report (or no entry of the register) it leads to." | "链接的 #锚点 在目标报告（或文件登记）中不存在。",
        "link.outside-portal": "A relative link climbs above the portal's root; write the full address for another site." | "相对链接超出了门户根目录；其他网站请写完整网址。",
        "report.title-lines": "`title_lines` must be the title broken into lines (GB/T 9704: between words, balanced)." | "`title_lines` 应为标题分成的各行（GB/T 9704：回行时词意完整，排列对称）。",
        "plan.other-department": "A `plan:` link cites another department's commitment; a department reports on its own (unless schema.yaml sets `plans_across_departments: true`)."
            | "`plan:` 链接引用了其他部门的安排；各部门报告本部门安排的落实情况（除非 schema.yaml 设置 `plans_across_departments: true`）。",
        "plan.malformed": "A `plan:` link is written plan:YEAR#ID or plan:ORG/YEAR#ID." | "`plan:` 链接写作 plan:年度#id 或 plan:部门/年度#id。",
        "plan.unresolved": "A `plan:` link must lead to a plan item of an earlier report that exists." | "`plan:` 链接必须指向以前年度报告中确实存在的工作安排。",
        "plan.missing-id": "A plan item has no `{#id}`, so next year's report cannot cite it." | "工作安排没有 `{#id}`，下一年度的报告无法引用它。",
        // Templates, rendering, PDF
        "template.missing-folder": "The templates folder cannot be read." | "无法读取模板文件夹。",
        "template.missing": "A page template every portal needs is missing from the templates folder." | "模板文件夹中缺少必需的页面模板。",
        "template.unsupported": "A template uses Mustache that Gongkai's templates do not support: changed delimiters, transforms such as `name(…)`, dynamic names such as `{{>*name}}`, a pragma other than CONTENT_TYPE: HTML. It would render as nothing, so it is an error."
            | "模板使用了 Gongkai 不支持的 Mustache 写法：更改分隔符、`name(…)` 之类的变换、`{{>*name}}` 之类的动态名称、CONTENT_TYPE: HTML 以外的指令。这些会显示为空，因此报错。",
        "template.syntax": "A Mustache syntax error in a template." | "模板中有 Mustache 语法错误。",
        "template.missing-partial": "A template names a partial (`{{>name}}`) or parent (`{{<name}}`) that does not exist."
            | "模板引用了不存在的局部模板（`{{>name}}`）或父模板（`{{<name}}`）。",
        "template.unknown-name": "A template reads a name no page gives it; it would render as nothing." | "模板读取的名称没有页面提供，会显示为空。",
        "template.unknown-field": "A template reads a field (`report.fields.NAME`, a document's `fields.NAME`) schema.yaml does not declare; it would render as nothing."
            | "模板读取的字段（`report.fields.名称`、文件的 `fields.名称`）未在 schema.yaml 中声明，会显示为空。",
        "template.not-loaded": "A page's template is not loaded, so the page cannot be rendered; nothing is published."
            | "页面模板未载入，页面无法生成，不发布任何内容。",
        "render.failed": "The site could not be rendered (a file of the templates could not be read); the previous site stays."
            | "无法生成网站（模板文件夹中的文件无法读取），保留原有网站。",
        "pdf.engine-failed": "The PDF engine failed or took too long for a report; no PDF is published." | "PDF 引擎处理某份报告时出错或超时，不发布任何 PDF。",
    ]
}
