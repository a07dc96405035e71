"""Segment a source file into ``Article`` records.

Entry point: ``Segmenter(registry).segment(path)`` → ``SegmentedFile`` (documents + articles
+ the page-break repairs it made). The rules, in order of precedence for each line:

* a document title line (from the registry; inner spaces ignored) starts a document;
* ``第X章 标题`` starts a chapter; ``X、`` or ``第X条`` (per the document's numbering) starts an
  article, and numbers must run 1, 2, 3 … without gaps or repeats;
* a footer line (抄送/附件/…印发) ends the last document;
* any other line continues the current article. If the text so far does not end a sentence,
  the line break was a page break inside a sentence and the two halves are joined (a fragment
  repeated on both sides of the break, such as "党中央" + "中央保持", is dropped once);
  otherwise it is a real paragraph and stays one.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import KnowledgeError
from assistant.knowledge.registry import DocumentEntry, Registry
from assistant.knowledge.sources import Line, SourceText, read_source
from assistant.models import Article, Chapter, DocumentInfo, Item
from assistant.numerals import article_label, parse_chinese_number

log = logging.getLogger(__name__)

_NUM = "零〇一二两三四五六七八九十百"
ARTICLE_PATTERNS = {
    "一、": re.compile(rf"^([{_NUM}]+)[、，,]\s*"),
    "第一条": re.compile(rf"^第\s*([{_NUM}]+)\s*条\s*"),
}
CHAPTER = re.compile(rf"^第\s*([{_NUM}]+)\s*章\s*(\S.*)$")
SECTION = re.compile(rf"^第\s*[{_NUM}]+\s*节\s*\S{{1,30}}$")  # 第一节 决策启动: a heading inside a chapter
ITEM_CN = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*")
ITEM_NUM = re.compile(r"^(\d{1,2})\s*[.．、]\s*(?=\D)")
FOOTER = re.compile(r"^(抄送|主送|附件)\s*[:：]?|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,6}〔\d{4}〕\d+号")
_TERMINAL = set("。；：！？;:!?…")
_CLOSERS = set("”’」』）)】》")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_MAX_OVERLAP = 8


def compact(text: str) -> str:
    """Remove every whitespace character (titles may be split by a space)."""
    return "".join(text.split())


def ends_sentence(text: str) -> bool:
    t = text.rstrip()
    while t and t[-1] in _CLOSERS and len(t) > 1 and t[-2] in _TERMINAL:
        t = t[:-1]
    return bool(t) and t[-1] in _TERMINAL


def item_of(paragraph: str) -> Item | None:
    if m := ITEM_CN.match(paragraph):
        return Item(m.group(0).strip(), parse_chinese_number(m.group(1)), paragraph[m.end() :].strip())
    if m := ITEM_NUM.match(paragraph):
        return Item(m.group(0).strip(), int(m.group(1)), paragraph[m.end() :].strip())
    return None


def join_broken(before: str, after: str) -> tuple[str, int]:
    """Join two halves of a sentence split by a page break; drop a repeated fragment.

    Returns the joined text and how many repeated characters were dropped. Only a
    repetition of two or more Chinese characters counts: one repeated character is
    often real text ("学习" + "习近平").
    """
    for k in range(min(_MAX_OVERLAP, len(before), len(after)), 1, -1):
        head = after[:k]
        if _CJK.match(head) and before.endswith(head):
            return before + after[k:], k
    return before + after, 0


@dataclass(frozen=True)
class Repair:
    """A page-break repair, for the ingest report and for review."""

    path: str
    line: int
    before: str  # tail of the text before the break
    after: str  # head of the text after the break
    dropped: int  # repeated characters removed


@dataclass
class _Draft:
    number: int
    label: str
    line: int
    chapter: Chapter | None
    paragraphs: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SegmentedFile:
    source: SourceText
    documents: list[DocumentInfo]
    articles: list[Article]
    repairs: list[Repair]


# 「严格控制 and 规范」: an English conjunction between Chinese words is a conversion defect of the
# source (咸宁's text of the same clause has 「严格控制和规范」); Chinese rules never use it.
_ENGLISH_AND = re.compile(r"(?<=[\u4e00-\u9fff])\s+and\s+(?=[\u4e00-\u9fff])")


def _clean(text: str) -> str:
    return _ENGLISH_AND.sub("和", text.replace("**", "")).strip()


class Segmenter:
    """Turns registered source files into articles. Stateless apart from the registry."""

    def __init__(self, registry: Registry, knowledge_dir: Path):
        if not registry.documents:
            raise KnowledgeError("登记表中没有任何文档")
        self.registry = registry
        self.knowledge_dir = knowledge_dir

    def segment_all(self) -> list[SegmentedFile]:
        return [self.segment(f) for f in self.registry.files()]

    def segment(self, file: str) -> SegmentedFile:
        entries = [d for d in self.registry.documents if d.file == file]
        if not entries:
            raise KnowledgeError("登记表中没有这个文件的文档", file)
        source = read_source(self.knowledge_dir / file, display=file)
        lines = [Line(ln.number, _clean(ln.text)) for ln in source.lines]
        starts = self._find_titles(source.path, lines, entries)
        header = [ln.text for ln in lines[: starts[0]] if ln.text]
        self._check_header(source.path, header, entries)
        footer_at = next((i for i in range(starts[-1] + 1, len(lines)) if FOOTER.match(lines[i].text)), len(lines))
        footer = self._footer(lines[footer_at:])
        bounds = [*starts[1:], footer_at]

        documents: list[DocumentInfo] = []
        articles: list[Article] = []
        repairs: list[Repair] = []
        for entry, start, end in zip(entries, starts, bounds, strict=True):
            drafts = self._drafts(source.path, entry, lines[start + 1 : end], repairs)
            texts = self._apply_errata(source.path, entry, drafts)
            city = self.registry.by_slug[entry.city]
            for d, text in zip(drafts, texts, strict=True):
                articles.append(
                    Article(
                        id=f"{entry.city}-{entry.slug}-{d.number:03d}",
                        city=entry.city,
                        city_name=city.name,
                        document=entry.title,
                        document_number=entry.number,
                        chapter=d.chapter,
                        article=d.number,
                        label=d.label,
                        citation=f"《{entry.title}》{article_label(d.number)}",
                        text=text,
                        items=tuple(i for p in text.split("\n") if (i := item_of(p))),
                    )
                )
            documents.append(
                DocumentInfo(
                    slug=entry.slug,
                    city=entry.city,
                    city_name=city.name,
                    title=entry.title,
                    number=entry.number,
                    issuer=entry.issuer,
                    issued=entry.issued,
                    status=entry.status,
                    source=file,
                    replaces=tuple(entry.replaces),
                    articles=len(drafts),
                    chapters=len({d.chapter.number for d in drafts if d.chapter}),
                    footer=footer,
                )
            )
        return SegmentedFile(source, documents, articles, repairs)

    # -- steps -------------------------------------------------------------------------

    @staticmethod
    def _find_titles(path: str, lines: list[Line], entries: list[DocumentEntry]) -> list[int]:
        starts: list[int] = []
        pos = 0
        for entry in entries:
            found = next((i for i in range(pos, len(lines)) if compact(lines[i].text) == entry.title), None)
            if found is None:
                raise KnowledgeError(f"找不到文档标题“{entry.title}”（标题须单独成行，在第一条之前）", path)
            starts.append(found)
            pos = found + 1
        return starts

    @staticmethod
    def _check_header(path: str, header: list[str], entries: list[DocumentEntry]) -> None:
        """The file's own 文号 must agree with the registry when the file states one."""
        stated = {n for line in header for n in DOC_NUMBER.findall(compact(line))}
        for entry in entries:
            if entry.number and stated and entry.number not in stated:
                raise KnowledgeError(
                    f"登记表文号“{entry.number}”与文件头中的文号（{'、'.join(sorted(stated))}）不一致", path
                )

    @staticmethod
    def _footer(lines: list[Line]) -> dict[str, str]:
        meta: dict[str, str] = {}
        texts = [ln.text for ln in lines if ln.text]
        key = None
        for t in texts:
            if m := re.match(r"^(抄送|主送)\s*[:：]\s*(.*)$", t):
                key = "cc" if m.group(1) == "抄送" else "to"
                meta[key] = m.group(2)
            elif m := re.match(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*印发$", t):
                meta["printed"] = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
                key = None
            elif t.endswith(("办公室", "人民政府", "办公厅")) and len(t) <= 20:
                meta["printed_by"] = t
                key = None
            elif key and not ends_sentence(meta[key]):
                meta[key] += t
        return meta

    @staticmethod
    def _drafts(path: str, entry: DocumentEntry, body: list[Line], repairs: list[Repair]) -> list[_Draft]:
        pattern = ARTICLE_PATTERNS[entry.numbering]
        drafts: list[_Draft] = []
        chapter: Chapter | None = None
        for ln in body:
            text = ln.text
            if not text:
                continue
            if m := CHAPTER.match(text):
                chapter = Chapter(parse_chinese_number(m.group(1)), compact(m.group(2)))
                continue
            if SECTION.match(text) and not ends_sentence(text):
                continue
            if m := pattern.match(text):
                number = parse_chinese_number(m.group(1))
                expected = len(drafts) + 1
                if number != expected:
                    kind = "重复" if number < expected else "跳号"
                    raise KnowledgeError(
                        f"《{entry.title}》条文编号{kind}：此处应为{article_label(expected)}，"
                        f"实为“{m.group(0).strip()}”",
                        path,
                        ln.number,
                    )
                drafts.append(_Draft(number, m.group(0).strip(), ln.number, chapter))
                rest = text[m.end() :].strip()
                if rest:
                    drafts[-1].paragraphs.append(rest)
                continue
            if not drafts:
                log.debug("%s:%d: text before the first article ignored: %s", path, ln.number, text[:30])
                continue
            paragraphs = drafts[-1].paragraphs
            if paragraphs and not ends_sentence(paragraphs[-1]) and item_of(text) is None:
                joined, dropped = join_broken(paragraphs[-1], text)
                repairs.append(Repair(path, ln.number, paragraphs[-1][-8:], text[:8], dropped))
                paragraphs[-1] = joined
            else:
                paragraphs.append(text)
        for d in drafts:
            if not "".join(d.paragraphs).strip():
                raise KnowledgeError(f"《{entry.title}》{article_label(d.number)}没有正文", path, d.line)
        if not drafts:
            raise KnowledgeError(f"《{entry.title}》中没有找到任何条文（编号格式：{entry.numbering}）", path)
        if entry.expected_articles and len(drafts) != entry.expected_articles:
            raise KnowledgeError(
                f"《{entry.title}》应有 {entry.expected_articles} 条，实际解析出 {len(drafts)} 条", path
            )
        return drafts

    @staticmethod
    def _apply_errata(path: str, entry: DocumentEntry, drafts: list[_Draft]) -> list[str]:
        texts = ["\n".join(d.paragraphs) for d in drafts]
        for erratum in entry.errata:
            hits = sum(t.count(erratum.find) for t in texts)
            if hits != 1:
                raise KnowledgeError(f"《{entry.title}》勘误“{erratum.find}”应恰好出现 1 次，实际 {hits} 次", path)
            texts = [t.replace(erratum.find, erratum.replace) for t in texts]
        return texts
