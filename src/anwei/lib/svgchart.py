"""Charts drawn on the server as SVG: horizontal (stacked) bars and lines. No JavaScript, nothing fetched.

Each chart is a plain string of SVG markup; every text is escaped here. Each bar segment and line point can
link to the list behind it, and carries a <title> (its label and number) for a pointer and a screen reader;
pages show the same numbers as a table. The chart is role="img" with a summary, or role="figure" when it holds
links (an image's content is presentational, so links inside it would be hidden from assistive technology).
Colours are chosen to stay apart for the common colour-vision deficiencies (Okabe–Ito palette)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape


def _with_role(svg: str) -> str:
    return svg.replace('role="img"', 'role="figure"', 1) if "<a href" in svg else svg

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#999999")
FONT = 'font-family="Noto Sans CJK TC, Noto Sans TC, sans-serif"'


@dataclass
class Bar:
    label: str
    values: Sequence[float]  # one per series, stacked left to right
    hrefs: Sequence[str] = field(default_factory=tuple)  # per series: the list behind the number ("" for none)
    label_href: str = ""


def _text_width(text: str, size: int) -> int:
    """Roughly: a CJK character is one em, anything else half of one."""
    return sum(size if ord(c) > 0x2E80 else size // 2 + 1 for c in text)


def _link(href: str, inner: str) -> str:
    return f'<a href="{escape(href)}">{inner}</a>' if href else inner


def _number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}"


def _legend(series: Sequence[str], x: int, y: int, colors: Sequence[str]) -> str:
    out = []
    for i, name in enumerate(series):
        out.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{colors[i % len(colors)]}"/>'
                   f'<text x="{x + 16}" y="{y}" font-size="12" {FONT}>{escape(name)}</text>')
        x += 16 + _text_width(name, 12) + 16
    return _with_role("".join(out))


def bar_chart(*, title: str, series: Sequence[str], bars: Sequence[Bar], width: int = 640, bar_height: int = 20,
              colors: Sequence[str] = PALETTE, chart_id: str = "") -> str:
    """Horizontal bars, one per Bar, each stacked from its series' values; the total at the end."""
    label_w = min(max([_text_width(b.label, 12) for b in bars] + [40]) + 8, 240)
    top, gap = 28, 6
    height = top + len(bars) * (bar_height + gap) + 10
    plot_w = width - label_w - 50
    biggest = max([sum(b.values) for b in bars] + [1])
    summary = f"{title}：" + "；".join(
        f"{b.label} " + "、".join(f"{s}{_number(v)}" for s, v in zip(series, b.values)) for b in bars)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" width="100%" '
           f'role="img" aria-label="{escape(summary)}"{f" id={chr(34)}{escape(chart_id)}{chr(34)}" if chart_id else ""}>',
           f"<title>{escape(title)}</title>",
           _legend(series, label_w, 16, colors) if len(series) > 1 else ""]
    for n, b in enumerate(bars):
        y = top + n * (bar_height + gap)
        out.append(_link(b.label_href, f'<text x="{label_w - 6}" y="{y + bar_height - 5}" font-size="12" '
                                       f'text-anchor="end" {FONT}>{escape(b.label)}</text>'))
        x = float(label_w)
        for i, v in enumerate(b.values):
            if v <= 0:
                continue
            w = plot_w * v / biggest
            href = b.hrefs[i] if i < len(b.hrefs) else ""
            rect = (f'<rect x="{x:.1f}" y="{y}" width="{max(w, 1):.1f}" height="{bar_height}" '
                    f'fill="{colors[i % len(colors)]}"><title>{escape(b.label)}：{escape(series[i])} {_number(v)}</title></rect>')
            out.append(_link(href, rect))
            x += w
        out.append(f'<text x="{x + 4:.1f}" y="{y + bar_height - 5}" font-size="12" {FONT}>{_number(sum(b.values))}</text>')
    out.append("</svg>")
    return _with_role("".join(out))


def line_chart(*, title: str, series: Sequence[str], xlabels: Sequence[str], values: Sequence[Sequence[float]],
               width: int = 640, height: int = 220, colors: Sequence[str] = PALETTE, chart_id: str = "") -> str:
    """One line per series over the x labels (values[series][x])."""
    left, right, top, bottom = 36, 16, 28, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    biggest = max([v for row in values for v in row] + [1])
    step = plot_w / max(len(xlabels) - 1, 1)
    summary = f"{title}：" + "；".join(
        f"{x} " + "、".join(f"{s}{_number(values[i][j])}" for i, s in enumerate(series)) for j, x in enumerate(xlabels))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" width="100%" '
           f'role="img" aria-label="{escape(summary)}"{f" id={chr(34)}{escape(chart_id)}{chr(34)}" if chart_id else ""}>',
           f"<title>{escape(title)}</title>", _legend(series, left, 16, colors),
           f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#666"/>',
           f'<text x="{left - 4}" y="{top + 4}" font-size="11" text-anchor="end" {FONT}>{_number(biggest)}</text>',
           f'<text x="{left - 4}" y="{top + plot_h}" font-size="11" text-anchor="end" {FONT}>0</text>']
    for j, x in enumerate(xlabels):
        out.append(f'<text x="{left + j * step:.1f}" y="{height - 14}" font-size="11" text-anchor="middle" {FONT}>'
                   f"{escape(x)}</text>")
    for i, name in enumerate(series):
        color = colors[i % len(colors)]
        points = [(left + j * step, top + plot_h - plot_h * v / biggest) for j, v in enumerate(values[i])]
        if len(points) > 1:
            out.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="'
                       + " ".join(f"{px:.1f},{py:.1f}" for px, py in points) + '"/>')
        for j, (px, py) in enumerate(points):
            out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{color}"><title>{escape(xlabels[j])} '
                       f"{escape(name)} {_number(values[i][j])}</title></circle>")
    out.append("</svg>")
    return _with_role("".join(out))
