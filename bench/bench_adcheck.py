"""Benchmark: job ads checked per second of CPU time (a script, not a test).

Run: PYTHONPATH=. taskset -c 0 python bench/bench_adcheck.py

The rate is counted in the process's CPU time (time.process_time), not wall-clock time, so
that other work on a shared machine does not lower it. Two figures: one generated ~300-word
ad checked repeatedly, and every ad of the project's own labelled corpus.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from reilu.adcheck import check

FILLER = str.split(
    "Our team works closely with customers across the region and we value clear communication, "
    "careful planning and steady improvement of the way we work together every week"
)


def build_ad(words: int = 300, seed: int = 7) -> str:
    """A generated ~300-word ad with the usual sections, pay, contact and dates."""
    rng = random.Random(seed)
    head = [
        "Logistics Planner",
        "",
        "Harjula Freight Oy, Lahti",
        "",
        "What you'll do",
        "- Plan daily routes for 40 trucks together with the dispatch team",
        "- Follow up on delivery quality and customer feedback",
        "- Keep the planning system up to date",
        "",
        "What we offer",
        "- Salary €3,300–3,900 per month and a €1,000 yearly training budget",
        "- Permanent full-time employment",
        "",
        "Contact: Logistics Manager Johanna Salo, +358 40 765 4321, johanna.salo@example.com.",
        "Apply by 31 January 2027. Interviews in week 6; every applicant hears from us by "
        "19 February 2027.",
        "",
    ]
    text = "\n".join(head)
    body = []
    while len((text + " ".join(body)).split()) < words:
        sentence = rng.sample(FILLER, 12)
        body.append(" ".join(sentence).capitalize() + ".")
    return text + "\n" + " ".join(body) + "\n"


def _rate(texts: list[str], seconds: float = 3.0) -> tuple[int, float]:
    """(ads checked, ads per CPU second) over repeated passes of ``texts``."""
    n, started = 0, time.process_time()
    while time.process_time() - started < seconds:
        for text in texts:
            check(text)
        n += len(texts)
    return n, n / (time.process_time() - started)


def main() -> None:
    ad = build_ad()
    words = len(ad.split())
    check(ad)  # warm the word-list caches
    n, rate = _rate([ad])
    print(f"checked {n} ads of {words} words: {rate:.0f} ads per CPU second")
    corpus = Path(__file__).resolve().parents[1] / "tests" / "adcheck" / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    m, corpus_rate = _rate(texts)
    print(
        f"checked {m} ads of the own corpus ({len(texts)} ads): "
        f"{corpus_rate:.0f} ads per CPU second"
    )
    print(
        json.dumps(
            {
                "benchmark": "adcheck",
                "ads_per_second": round(rate),
                "words": words,
                "corpus_ads_per_second": round(corpus_rate),
            }
        )
    )


if __name__ == "__main__":
    main()
