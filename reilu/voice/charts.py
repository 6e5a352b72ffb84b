"""Charts as inline SVG, drawn on the server: no scripts, no inline styles.

Shapes carry SVG attributes for geometry and CSS classes (reilu.css, "Charts") for looks.
Each chart has a title and a description for screen readers, and the page shows the same
numbers as a table next to it.
"""

import uuid
from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
ROW = 30
LABEL_W = 190
VALUE_W = 70


@dataclass
class Chart:
    title: str
    description: str
    svg: SafeString
    headers: tuple[str, str]
    rows: list[tuple[str, str]] = field(default_factory=list)


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    text = f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return f"{text}{unit}"


def _short(label: str, limit: int = 26) -> str:
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1] + "…"


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
    items: list[tuple[str, float | None]],
    *,
    unit: str = "",
    headers: tuple[str, str] = ("", ""),
) -> Chart:
    """Horizontal bars, one per item, scaled to the largest value."""
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
        parts.append(
            format_html(
                '<text class="chart-tick" x="{}" y="{}" text-anchor="middle">{}</text>',
                x + w / 2,
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
    )


__all__ = ["Chart", "bar_chart", "column_chart"]
