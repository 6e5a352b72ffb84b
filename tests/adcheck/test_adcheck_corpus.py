"""The checker against the shared, labelled dev corpus (read at test time, never copied)."""

from reilu.adcheck.evaluate import DEFAULT_DIR, evaluate
from tests.conftest import missing_prerequisite


def test_it_meets_the_f1_targets_on_the_dev_corpus():
    if not (DEFAULT_DIR / "labels.json").is_file():
        missing_prerequisite(
            f"the labelled ad corpus is not beside the checkout ({DEFAULT_DIR}): F1 check skipped"
        )
    result = evaluate(DEFAULT_DIR)
    assert result.total.f1 >= 0.95, result.mismatches
    low = {code: round(s.f1, 2) for code, s in result.per_code.items() if s.f1 < 0.8}
    assert not low, (low, result.mismatches)
