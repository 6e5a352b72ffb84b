"""Benchmark: job ads checked per second on one core (a script, not a test).

Run: PYTHONPATH=. python bench/bench_adcheck.py
"""

from __future__ import annotations

import json
import random
import time

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


def main() -> None:
    ad = build_ad()
    words = len(ad.split())
    check(ad)  # warm the word-list caches
    n, started = 0, time.perf_counter()
    while time.perf_counter() - started < 3.0:
        check(ad)
        n += 1
    rate = n / (time.perf_counter() - started)
    print(f"checked {n} ads of {words} words: {rate:.0f} ads/s on one core")
    print(json.dumps({"benchmark": "adcheck", "ads_per_second": round(rate), "words": words}))


if __name__ == "__main__":
    main()
