"""Score the checker against a labelled corpus: ``python -m reilu.adcheck.evaluate [DIR]``.

DIR holds ``*.txt`` ads and ``labels.json`` (file name -> list of codes). The default is the
shared dev corpus next to the repository (``../shared/ads/dev``).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .checker import check
from .report import CODES

DEFAULT_DIR = Path(__file__).resolve().parents[3] / "shared" / "ads" / "dev"


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


def evaluate(directory: Path) -> Evaluation:
    labels = json.loads((directory / "labels.json").read_text(encoding="utf-8"))
    result = Evaluation(per_code={code: Score() for code in CODES})
    for name in sorted(labels):
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


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    directory = Path(args[0]) if args else DEFAULT_DIR
    if not (directory / "labels.json").is_file():
        print(f"No labelled corpus at {directory} (labels.json missing); nothing to evaluate.")
        return 0
    result = evaluate(directory)
    print(format_table(result))
    print()
    if not result.mismatches:
        print("Mismatches: none")
    for name, (missing, extra) in result.mismatches.items():
        print(f"{name}: missing {missing or '-'}; extra {extra or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
