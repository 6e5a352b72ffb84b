"""The requirement lines a posting states, read from its requirements text.

One line of the text is one requirement; list markers are dropped, duplicates kept once.
Interview criteria are derived from these lines, and application questions tie to them.
"""

MAX_LINES = 20
MAX_LINE_LENGTH = 300
_MARKERS = "-*•–·"


def requirement_lines(requirements: str) -> list[str]:
    """The distinct requirement lines of `requirements`, in order, at most 20 of 300 chars."""
    lines: list[str] = []
    for line in requirements.splitlines():
        text = line.strip().lstrip(_MARKERS).strip()[:MAX_LINE_LENGTH]
        if text and text not in lines:
            lines.append(text)
    return lines[:MAX_LINES]
