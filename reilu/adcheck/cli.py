"""``reilu check-ad FILE [--format json|text] [--lang fi|sv|en] [--advice-lang fi|sv|en]``.

Exit status: 0 no errors, 1 errors found, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys

from .checker import LANGUAGES, PostingError, check, check_posting
from .report import Report


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse would exit 2 itself; raising keeps main() returning an int.
        raise _BadInput(f"{self.prog}: {message}")


class _BadInput(Exception):
    """Input the checker cannot read: exit status 2 with the message on stderr."""


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reilu check-ad",
        description="Check a job ad (plain text, or a posting as a JSON object) "
        "in Finnish, Swedish or English.",
    )
    parser.add_argument("file", metavar="FILE", help="ad text or JSON posting; '-' reads stdin")
    parser.add_argument("--format", default="text", help="output format: text (default) or json")
    parser.add_argument("--lang", default=None, help="language of the ad: fi, sv or en")
    parser.add_argument(
        "--advice-lang",
        default=None,
        help="language of the advice: fi, sv or en (default: the ad's language)",
    )
    return parser


def _read(path: str) -> str:
    try:
        data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()  # noqa: SIM115
    except OSError as exc:
        raise _BadInput(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _BadInput(f"{path} is not UTF-8 text (byte {exc.start})") from exc


def _as_posting(text: str) -> dict[str, object] | None:
    if not text.lstrip().startswith("{"):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def format_text(report: Report, text: str | None) -> str:
    lines = [f"language: {report.language}  score: {report.score}/100"]
    if not report.findings:
        lines.append("no findings")
    for f in report.findings:
        where = ""
        if f.start is not None and f.end is not None and text is not None:
            quote = " ".join(text[f.start : f.end].split())
            if len(quote) > 80:
                quote = quote[:77] + "..."
            where = f'  [line {_line_of(text, f.start)}: "{quote}"]'
        lines.append(f"{f.severity:<7} {f.code}: {f.message}{where}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
        if args.format not in ("text", "json"):
            raise _BadInput(f"unknown format {args.format!r}; use text or json")
        for option, value in (("language", args.lang), ("advice language", args.advice_lang)):
            if value is not None and value not in LANGUAGES:
                raise _BadInput(f"unknown {option} {value!r}; use fi, sv or en")
        text = _read(args.file)
        posting = _as_posting(text)
        if posting is not None:
            if args.lang:
                posting = {**posting, "language": args.lang}
            report = check_posting(posting, args.advice_lang)
            shown = posting.get("description")
        else:
            report, shown = check(text, args.lang, args.advice_lang), text
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    except _BadInput as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except PostingError as exc:
        print(f"error: bad posting: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_text(report, shown if isinstance(shown, str) else None))
    return 1 if report.has_errors else 0
