"""Command line: ``assistant ingest | index | ask | eval``."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from . import config
from .errors import UserError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="市政府工作规则问答助手")
console = Console()
err_console = Console(stderr=True)
log = logging.getLogger("assistant")

KnowledgeOpt = Annotated[
    Path | None, typer.Option("--knowledge", help="知识库目录（默认 knowledge/ 或 $ASSISTANT_KNOWLEDGE_DIR）")
]


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="输出调试日志")] = False) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@contextmanager
def user_errors() -> Iterator[None]:
    """Show a ``UserError`` as one readable line and exit 1; never a traceback."""
    try:
        yield
    except UserError as e:
        err_console.print(f"[bold red]错误：[/]{e}", highlight=False)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )


def progress_callback(progress: Progress, description: str, total: int) -> Callable[..., None]:
    task = progress.add_task(description, total=total)
    return lambda *_: progress.advance(task)


@app.command()
def ingest(knowledge: KnowledgeOpt = None) -> None:
    """从 knowledge/raw/ 与登记表重新生成 knowledge/articles.jsonl。"""
    from .ingest import ingest as run_ingest
    from .registry import load_registry

    kdir = knowledge or config.knowledge_dir()
    with user_errors():
        registry = load_registry(kdir / "registry.toml")
        with _progress() as progress:
            result = run_ingest(
                kdir, on_file=progress_callback(progress, "解析源文件", len(registry.files()))
            )
    table = Table(title="条文库", show_lines=False)
    for col in ("地区", "文件", "文号", "章", "条"):
        table.add_column(col, justify="right" if col in ("章", "条") else "left")
    for d in result.documents:
        table.add_row(d.city_name, f"《{d.title}》", d.number, str(d.chapters or "—"), str(d.articles))
    table.add_row("合计", f"{len(result.documents)} 个文件", "", "", str(len(result.articles)), style="bold")
    console.print(table)
    console.print(
        f"修复跨页断句 {len(result.repairs)} 处；"
        + ("已写入 " if result.changed else "内容未变，未改写 ")
        + str(kdir / "articles.jsonl")
    )
