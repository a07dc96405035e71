"""Reading source files (.txt in UTF-8 or GBK, .docx, text-layer .pdf) into numbered lines."""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import KnowledgeError

log = logging.getLogger(__name__)

SUPPORTED = (".txt", ".md", ".docx", ".pdf")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the file (paragraph for .docx, line of the extracted text for .pdf)
    text: str


@dataclass(frozen=True)
class SourceText:
    path: str
    encoding: str
    lines: tuple[Line, ...]


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM) or GB18030/GBK; say so when neither fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise KnowledgeError(
                f"无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030，第 {utf8_error.start} 字节起无法解码）",
                path,
            ) from None
        log.info("%s decoded as GB18030/GBK", path)
        return text, "gbk"


def _docx_text(path: Path, name: str) -> str:
    import docx  # python-docx

    try:
        document = docx.Document(str(path))
    except Exception as e:  # python-docx raises several unrelated types for a broken file
        raise KnowledgeError(f"无法读取 .docx 文件：{e}", name) from e
    return "\n".join(p.text for p in document.paragraphs)


# PDF text layers often carry radicals instead of the ideographs they look like (⼗ for 十,
# ⻔ for 门). Kangxi radicals (U+2F00–2FDF) map back by NFKC; the radicals supplement
# (U+2E80–2EFF) has no decomposition, so its simplified forms are listed here.
_RADICAL_SUPPLEMENT = str.maketrans(
    "⺠⻔⻓⻆⻛⻅⻋⺟⻉⻚⻜⻢⻥⻦⻩⻬⻮⻰⻳⻝⻈⻘⻙⻄⻤",
    "民门长角风见车母贝页飞马鱼鸟黄齐齿龙龟食讠青韦西鬼",
)


def repair_pdf_text(text: str) -> str:
    """Radical look-alikes → the ideographs they stand for; everything else unchanged."""
    out = []
    for ch in text.translate(_RADICAL_SUPPLEMENT):
        if "\u2f00" <= ch <= "\u2fdf":
            ch = unicodedata.normalize("NFKC", ch)
        out.append(ch)
    return "".join(out)


def _pdf_text(path: Path, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, OSError, ValueError) as e:
        raise KnowledgeError(f"无法读取 PDF 文件：{e}", name) from e
    if not "".join(pages).strip():
        raise KnowledgeError("PDF 没有文本层（可能是扫描件），请先做文字识别再导入", name)
    # A page boundary is a possible mid-sentence break, like a blank line in a text file.
    return repair_pdf_text("\n\n".join(pages))


# 「## 第一章」, also without the space (「##第二章」, common in Chinese Markdown) and with closing #s
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t\u3000]*(?=\S)(.*?)(?:[ \t\u3000]+#+)?[ \t\u3000]*$", re.MULTILINE)
_MD_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def markdown_plain(text: str) -> str:
    """Markdown as the plain text a printed document has: heading marks (``## 第一章 总则``) and HTML
    comments dropped, line numbers kept (a comment's lines become empty lines)."""
    text = _MD_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return _MD_HEADING.sub(r"\1", text)


def read_source(path: Path, display: str | None = None) -> SourceText:
    """Read ``path`` into numbered lines; raise ``KnowledgeError`` naming the file."""
    name = display or str(path)
    if not path.is_file():
        raise KnowledgeError("文件不存在", name)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise KnowledgeError(f"不支持的文件类型 {suffix}（支持 {'、'.join(SUPPORTED)}）", name)
    if suffix == ".docx":
        text, encoding = _docx_text(path, name), "docx"
    elif suffix == ".pdf":
        text, encoding = _pdf_text(path, name), "pdf"
    else:
        text, encoding = decode_text(path.read_bytes(), name)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ").replace("\xa0", " ")
    if suffix == ".md":
        text = markdown_plain(text)
    if not text.strip():
        raise KnowledgeError("文件为空", name)
    lines = tuple(Line(i, t) for i, t in enumerate(text.split("\n"), start=1))
    return SourceText(path=name, encoding=encoding, lines=lines)
