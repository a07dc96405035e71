"""Command line: ``assistant ingest | index | ask | eval``."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from assistant.errors import UserError
from assistant.settings import Settings, load_settings

if TYPE_CHECKING:
    from assistant.answering.pipeline import Assistant
    from assistant.models import Answer, Mode

app = typer.Typer(add_completion=False, no_args_is_help=True, help="市政府工作规则问答助手")
console = Console()
err_console = Console(stderr=True)
log = logging.getLogger("assistant")

ModeOpt = Literal["extractive", "llm"]  # typer shows and checks the choices
KnowledgeOpt = Annotated[
    Path | None, typer.Option("--knowledge", help="知识库目录（默认 knowledge/ 或 $ASSISTANT_KNOWLEDGE_DIR）")
]


def _settings(knowledge: Path | None = None) -> Settings:
    """The one settings object for this command: the environment, plus ``--knowledge`` if given."""
    return load_settings(**({"knowledge_dir": knowledge} if knowledge else {}))


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="输出调试日志")] = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    # A handler-level threshold: libraries (bm25s) set their own logger levels on import.
    handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, handlers=[handler], force=True)


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
    from assistant.knowledge.ingest import ARTICLES_FILE, REGISTRY_FILE
    from assistant.knowledge.ingest import ingest as run_ingest
    from assistant.knowledge.registry import load_registry

    with user_errors():
        kdir = _settings(knowledge).knowledge_dir
        registry = load_registry(kdir / REGISTRY_FILE)
        with _progress() as progress:
            result = run_ingest(kdir, on_file=progress_callback(progress, "解析源文件", len(registry.files())))
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
        + str(kdir / ARTICLES_FILE)
    )


def _open_assistant(settings: Settings) -> Assistant:
    """Build the assistant, showing progress while the index embeds new articles.

    On a terminal: a progress bar. Otherwise (logs, CI, a service manager): a plain line on
    stderr at every 10%, so a first build never looks hung.
    """
    import sqlite3

    from assistant.answering.pipeline import Assistant
    from assistant.errors import IndexUnavailable
    from assistant.retrieval.index import KnowledgeIndex

    with _progress() as progress:
        task = progress.add_task("建立索引（仅首次或条文变化时）", total=None)
        logged = [-1]

        def on_progress(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)
            if err_console.is_terminal or total <= 0:
                return
            tenth = done * 10 // total
            if tenth > logged[0]:
                logged[0] = tenth
                print(f"建立索引：{done}/{total} 条（{tenth * 10}%）", file=sys.stderr, flush=True)

        try:
            index = KnowledgeIndex.open(settings, on_progress=on_progress)
        except OSError as e:  # a file we could not read or write: say which, never a traceback
            where = f" {e.filename}" if e.filename else ""
            raise IndexUnavailable(f"无法读写文件{where}（{e.strerror or e}）：请检查权限和磁盘空间。") from e
        except sqlite3.Error as e:
            raise IndexUnavailable(f"数据目录 {settings.data_dir} 中的数据库无法使用（{e}）。") from e
    return Assistant(settings, index=index)


def _mode_line(a: Assistant) -> str:
    if a.llm:
        return f"大模型模式：{a.llm.name}（回答经条文核验，失败时改用条文原文）"
    return "离线抽取式回答（未配置大模型：设置 OPENAI_BASE_URL 或 OPENAI_API_KEY 可启用）"


@app.command()
def index(
    knowledge: KnowledgeOpt = None,
    ship: Annotated[bool, typer.Option("--ship", help="把条文向量写入 knowledge/vectors/，随项目分发")] = False,
) -> None:
    """建立或同步检索索引（Chroma + BM25）。"""
    from assistant.answering.clauses import sentences
    from assistant.answering.provisions import phrases
    from assistant.retrieval.embeddings import shipped_vectors_path
    from assistant.retrieval.index import passage_text

    with user_errors():
        settings = _settings(knowledge)
        a = _open_assistant(settings)
        if ship:
            target = shipped_vectors_path(settings.knowledge_dir, a.index.model_name)
            clauses = [c for x in a.index.articles for c in sentences(x, settings.weights.long_sentence)]
            parts = [p for x in a.index.articles for p in phrases(x.text)]  # compared across places (provisions)
            a.index.embeddings.export([passage_text(x) for x in a.index.articles] + clauses + parts, target)
            console.print(
                f"已写入 {target}（{len(a.index.articles)} 条，{len(set(clauses))} 个语句，{len(set(parts))} 个分句）"
            )
    r = a.index.report
    console.print(
        f"索引就绪：{len(a.index.articles)} 条；本次嵌入 {r.embedded} 条，删除 {r.deleted} 条，"
        f"未变 {r.unchanged} 条；模型 {a.index.model_name}；位置 {a.index.manifest()['chroma']}"
    )


def _print_answer(answer: Answer, as_json: bool) -> None:
    import json

    from rich.panel import Panel

    if as_json:
        console.print_json(json.dumps(answer.to_dict(), ensure_ascii=False))
        return
    style = "yellow" if answer.refused else "green"
    title = "未找到依据" if answer.refused else ("回答（大模型撰写，已核验）" if answer.mode == "llm" else "回答")
    console.print(Panel(answer.answer, title=title, border_style=style, highlight=False))
    for c in answer.citations:
        chapter = f" · {c.article.chapter.label}" if c.article.chapter else ""
        console.print(f"[bold]{c.article.citation}[/]{chapter} · {c.article.city_name} · {c.article.document_number}")
    if answer.notice:
        console.print(f"[yellow]提示：{answer.notice}[/]", highlight=False)
    if answer.refused and answer.retrieved:
        console.print("[dim]最接近的条文：" + "、".join(h.article.citation for h in answer.retrieved[:3]) + "[/]")


@app.command()
def ask(
    question: Annotated[str | None, typer.Argument(help="问题；用 - 从标准输入逐行读取多个问题")] = None,
    city: Annotated[str | None, typer.Option("--city", "-c", help="地区：datong / 大同 / 晋城城区 …")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="问题文件，每行一个")] = None,
    mode: Annotated[
        ModeOpt | None, typer.Option("--mode", help="extractive | llm（默认：已配置大模型时为 llm）")
    ] = None,
    knowledge: KnowledgeOpt = None,
) -> None:
    """提问：给出依据条款原文与出处。不带问题时进入交互模式。"""
    from assistant.errors import InvalidQuestion

    with user_errors():
        a = _open_assistant(_settings(knowledge))
        if city:
            a.resolve_city(city)
        if file or question == "-":
            if file and not file.is_file():
                raise InvalidQuestion(f"问题文件不存在：{file}")
            lines = (file.read_text(encoding="utf-8") if file else sys.stdin.read()).splitlines()
            for line in (ln.strip() for ln in lines):
                if line:
                    _ask_one(a, line, city, as_json, mode)
            return
        if question is not None:
            _ask_one(a, question, city, as_json, mode, raise_errors=True)
            return
    console.print(f"[bold]市政府工作规则问答[/]（{'、'.join(a.city_names())}）。输入问题，回车提问；Ctrl-D 退出。")
    console.print(f"[dim]{_mode_line(a)}[/]")
    while True:
        try:
            line = console.input("[bold cyan]问> [/]")
        except (EOFError, KeyboardInterrupt):
            console.print()
            return
        if line.strip():
            _ask_one(a, line, city, as_json, mode)


def _ask_one(
    a: Assistant, question: str, city: str | None, as_json: bool, mode: Mode | None = None, raise_errors: bool = False
) -> None:
    try:
        if as_json or (mode or a.mode) == "extractive":
            _print_answer(a.ask(question, city=city, mode=mode), as_json)
            return
        final = None
        for event in a.ask_stream(question, city=city, mode=mode):  # LLM: show verified text as it comes
            if event.kind == "delta":
                console.print(event.text, end="", highlight=False, markup=False)
            elif event.kind == "reset":
                console.print("\n[dim]（大模型回答未通过核验，改用条文原文）[/]")
            else:
                final = event.answer
        console.print()
        if final is not None:
            _print_answer(final, False)
    except UserError as e:
        if raise_errors:
            raise
        err_console.print(f"[bold red]错误：[/]{e}", highlight=False)


@app.command("eval")
def eval_command(
    city: Annotated[str | None, typer.Option("--city", help="只评测一个地区")] = None,
    gold: Annotated[list[Path] | None, typer.Option("--gold", help="评测集文件（可多次指定）")] = None,
    blind: Annotated[bool, typer.Option("--blind", help="评测盲测集 evals/blind/（每轮工作结束时只跑一次）")] = False,
    mode: Annotated[ModeOpt, typer.Option("--mode", help="extractive | llm")] = "extractive",
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出指标与逐题结果")] = False,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="基线文件；低于基线（含容差）则退出码为 1")
    ] = None,
    update_baseline: Annotated[bool, typer.Option("--update-baseline", help="用本次结果重写基线文件")] = False,
    tolerance: Annotated[float | None, typer.Option("--tolerance", help="门禁容差（默认取基线中的值）")] = None,
    report: Annotated[Path, typer.Option("--report", help="Markdown 报告路径")] = Path("evals/reports/latest.md"),
    html: Annotated[Path | None, typer.Option("--html", help="HTML 报告路径（默认与 Markdown 报告同名 .html）")] = None,
    knowledge: KnowledgeOpt = None,
) -> None:
    """离线回归评测：逐题打分、写报告（Markdown、JSON、HTML），并按基线把关。"""
    import json

    from assistant.errors import ConfigError
    from assistant.evaluation import outputs, runner
    from assistant.evaluation import report as rep
    from assistant.evaluation.gold import default_gold_paths, load_gold

    with user_errors():
        settings = _settings(knowledge)
        a = _open_assistant(settings)
        if mode == "llm" and a.llm is None:
            raise ConfigError(
                "LLM 模式需要配置大模型接口：设置 OPENAI_BASE_URL（及 OPENAI_API_KEY、ASSISTANT_LLM_MODEL）。"
            )
        slug = a.resolve_city(city) if city else None
        if blind:
            paths = sorted((settings.gold_dir.parent / "blind").glob("*.jsonl"))
        else:
            paths = list(gold) if gold else default_gold_paths(settings.gold_dir, slug)
        items = load_gold(paths, a.index.articles, a.cities)
        with _progress() as progress:
            results = runner.run(a, items, progress_callback(progress, "评测", len(items)), mode=mode)
        summary = runner.summarize(results)
        # The report compares with the committed baseline by default (the full development sets only);
        # only an explicit --baseline gates the exit code.
        default = settings.gold_dir.parent / "baseline.json"
        compare = baseline or (default if default.is_file() and not (blind or gold or city) else None)
        base, regressions, newly = outputs.compare(summary, results, None if update_baseline else compare, tolerance)
        sources = outputs.Sources.of(a.index.articles, items)
        page = outputs.write_reports(
            report, html, summary, results, mode, sources, base, regressions, newly, str(compare)
        )
        if update_baseline:
            target = baseline or Path("evals/baseline.json")
            tol = runner.DEFAULT_TOLERANCE if tolerance is None else tolerance
            doc = runner.baseline_document(summary, results, tol, mode)
            target.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if as_json:
        sys.stdout.write(runner.results_json(summary, results) + "\n")
    else:
        for split, title in rep.SPLITS:
            if split != "all" and not any(k.endswith(f"/{split}") for k in summary):
                continue
            if console.is_terminal:
                console.print(rep.rich_table(summary, split, title))
            else:  # logs (CI): plain Markdown keeps every column readable
                sys.stdout.write(f"\n{title}\n{rep.table(summary, split)}\n")
        console.print(f"报告：{report}、{page}")
    if regressions or newly:
        for r in regressions or []:
            now = "—" if r.current is None else f"{r.current:.3f}"
            err_console.print(f"[red]回归[/] {r.group} {r.metric}: 基线 {r.baseline:.3f} → {now}", highlight=False)
        for q in newly or []:
            err_console.print(f"[red]新失败[/] {q.id} {q.question}（{q.cause}）", highlight=False)
        failed = base is not None and runner.gate_fails(regressions or [], newly or [], runner.flips(base))
        if baseline and failed:
            raise typer.Exit(1)  # the gate: only when asked for
        if base is not None and not failed:
            err_console.print(
                f"新失败 {len(newly or [])} 道，未超过机器间浮点差异允许的 {runner.flips(base)} 道：门禁通过"
            )


@app.command()
def calibrate(
    folds: Annotated[int, typer.Option(help="交叉验证折数")] = 5,
    corpus: Annotated[
        list[Path] | None,
        typer.Option("--corpus", help="另加的开发语料目录（registry.toml、raw/、*.jsonl），可多次指定"),
    ] = None,
    knowledge: KnowledgeOpt = None,
) -> None:
    """在开发集上（交叉验证）拟合拒答模型，写入 assistant/data/refusal.json 并报告各留出折的结果。"""
    from assistant.evaluation import calibrate as cal
    from assistant.evaluation.corpus import check_corpus, open_corpus, question_files
    from assistant.evaluation.gold import default_gold_paths, load_gold

    with user_errors():
        settings = _settings(knowledge).model_copy(update={"refusal_model": None})  # signals only
        for extra in corpus or []:  # before the long part: a wrong directory is said at once
            check_corpus(extra)
        a = _open_assistant(settings)
        items = load_gold(default_gold_paths(settings.gold_dir), a.index.articles, a.cities)
        exs = cal.examples(a, items)
        for extra in corpus or []:
            with open_corpus(extra, settings) as b:
                found = cal.examples(b, load_gold(question_files(extra), b.index.articles, b.cities))
                # each corpus weighs as one place, and is held out as one (two corpora of national regulations
                # are two kinds of documents nobody tuned for, not one)
                exs += [replace(e, group=f"{e.group}:{extra.name}") for e in found]
        model = cal.calibrate(exs, folds=folds)
        target = _settings(knowledge).refusal_model
        if target is None:
            raise typer.BadParameter("ASSISTANT_REFUSAL_MODEL 未设置：不知道写到哪里")
        model.save(target)
    console.print(cal.report_table(model, folds))
    console.print(f"已写入 {target}（阈值 {model.threshold:.2f}）")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="端口")] = 7860,
    knowledge: KnowledgeOpt = None,
) -> None:
    """启动网页问答、JSON API、OpenAI 兼容接口与嵌入式组件（一个服务）。"""
    import uvicorn

    with user_errors():
        a = _open_assistant(_settings(knowledge))
        from assistant.serve.app import create_app

        web = create_app(a)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    console.print(f"[bold green]问答服务已启动[/]：http://{shown}:{port}/  （API 文档 /docs）")
    console.print(_mode_line(a))
    console.print(f'嵌入内网页面：<script src="http://{shown}:{port}/widget.js" data-city="datong" async></script>')
    # Open chat streams must not hold up a stop; X-Forwarded-For is judged by the guard (trusted_proxies)
    uvicorn.run(web, host=host, port=port, log_level="warning", timeout_graceful_shutdown=3, proxy_headers=False)


@app.command("feedback-export")
def feedback_export(
    out: Annotated[Path, typer.Option(help="👍 反馈导出为候选评测题（evals/gold 格式）")] = Path(
        "evals/feedback.jsonl"
    ),
    review: Annotated[Path, typer.Option(help="👎 反馈导出为待复核题")] = Path("evals/feedback-review.jsonl"),
) -> None:
    """导出网页上的 👍/👎 反馈为评测题（JSONL）。"""
    import json

    from assistant.knowledge.ingest import load_articles
    from assistant.serve.feedback import FeedbackStore

    with user_errors():
        settings = _settings()
        articles = {a.id: a for a in load_articles(settings.knowledge_dir)}
        result = FeedbackStore.in_dir(settings.data_dir).export(articles)
    good, bad = result.good, result.review
    for path, rows in ((out, good), (review, bad)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    console.print(f"候选评测题 {len(good)} 条 → {out}；待复核 {len(bad)} 条 → {review}")
    if result.skipped:
        err_console.print(
            f"[yellow]跳过 {len(result.skipped)} 条无法使用的反馈（内容不是本服务的回答，或引用了知识库中没有的条文）：[/]",
            highlight=False,
        )
        for fid, why in result.skipped[:20]:
            err_console.print(f"  fb-{fid:05d}：{why}", highlight=False, markup=False)
        if len(result.skipped) > 20:
            err_console.print(f"  …… 另有 {len(result.skipped) - 20} 条", highlight=False, markup=False)


@app.command("intranet-demo")
def intranet_demo(
    port: Annotated[int, typer.Option(help="演示页面端口（与问答服务不同源）")] = 8080,
    assistant_url: Annotated[str, typer.Option("--assistant-url", help="问答服务地址")] = "http://127.0.0.1:7860",
) -> None:
    """在另一个端口提供 examples/intranet.html，演示嵌入式组件。"""
    from assistant.serve.demo import serve_intranet_demo

    console.print(f"演示内网页面：http://127.0.0.1:{port}/intranet.html（组件来自 {assistant_url}）")
    serve_intranet_demo(port, assistant_url.rstrip("/"))
