"""Grouped bar charts as inline SVG, drawn in Python: no script, no library, prints as vector."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

PLOT_HEIGHT = 200.0
BAR_WIDTH = 30.0
BAR_GAP = 4.0
GROUP_GAP = 28.0
LEFT, RIGHT, TOP, BOTTOM = 40.0, 8.0, 24.0, 34.0
SAME = 0.0005  # differences below this (rates) are shown as unchanged


@dataclass(frozen=True)
class Series:
    """One metric drawn in every group: ``key`` as in ``summarize()``, a label, a fill colour."""

    key: str
    label: str
    colour: str


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _value_label(value: float) -> str:
    return f"{value:.3f}".removeprefix("0")


def _axis(width: float, top: float, ticks: int = 4) -> list[str]:
    out = []
    for n in range(ticks + 1):
        value = top * n / ticks
        y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * n / ticks
        out.append(f'<line class="grid" x1="{_num(LEFT)}" x2="{_num(width - RIGHT)}" y1="{_num(y)}" y2="{_num(y)}"/>')
        out.append(f'<text class="tick" x="{_num(LEFT - 6)}" y="{_num(y + 4)}" text-anchor="end">{value:g}</text>')
    return out


def _bar(x: float, value: float, base: float | None, series: Series, group: str, top: float) -> list[str]:
    height = PLOT_HEIGHT * min(max(value, 0.0), top) / top
    y = TOP + PLOT_HEIGHT - height
    tip = f"{group} · {series.label}：{value:.3f}" + ("" if base is None else f"（基线 {base:.3f}）")
    trend = "" if base is None or abs(value - base) < SAME else (" up" if value > base else " down")
    out = [
        f'<rect class="bar" x="{_num(x)}" y="{_num(y)}" width="{_num(BAR_WIDTH)}" height="{_num(height)}" '
        f'fill="{escape(series.colour)}"><title>{escape(tip)}</title></rect>',
    ]
    label_y = y
    if base is not None:
        by = TOP + PLOT_HEIGHT - PLOT_HEIGHT * min(max(base, 0.0), top) / top
        label_y = min(y, by)
        out.append(
            f'<line class="base" x1="{_num(x - 2)}" x2="{_num(x + BAR_WIDTH + 2)}" y1="{_num(by)}" y2="{_num(by)}"/>'
        )
    out.append(
        f'<text class="val{trend}" x="{_num(x + BAR_WIDTH / 2)}" y="{_num(label_y - 4)}" text-anchor="middle">'
        f"{_value_label(value)}</text>"
    )
    return out


def bar_chart(
    groups: Sequence[str],
    series: Sequence[Series],
    values: Sequence[Sequence[float | None]],
    baseline: Sequence[Sequence[float | None]] | None = None,
    *,
    title: str = "",
    top: float = 1.0,
) -> str:
    """``values[g][s]``: series ``s`` in group ``g`` (None: no bar). ``baseline`` has the same shape
    and is drawn as a dark tick across each bar. Bar heights are proportional to value / ``top``."""
    group_width = len(series) * (BAR_WIDTH + BAR_GAP) - BAR_GAP + GROUP_GAP
    width = LEFT + len(groups) * group_width + RIGHT
    height = TOP + PLOT_HEIGHT + BOTTOM
    parts = [
        f'<svg class="chart wide" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'width="{_num(width)}" height="{_num(height)}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        *_axis(width, top),
    ]
    for g, group in enumerate(groups):
        x0 = LEFT + g * group_width + GROUP_GAP / 2
        for s, one in enumerate(series):
            value = values[g][s]
            if value is None:
                continue
            base = baseline[g][s] if baseline is not None else None
            parts += _bar(x0 + s * (BAR_WIDTH + BAR_GAP), value, base, one, group, top)
        centre = x0 + (group_width - GROUP_GAP) / 2
        label_y = TOP + PLOT_HEIGHT + 20
        parts.append(
            f'<text class="group" x="{_num(centre)}" y="{_num(label_y)}" text-anchor="middle">{escape(group)}</text>'
        )
    axis_y = TOP + PLOT_HEIGHT
    parts.append(
        f'<line class="axis" x1="{_num(LEFT)}" x2="{_num(width - RIGHT)}" y1="{_num(axis_y)}" y2="{_num(axis_y)}"/>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def hbar_chart(
    groups: Sequence[str],
    series: Sequence[Series],
    values: Sequence[Sequence[float | None]],
    baseline: Sequence[Sequence[float | None]] | None = None,
    *,
    title: str = "",
    top: float = 1.0,
    width: float = 360.0,
) -> str:
    """The same data as ``bar_chart`` laid out for a narrow screen: one block per group, one
    horizontal bar per series, the value at its end, the baseline as a dark vertical tick."""
    row, gap, head, right = 13.0, 3.0, 20.0, 44.0
    block = head + len(series) * (row + gap) + 8
    plot = width - 2 - right
    parts = [
        f'<svg class="chart narrow" viewBox="0 0 {_num(width)} {_num(block * len(groups))}" '
        f'width="{_num(width)}" height="{_num(block * len(groups))}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for g, group in enumerate(groups):
        y0 = g * block
        parts.append(f'<text class="group" x="2" y="{_num(y0 + 15)}">{escape(group)}</text>')
        for s, one in enumerate(series):
            value = values[g][s]
            if value is None:
                continue
            y = y0 + head + s * (row + gap)
            length = plot * min(max(value, 0.0), top) / top
            base = baseline[g][s] if baseline is not None else None
            trend = "" if base is None or abs(value - base) < SAME else (" up" if value > base else " down")
            parts.append(
                f'<rect class="hbar" x="2" y="{_num(y)}" width="{_num(length)}" height="{_num(row)}" '
                f'fill="{escape(one.colour)}"><title>{escape(f"{group} · {one.label}：{value:.3f}")}</title></rect>'
            )
            reach = length
            if base is not None:
                reach = max(reach, plot * min(max(base, 0.0), top) / top)
                bx = 2 + plot * min(max(base, 0.0), top) / top
                parts.append(
                    f'<line class="base" x1="{_num(bx)}" x2="{_num(bx)}" y1="{_num(y - 2)}" y2="{_num(y + row + 2)}"/>'
                )
            label_x = 2 + reach + 5
            parts.append(
                f'<text class="val{trend}" x="{_num(label_x)}" y="{_num(y + row - 2)}">{_value_label(value)}</text>'
            )
    parts.append("</svg>")
    return "\n".join(parts)


def legend(series: Sequence[Series], with_baseline: bool) -> str:
    items = [f'<span><i style="background:{escape(s.colour)}"></i>{escape(s.label)}</span>' for s in series]
    if with_baseline:
        items.append('<span><i class="tick-key"></i>基线</span>')
    return '<p class="legend">' + "".join(items) + "</p>"
