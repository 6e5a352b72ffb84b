"""Django's {# … #} comment ends at the line's end: one that runs on to the next line is
printed on the page as text (it once showed on every candidate's status page)."""

import re
from pathlib import Path

import reilu

OPEN_COMMENT = re.compile(r"\{#(?:(?!#\}).)*$", re.MULTILINE)


def test_no_template_comment_runs_past_its_line():
    root = Path(reilu.__file__).parent
    broken = [
        f"{path.relative_to(root)}:{text[: m.start()].count(chr(10)) + 1}"
        for path in sorted(root.rglob("*.html"))
        for text in [path.read_text()]
        for m in OPEN_COMMENT.finditer(text)
    ]
    assert broken == []


def test_the_status_page_shows_no_template_syntax(client, application):
    html = client.get(f"/status/{application.raw_token}/").content.decode()
    assert "{#" not in html and "#}" not in html and "{%" not in html
