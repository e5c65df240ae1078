"""Writes a deterministic benchmark corpus twice: as Gongkai content and as the same site for Hugo.

usage: generate_corpus.py DEPARTMENTS YEARS MEASURES OUTPUT

OUTPUT/gongkai/Content   portal.yaml, schema.yaml, orgs/<org>/org.yaml, orgs/<org>/<year>.md
OUTPUT/hugo              hugo.toml, content/<org>/<year>.md (the same Markdown body), department lists,
                         a documents page, minimal layouts; RSS, sitemap and taxonomies off
OUTPUT/floor/bodies.md   every report body concatenated, for the cmark-gfm floor

Reports read like real ones: numbered parts and sections (headings), Chinese prose with bold lead-ins, lists,
an occasional GFM table, figures as metric: links, documents as doc: links, and plan: references to the previous
year's commitments from the second year on. The same seed always gives the same bytes.
"""
import os
import random
import shutil
import sys

PHRASES = [
    "深入学习贯彻习近平法治思想", "严格落实重大行政决策程序", "持续推进严格规范公正文明执法", "健全行政执法公示制度",
    "完善执法全过程记录", "落实重大执法决定法制审核", "加强行政执法人员资格管理", "开展行政执法案卷评查",
    "推进“双随机、一公开”监管", "强化法律顾问参与合法性审核", "做好行政复议和行政应诉工作", "规范涉企行政检查",
    "清理规范性文件", "落实“谁执法谁普法”普法责任制", "开展法治宣传进机关进企业进社区", "提升干部职工法治素养",
    "优化营商环境", "压实第一责任人职责", "召开专题会议研究部署", "加强执法装备配备", "推行包容审慎监管",
    "建立健全工作台账", "及时整改评查发现的问题", "组织专题培训", "完善公众参与和专家论证机制", "强化监督检查",
    "推动政务公开标准化规范化", "依法化解矛盾纠纷", "加强重点领域立法协调", "健全行政裁量权基准制度",
]
CONNECTORS = ["，", "，", "；", "，同时", "，并"]
UNITS = [("次", "count"), ("个", "count"), ("件", "count"), ("份", "count"), ("人", "count"), ("项", "count")]
PART_TITLES = ["工作开展情况", "存在的问题及改进措施", "{next}年工作思路"]
SECTION_TITLES = ["深化党对法治建设工作领导", "完善依法行政制度体系", "依法服务经济社会发展大局", "严格规范公正文明执法",
                  "深化法治宣传教育", "加强行政执法监督", "推进政务公开", "强化法治队伍建设"]


def sentence(rng, metrics, documents, plan_refs):
    """One sentence; `metrics` is the report's unused metric keys: a report gives each metric one value."""
    words = [rng.choice(PHRASES) for _ in range(rng.randint(3, 6))]
    text = ""
    for index, word in enumerate(words):
        text += ("" if index == 0 else rng.choice(CONNECTORS)) + word
    roll = rng.random()
    if roll < 0.45 and metrics:
        key, unit = metrics.pop()
        qualifier = "余" if rng.random() < 0.25 else ""
        text += f"，全年完成 [{rng.randint(2, 900)} {qualifier}{unit}](metric:{key})"
    elif roll < 0.45:
        text += f"，全年完成 {rng.randint(2, 900)} 次"
    elif roll < 0.55:
        key, title = rng.choice(documents)
        text += f"，印发[《{title}》](doc:{key})"
    elif roll < 0.6 and plan_refs:
        text += f"，落实[上年度工作安排]({rng.choice(plan_refs)})"
    elif roll < 0.65:
        text += f"，**{rng.choice(PHRASES)}**"
    return text + "。"


def measure_body(rng, metrics, documents, plan_refs, size):
    paragraphs = []
    while sum(len(p) for p in paragraphs) < size:
        paragraphs.append("".join(sentence(rng, metrics, documents, plan_refs) for _ in range(rng.randint(3, 6))))
        if rng.random() < 0.15:
            paragraphs.append("\n".join(f"- **{rng.choice(PHRASES)}**：{sentence(rng, metrics, documents, [])}" for _ in range(3)))
        if rng.random() < 0.05:
            rows = "\n".join(f"| {rng.choice(PHRASES)} | {rng.randint(1, 99)} | {rng.randint(1, 99)}% |" for _ in range(4))
            paragraphs.append("| 事项 | 数量 | 完成率 |\n| --- | ---: | ---: |\n" + rows)
    return "\n\n".join(paragraphs)


