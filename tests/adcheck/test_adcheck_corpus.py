"""The checker against the shared, labelled dev corpus (read at test time, never copied)."""

import pytest

from reilu.adcheck.evaluate import DEFAULT_DIR, evaluate


def test_it_meets_the_f1_targets_on_the_dev_corpus():
    if not (DEFAULT_DIR / "labels.json").is_file():
        pytest.skip(f"dev corpus not found at {DEFAULT_DIR}; skipping the F1 check")
    result = evaluate(DEFAULT_DIR)
    assert result.total.f1 >= 0.95, result.mismatches
    low = {code: round(s.f1, 2) for code, s in result.per_code.items() if s.f1 < 0.8}
    assert not low, (low, result.mismatches)
