"""Ingest end to end: idempotence, atomicity, other formats, and every kind of bad input."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.errors import KnowledgeError
from assistant.knowledge.ingest import ingest, load_articles

runner = CliRunner()

XIANNING = "raw/xianning-gov-work-rules.txt"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def assert_fails_intact(kdir: Path, pattern: str, file: str | None = None, line: int | None = None) -> None:
    before = sha(kdir / "articles.jsonl")
    with pytest.raises(KnowledgeError) as info:
        ingest(kdir)
    assert re.search(pattern, str(info.value)), str(info.value)
    if file:
        assert info.value.path == file
    if line:
        assert info.value.line == line
    assert sha(kdir / "articles.jsonl") == before
    assert not list(kdir.glob(".*.tmp"))
    # and the CLI says so in one line, with a non-zero exit and no traceback
    result = runner.invoke(app, ["ingest", "--knowledge", str(kdir)])
    assert result.exit_code == 1
    assert "错误" in result.output and "Traceback" not in result.output
    assert sha(kdir / "articles.jsonl") == before


def test_idempotent_byte_identical(knowledge_copy: Path):
    committed = sha(knowledge_copy / "articles.jsonl")
    (knowledge_copy / "articles.jsonl").unlink()
    first = ingest(knowledge_copy)
    assert first.changed and len(first.articles) == 253
    assert sha(knowledge_copy / "articles.jsonl") == committed
    mtime = (knowledge_copy / "articles.jsonl").stat().st_mtime_ns
    second = ingest(knowledge_copy)
    assert not second.changed
    assert (knowledge_copy / "articles.jsonl").stat().st_mtime_ns == mtime


def test_cli_summary_table(knowledge_copy: Path):
    result = runner.invoke(app, ["ingest", "--knowledge", str(knowledge_copy)])
    assert result.exit_code == 0, result.output
    assert "253" in result.output and "咸宁市" in result.output and "同政办发〔2024〕2号" in result.output
    line = (knowledge_copy / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert "大同市" in line  # unescaped UTF-8


def test_gbk_file_is_decoded(knowledge_copy: Path):
    src = knowledge_copy / "raw/chaoyang-gov-work-rules.txt"
    utf8_articles = [a.to_dict() for a in ingest(knowledge_copy).articles]
    src.write_bytes(src.read_text(encoding="utf-8").encode("gbk"))
    assert [a.to_dict() for a in ingest(knowledge_copy).articles] == utf8_articles


def test_undecodable_file(knowledge_copy: Path):
    (knowledge_copy / XIANNING).write_bytes(b"\xff\xfe\x00\x81\x30\xff" * 50)
    assert_fails_intact(knowledge_copy, "无法识别文件编码", file=XIANNING)


def test_missing_file(knowledge_copy: Path):
    (knowledge_copy / XIANNING).unlink()
    assert_fails_intact(knowledge_copy, "文件不存在", file=XIANNING)


def test_registry_entry_pointing_nowhere(knowledge_copy: Path):
    replace_in(knowledge_copy / "registry.toml", 'file = "raw/chaoyang-gov-work-rules.txt"', 'file = "raw/nope.txt"')
    assert_fails_intact(knowledge_copy, "文件不存在", file="raw/nope.txt")


def test_registry_wrong_title(knowledge_copy: Path):
    replace_in(knowledge_copy / "registry.toml", 'title = "咸宁市人民政府工作规则"', 'title = "咸宁市政府规则"')
    assert_fails_intact(knowledge_copy, "找不到文档标题“咸宁市政府规则”", file=XIANNING)


def test_registry_unknown_city(knowledge_copy: Path):
    replace_in(knowledge_copy / "registry.toml", 'city = "xianning"', 'city = "taiyuan"')
    assert_fails_intact(knowledge_copy, "unknown city 'taiyuan'")


def test_empty_file(knowledge_copy: Path):
    (knowledge_copy / XIANNING).write_text("\n \n", encoding="utf-8")
    assert_fails_intact(knowledge_copy, "文件为空", file=XIANNING)


def test_numbering_skips(knowledge_copy: Path):
    src = knowledge_copy / XIANNING
    lines = src.read_text(encoding="utf-8").split("\n")
    line_no = next(i for i, t in enumerate(lines, 1) if t.startswith("三十二、"))
    replace_in(src, "\n三十二、", "\n三十三、")
    assert_fails_intact(knowledge_copy, "条文编号跳号：此处应为第三十二条，实为“三十三、”", XIANNING, line_no)


def test_numbering_repeats(knowledge_copy: Path):
    replace_in(knowledge_copy / XIANNING, "\n三十二、", "\n三十一、")
    assert_fails_intact(knowledge_copy, "条文编号重复：此处应为第三十二条", file=XIANNING)


def test_article_without_text(knowledge_copy: Path):
    src = knowledge_copy / XIANNING
    text = src.read_text(encoding="utf-8")
    start = text.index("\n四十二、")
    end = text.index("\n", start + 1)
    src.write_text(text[:start] + "\n四十二、" + text[end:], encoding="utf-8")
    line_no = text[: start + 1].count("\n") + 1
    assert_fails_intact(knowledge_copy, "第四十二条没有正文", XIANNING, line_no)


def test_expected_count_mismatch(knowledge_copy: Path):
    replace_in(knowledge_copy / "registry.toml", "expected_articles = 43", "expected_articles = 44")
    assert_fails_intact(knowledge_copy, "应有 44 条，实际解析出 43 条", file=XIANNING)


def test_errata_that_no_longer_match_fail(knowledge_copy: Path):
    replace_in(knowledge_copy / "raw/chaoyang-gov-work-rules.txt", "认真学\n\n学习贯彻", "认真学习贯彻")
    assert_fails_intact(knowledge_copy, "勘误“认真学学习贯彻”应恰好出现 1 次，实际 0 次")


def test_registry_syntax_error(knowledge_copy: Path):
    (knowledge_copy / "registry.toml").write_text("[[jurisdictions]\nslug=", encoding="utf-8")
    assert_fails_intact(knowledge_copy, "登记表格式错误")


def test_docx_source(knowledge_copy: Path):
    import docx

    txt_articles = [a.to_dict() for a in ingest(knowledge_copy).articles]
    document = docx.Document()
    for line in (knowledge_copy / XIANNING).read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    document.save(str(knowledge_copy / "raw/xianning.docx"))
    (knowledge_copy / XIANNING).unlink()
    replace_in(knowledge_copy / "registry.toml", f'file = "{XIANNING}"', 'file = "raw/xianning.docx"')
    assert [a.to_dict() for a in ingest(knowledge_copy).articles] == txt_articles


def test_pdf_without_text_layer(knowledge_copy: Path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with (knowledge_copy / "raw/scan.pdf").open("wb") as f:
        writer.write(f)
    replace_in(knowledge_copy / "registry.toml", f'file = "{XIANNING}"', 'file = "raw/scan.pdf"')
    assert_fails_intact(knowledge_copy, "PDF 没有文本层", file="raw/scan.pdf")


def test_adding_a_city(knowledge_copy: Path):
    """A new jurisdiction is a file plus registry entries, then ingest."""
    text = (knowledge_copy / XIANNING).read_text(encoding="utf-8")
    (knowledge_copy / "raw/demo.txt").write_text(
        text.replace("咸宁市人民政府工作规则", "示例市人民政府工作规则").replace(
            "咸政发〔2023〕6号", "示政发〔2025〕1号"
        ),
        encoding="utf-8",
    )
    with (knowledge_copy / "registry.toml").open("a", encoding="utf-8") as f:
        f.write(
            '\n[[jurisdictions]]\nslug = "demo"\nname = "示例市"\nprovince = "某省"\nlevel = "市"\n'
            '\n[[documents]]\ncity = "demo"\nfile = "raw/demo.txt"\nslug = "work-rules"\n'
            'title = "示例市人民政府工作规则"\nnumber = "示政发〔2025〕1号"\nnumbering = "一、"\n'
        )
    result = ingest(knowledge_copy)
    assert len(result.articles) == 296
    demo = [a for a in load_articles(knowledge_copy) if a.city == "demo"]
    assert demo[0].citation == "《示例市人民政府工作规则》第一条" and demo[0].city_name == "示例市"


def test_pdf_with_text_layer(knowledge_copy: Path, tmp_path: Path):
    """A real text-layer PDF (printed by Chromium with CJK fonts) segments like the .txt source."""
    import html
    import shutil

    from assistant.textnorm import match_key

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("Debian chromium is not installed (scripts/setup.sh --dev): no PDF printer")
    from playwright.sync_api import sync_playwright

    txt = [a.to_dict() for a in ingest(knowledge_copy).articles if a.city == "xianning"]
    text = (knowledge_copy / XIANNING).read_text(encoding="utf-8")
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    page = f"<html><head><meta charset='utf-8'><style>body{{font:12px 'Noto Sans CJK SC'}}</style></head><body>{body}</body></html>"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        tab = browser.new_page()
        tab.set_content(page)
        tab.pdf(path=str(knowledge_copy / "raw/xianning.pdf"), format="A4")
        browser.close()
    (knowledge_copy / XIANNING).unlink()
    replace_in(knowledge_copy / "registry.toml", f'file = "{XIANNING}"', 'file = "raw/xianning.pdf"')
    pdf = [a.to_dict() for a in ingest(knowledge_copy).articles if a.city == "xianning"]
    assert [a["label"] for a in pdf] == [a["label"] for a in txt]  # 43 articles, same numbering
    for a, b in zip(pdf, txt, strict=True):  # same words; line wraps may differ
        assert match_key(a["text"]) == match_key(b["text"]), a["id"]
    assert not any("\u2f00" <= ch <= "\u2fdf" or "\u2e80" <= ch <= "\u2eff" for a in pdf for ch in a["text"])


MARKDOWN_STATUTE = """# 示例事项办理条例

