"""Score the checker against labelled corpora.

    python -m reilu.adcheck.evaluate [--corpus DIR] [--skip-held-out]
    python -m reilu.adcheck.evaluate DIR

A corpus is a directory of ``*.txt`` ads and ``labels.json`` (file name -> list of codes).
The first form scores the project's own corpus (``tests/adcheck/corpus``) in its two fixed
parts, tuning and held-out, and the development corpus given with ``--corpus`` (the one
shared with other teams; its location is the caller's to give). Mismatches are listed for
the tuning part and the given corpus only: rules are tuned on those, never while looking at
a held-out ad. ``--skip-held-out`` leaves the held-out figures out altogether, for rule work
between the counted looks. It then scores the application-question rules on their labelled
examples (``tests/adcheck/questions.json``, see reilu/adcheck/questions.py). The second
form scores any one labelled directory.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .checker import check
from .report import CODES

OWN_DIR = Path(__file__).resolve().parents[2] / "tests" / "adcheck" / "corpus"
HELD_OUT_POSITIONS = (0, 2)  # of every five ads in a stratum: 40 % held out


def frozen_split(directory: Path) -> tuple[set[str], set[str]]:
    """(tuning, held-out) as recorded in ``split.json`` when the split was made.

    Ads added to the corpus after the split are tuning ads: they were written while the rules
    were being tuned, so they cannot be held out.
    """
    labels = load_labels(directory)
    recorded = json.loads((directory / "split.json").read_text(encoding="utf-8"))
    held_out = set(recorded["held_out"])
    return set(labels) - held_out, held_out


def split(labels: dict[str, list[str]]) -> tuple[set[str], set[str]]:
    """The fixed rule that split a corpus into (tuning, held-out) names, once.

    Each ad's stratum is its rarest code (or "clean"), so that every code lands in both
    parts; inside a stratum the order is the SHA-256 of the file name, and positions 0 and
    2 of every five are held out. The rule reads only names and labels, never the checker.
    """
    freq = Counter(code for codes in labels.values() for code in codes)
    strata: dict[str, list[str]] = defaultdict(list)
    for name, codes in labels.items():
        stratum = min(codes, key=lambda c: (freq[c], c)) if codes else "clean"
        strata[stratum].append(name)
    held_out: set[str] = set()
    for names in strata.values():
        names.sort(key=lambda n: hashlib.sha256(n.encode()).hexdigest())
        held_out.update(n for i, n in enumerate(names) if i % 5 in HELD_OUT_POSITIONS)
    return set(labels) - held_out, held_out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    per_code: dict[str, Score] = field(default_factory=dict)
    total: Score = field(default_factory=Score)
    # file -> (missing codes, extra codes)
    mismatches: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)


def load_labels(directory: Path) -> dict[str, list[str]]:
    return json.loads((directory / "labels.json").read_text(encoding="utf-8"))


def evaluate(directory: Path, names: set[str] | None = None) -> Evaluation:
    labels = load_labels(directory)
    result = Evaluation(per_code={code: Score() for code in CODES})
    for name in sorted(labels if names is None else names):
        expected = set(labels[name])
        got = set(check((directory / name).read_text(encoding="utf-8")).codes)
        for code in CODES:
            score = result.per_code[code]
            score.tp += code in expected and code in got
            score.fp += code in got and code not in expected
            score.fn += code in expected and code not in got
        if expected != got:
            result.mismatches[name] = (sorted(expected - got), sorted(got - expected))
    for score in result.per_code.values():
        result.total.tp += score.tp
        result.total.fp += score.fp
        result.total.fn += score.fn
    return result


def format_table(result: Evaluation) -> str:
    rows = ["| code | TP | FP | FN | precision | recall | F1 |", "|---|---|---|---|---|---|---|"]
    items = [*result.per_code.items(), ("micro (all codes)", result.total)]
    for code, s in items:
        scores = f"{s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f}"
        rows.append(f"| {code} | {s.tp} | {s.fp} | {s.fn} | {scores} |")
    return "\n".join(rows)


def _report(title: str, result: Evaluation, *, mismatches: bool) -> None:
    total = result.total
    print(f"## {title}: micro P {total.precision:.2f} R {total.recall:.2f} F1 {total.f1:.2f}")
    print()
    print(format_table(result))
    print()
    if not mismatches:
        print(f"Ads with any mismatch: {len(result.mismatches)} (not listed: held out)")
    elif not result.mismatches:
        print("Mismatches: none")
    else:
        for name, (missing, extra) in result.mismatches.items():
            print(f"{name}: missing {missing or '-'}; extra {extra or '-'}")
    print()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m reilu.adcheck.evaluate",
        description="Score the ad checker against labelled corpora.",
    )
    parser.add_argument(
        "directory", nargs="?", type=Path, help="score only this labelled corpus directory"
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        help="a labelled development corpus to score beside the own corpus (mismatches listed)",
    )
    parser.add_argument(
        "--skip-held-out",
        action="store_true",
        help="do not score the held-out part (rule work between counted looks)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.directory is not None:
        if not (args.directory / "labels.json").is_file():
            print(
                f"No labelled corpus at {args.directory} (labels.json missing); "
                "nothing to evaluate."
            )
            return 0
        _report(str(args.directory), evaluate(args.directory), mismatches=True)
        return 0
    tuning, held_out = frozen_split(OWN_DIR)
    _report(
        f"own corpus, tuning part ({len(tuning)} ads)", evaluate(OWN_DIR, tuning), mismatches=True
    )
    if args.skip_held_out:
        print(f"Held-out part ({len(held_out)} ads): not scored (--skip-held-out).")
        print()
    else:
        _report(
            f"own corpus, held-out part ({len(held_out)} ads)",
            evaluate(OWN_DIR, held_out),
            mismatches=False,
        )
    status = 0
    if args.corpus is None:
        print("No development corpus given (--corpus DIR): not scored.")
    elif not (args.corpus / "labels.json").is_file():
        print(f"No labelled corpus at {args.corpus} (labels.json missing): not scored.")
        status = 2
    else:
        _report(f"development corpus {args.corpus}", evaluate(args.corpus), mismatches=True)
    from .questions import report_examples

    print(report_examples())
    return status


if __name__ == "__main__":
    sys.exit(main())
