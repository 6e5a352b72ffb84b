"""Charts as inline SVG, drawn on the server: no scripts, no inline styles.

Shapes carry SVG attributes for geometry and CSS classes (reilu.css, "Charts") for looks.
Each chart has a title and a description for screen readers, and the page shows the same
numbers as a table next to it.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
ROW = 30
LABEL_W = 190
VALUE_W = 70
FONT = 13  # px of .chart-tick in reilu.css, in the SVG's own units (it scales with the chart)
# A generous average advance per character (sans-serif, Finnish month names included), so
# the estimated box of a label is never narrower than the drawn text.
CHAR_EM = 0.68
LABEL_GAP = 6


@dataclass
class Chart:
    title: str
    description: str
    svg: SafeString
    headers: tuple[str, str]
    rows: list[tuple[str, str]] = field(default_factory=list)
    # No figures at all: the page says so instead of drawing empty axes.
    empty: bool = False


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        value = round(value, 1)
    if isinstance(value, float) and value != int(value):
        # 5,1 in Finnish and Swedish, 5.1 in English (the active language's format).
        text = number_format(value, 1, use_l10n=True)
    else:
        text = str(int(value))
    return f"{text}{unit}"


def _short(label: str, limit: int = 26) -> str:
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1] + "…"


def label_width(label: str) -> float:
    return len(str(label)) * FONT * CHAR_EM


def label_positions(centers: list[float], labels: list[str], step: float) -> dict[int, float]:
    """Where to draw which labels (index → x of the text's middle) so that no two meet.

    Every n-th label is drawn, counted from the latest, each kept inside the chart; a label
    that would still touch its right-hand neighbour is left out. The table under the chart
    names every month.
    """
    widest = max((label_width(label) for label in labels), default=0)
    stride = 1
    while stride * step < widest + LABEL_GAP:
        stride += 1
    drawn: dict[int, float] = {}
    boundary: float = WIDTH + LABEL_GAP  # the left edge of the label drawn to the right
    for i in range(len(labels) - 1, -1, -1):
        if (len(labels) - 1 - i) % stride:
            continue
        half = label_width(labels[i]) / 2
        x = min(max(centers[i], half + 1), WIDTH - half - 1)  # 1 unit clear of the edges
        if x + half + LABEL_GAP <= boundary:
            drawn[i] = round(x, 1)
            boundary = x - half
    return drawn


def _svg(title: str, description: str, width: int, height: int, body) -> SafeString:
    ref = uuid.uuid4().hex[:8]
    return format_html(
        '<svg class="chart-svg" viewBox="0 0 {} {}" role="img" aria-labelledby="{} {}">'
        '<title id="{}">{}</title><desc id="{}">{}</desc>{}</svg>',
        width,
        height,
        f"chart-t-{ref}",
        f"chart-d-{ref}",
        f"chart-t-{ref}",
        title,
        f"chart-d-{ref}",
        description,
        body,
    )


def bar_chart(
    title: str,
    description: str,
    items: Sequence[tuple[str, float | None]],
    *,
    unit: str = "",
    headers: tuple[str, str] = ("", ""),
    zero_is_data: bool = False,
) -> Chart:
    """Horizontal bars, one per item, scaled to the largest value.

    Counts of zero everywhere mean there is nothing to show; for measures such as durations
    (`zero_is_data`) a zero is a figure like any other.
    """
    top = max((v for _, v in items if v), default=0) or 1
    span = WIDTH - LABEL_W - VALUE_W
    parts = []
    for i, (label, value) in enumerate(items):
        y = i * ROW
        length = round(span * (value or 0) / top, 1)
        parts.append(
            format_html(
                '<text class="chart-label" x="{}" y="{}" text-anchor="end">{}</text>'
                '<rect class="chart-bar c{}" x="{}" y="{}" width="{}" height="{}" rx="3"></rect>'
                '<text class="chart-value" x="{}" y="{}">{}</text>',
                LABEL_W - 8,
                y + 19,
                _short(label),
                i % 8,
                LABEL_W,
                y + 5,
                max(length, 1 if value else 0),
                ROW - 10,
                LABEL_W + length + 6,
                y + 19,
                _fmt(value, unit),
            )
        )
    body = mark_safe("".join(parts))  # noqa: S308 - every part is built with format_html
    height = max(len(items), 1) * ROW + 4
    return Chart(
        title,
        description,
        _svg(title, description, WIDTH, height, body),
        headers,
        [(str(label), _fmt(value, unit)) for label, value in items],
        empty=not any(v is not None and (zero_is_data or v != 0) for _label, v in items),
    )


def column_chart(
    title: str,
    description: str,
    items: list[tuple[str, float | None]],
    *,
    low: float,
    high: float,
    unit: str = "",
    headers: tuple[str, str] = ("", ""),
) -> Chart:
    """Columns over time on a fixed scale from `low` to `high`; gaps where no value."""
    height, top_pad, bottom_pad, left = 220, 12, 34, 44
    plot_h = height - top_pad - bottom_pad
    n = max(len(items), 1)
    step = (WIDTH - left) / n

    def y_of(v: float) -> float:
        return round(top_pad + plot_h * (high - v) / (high - low), 1)

    zero = y_of(max(low, 0))
    label_x = label_positions(
        [left + (i + 0.5) * step for i in range(len(items))], [str(t) for t, _v in items], step
    )
    parts = [
        format_html(
            '<line class="chart-axis" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
            '<text class="chart-tick" x="{}" y="{}" text-anchor="end">{}</text>'
            '<text class="chart-tick" x="{}" y="{}" text-anchor="end">{}</text>'
            '<text class="chart-tick" x="{}" y="{}" text-anchor="end">{}</text>',
            left,
            zero,
            WIDTH,
            zero,
            left - 6,
            y_of(high) + 4,
            _fmt(high, unit),
            left - 6,
            zero + 4,
            _fmt(max(low, 0), unit),
            left - 6,
            y_of(low) + 4,
            _fmt(low, unit),
        )
    ]
    for i, (label, value) in enumerate(items):
        x = round(left + i * step + step * 0.15, 1)
        w = round(step * 0.7, 1)
        if value is not None:
            y = min(y_of(value), zero)
            h = max(abs(y_of(value) - zero), 1)
            parts.append(
                format_html(
                    '<rect class="chart-bar{}" x="{}" y="{}" width="{}" height="{}" rx="2"></rect>',
                    " chart-neg" if value < 0 else "",
                    x,
                    y,
                    w,
                    h,
                )
            )
        else:
            parts.append(
                format_html(
                    '<text class="chart-tick" x="{}" y="{}" text-anchor="middle">–</text>',
                    x + w / 2,
                    zero - 4,
                )
            )
        if i in label_x:
            parts.append(
                format_html(
                    '<text class="chart-tick chart-xlabel" x="{}" y="{}" text-anchor="middle">'
                    "{}</text>",
                    label_x[i],
                    height - 12,
                    label,
                )
            )
    body = mark_safe("".join(parts))  # noqa: S308 - every part is built with format_html
    return Chart(
        title,
        description,
        _svg(title, description, WIDTH, height, body),
        headers,
        [(str(label), _fmt(value, unit)) for label, value in items],
        empty=all(value is None for _label, value in items),
    )


__all__ = ["Chart", "bar_chart", "column_chart", "label_positions", "label_width"]