2020年1月1日 中华人民共和国国务院令第999号公布

<!-- INFO END -->

## 第一章　总则

第一条 为了规范示例事项的办理，制定本条例。

### 第一节　受理

第二条 行政机关应当自收到申请之日起15日内作出决定。

##第二章　附则 ##

第三条 本条例自公布之日起施行。
"""


def test_markdown_statute_with_headings_sections_and_comments(knowledge_copy: Path):
    """A statute kept as Markdown (# title, ## 章 — also without the space and with closing #s —,
    ### 节, an HTML comment) ingests like the printed text: the title is found, chapters are chapters, a 节 heading is not glued to the article
    before it, and a national jurisdiction (level 国) is allowed."""
    (knowledge_copy / "raw/statute.md").write_text(MARKDOWN_STATUTE, encoding="utf-8")
    with (knowledge_copy / "registry.toml").open("a", encoding="utf-8") as f:
        f.write(
            '\n[[jurisdictions]]\nslug = "national"\nname = "国务院"\nprovince = ""\nlevel = "国"\n'
            '\n[[documents]]\ncity = "national"\nfile = "raw/statute.md"\nslug = "demo"\n'
            'title = "示例事项办理条例"\nnumber = "国务院令第999号"\nnumbering = "第一条"\nexpected_articles = 3\n'
        )
    ingest(knowledge_copy)
    arts = [a for a in load_articles(knowledge_copy) if a.city == "national"]
    assert [a.text for a in arts] == [
        "为了规范示例事项的办理，制定本条例。",
        "行政机关应当自收到申请之日起15日内作出决定。",
        "本条例自公布之日起施行。",
    ]
    assert [a.chapter.label if a.chapter else "" for a in arts] == ["第一章 总则", "第一章 总则", "第二章 附则"]
    assert arts[0].citation == "《示例事项办理条例》第一条"
    # the same file with Windows line ends reads the same (closing #s included)
    (knowledge_copy / "raw/statute.md").write_bytes(MARKDOWN_STATUTE.replace("\n", "\r\n").encode("utf-8"))
    ingest(knowledge_copy)
    again = [a for a in load_articles(knowledge_copy) if a.city == "national"]
    assert [(a.text, a.chapter) for a in again] == [(a.text, a.chapter) for a in arts]