def report(rng, org, year, measures, metrics, documents, first_year):
    plan_refs = [f"plan:{year - 1}#plan-{n}" for n in range(1, 4)] if year > first_year else []
    metrics = rng.sample(metrics, len(metrics))
    used_documents = rng.sample(documents, 4)
    lines = ["---", f"org: {org}", f"year: {year}", f"title: {org.upper()}部门{year}年法治政府建设年度报告",
             f"published: {year + 1}-03-{rng.randint(10, 28)}", "documents:"]
    for key, title in used_documents:
        # a document is the same wherever it is named: its date follows from its number
        number = int(key[-3:])
        lines.append(f"  {key}: {{title: {title}, issued: {2019 + number % 6}-{number % 12 + 1:02d}-{number % 28 + 1:02d}}}")
    lines.append("---")
    front = "\n".join(lines) + "\n"
    body = [f"{year}年，本部门坚持以习近平法治思想为指导，全面推进法治政府建设，现将有关情况报告如下。", f"## {PART_TITLES[0]} {{#work}}"]
    sections = 5
    per_section = max(1, measures // sections)
    number = 0
    for section in range(sections):
        body.append(f"### {SECTION_TITLES[section % len(SECTION_TITLES)]} {{#section-{section + 1}}}")
        for _ in range(per_section):
            number += 1
            anchor = "first-responsibility" if number == 1 else f"measure-{number}"
            body.append(f"#### {rng.choice(PHRASES)} {{#{anchor}}}")
            text = measure_body(rng, metrics, used_documents, plan_refs, 950)
            # every declared document is linked at least once, as the checker asks
            if number <= len(used_documents):
                key, title = used_documents[number - 1]
                text += f"\n\n起草并印发[《{title}》](doc:{key})。"
            body.append(text)
    body.append(f"## {PART_TITLES[1]} {{#problems}}")
    body.append("### 存在的问题 {#shortcomings}")
    body.append(measure_body(rng, metrics, used_documents, [], 400))
    body.append("### 改进措施 {#improvements}")
    body.append(measure_body(rng, metrics, used_documents, [], 400))
    body.append(f"## {PART_TITLES[2].format(next=year + 1)} {{#plans}}")
    body.append("**党政主要负责人履行推进法治建设第一责任人职责**，亲自部署、亲自督办。")
    for n in range(1, 4):
        body.append(f"### {rng.choice(PHRASES)} {{#plan-{n}}}")
        body.append(measure_body(rng, metrics, used_documents, [], 300).replace("](metric:", "](metric:").replace("](doc:", "](doc:"))
    return front, "\n\n".join(body) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def main(departments, years, measures, output):
    rng = random.Random(20231231)
    shutil.rmtree(output, ignore_errors=True)
    metrics = [(f"metric-{n:03d}", UNITS[n % len(UNITS)][0]) for n in range(300)]
    documents = [(f"doc-{n:03d}", f"关于{PHRASES[n % len(PHRASES)]}的实施办法（第{n}号）") for n in range(60)]
    content = os.path.join(output, "gongkai", "Content")
    shutil.copytree(os.path.join(os.path.dirname(__file__), "..", "Templates"), os.path.join(output, "gongkai", "Templates"))
    write(os.path.join(content, "portal.yaml"), "name: 基准测试门户\nbase_url: https://bench.example.gov.cn/\nsponsor: 基准测试主办单位\n"
          "site_code: \"0000000000\"\nicp_record: 京ICP备00000000号\npolice_record: 京公网安备 11000000000000号\n")
    schema = open(os.path.join(os.path.dirname(__file__), "..", "Content", "schema.yaml"), encoding="utf-8").read()
    schema = schema[:schema.index("metrics:")] + "metrics:\n" + "".join(
        f"  {key}: {{label: 指标{key[-3:]}, unit: {unit}, kind: count, headline: {'true' if key.endswith('00') else 'false'}}}\n"
        for key, unit in metrics)
    write(os.path.join(content, "schema.yaml"), schema)
    hugo = os.path.join(output, "hugo")
    write(os.path.join(hugo, "hugo.toml"), HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        write(os.path.join(hugo, "layouts", name), text)
    write(os.path.join(hugo, "content", "_index.md"), "---\ntitle: 基准测试门户\n---\n")
    write(os.path.join(hugo, "content", "documents.md"), "---\ntitle: 文件登记\nlayout: documents\n---\n")
    bodies = []
    first_year = 2020
    for d in range(departments):
        org = f"dept-{d:03d}"
        write(os.path.join(content, "orgs", org, "org.yaml"), f"name: 第{d}号部门\nshort_name: 部门{d}\n")
        write(os.path.join(hugo, "content", org, "_index.md"), f"---\ntitle: 第{d}号部门\n---\n")
        for year in range(first_year, first_year + years):
            front, body = report(rng, org, year, measures, metrics, documents, first_year)
            write(os.path.join(content, "orgs", org, f"{year}.md"), front + body)
            hugo_front = front.replace(f"org: {org}\n", "").replace(f"year: {year}\n", "").replace("published:", "date:")
            write(os.path.join(hugo, "content", org, f"{year}.md"), hugo_front + body)
            bodies.append(body)
    write(os.path.join(output, "floor", "bodies.md"), "\n\n".join(bodies))
    size = sum(len(b.encode("utf-8")) for b in bodies)
    print(f"{departments * years} reports, {size / 1e6:.1f} MB of Markdown in {output}")


HUGO_CONFIG = """baseURL = "https://bench.example.gov.cn/"
languageCode = "zh-CN"
title = "基准测试门户"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.extensions]
table = true
strikethrough = true
linkify = true
taskList = true
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} - {{ site.Title }}</title>
<meta name="SiteName" content="{{ site.Title }}"><meta name="ArticleTitle" content="{{ .Title }}"></head>
<body><header><a href="/">{{ site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main>
<footer>主办单位：基准测试主办单位</footer></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1><nav>{{ .TableOfContents }}</nav>{{ .Content }}</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
    "_default/documents.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range site.RegularPages }}{{ $page := . }}{{ range $key, $doc := .Params.documents }}<li id="doc-{{ $key }}">《{{ $doc.title }}》 {{ $doc.issued }} <a href="{{ $page.RelPermalink }}">{{ $page.Title }}</a></li>{{ end }}{{ end }}</ul>{{ end }}
""",
}

if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
