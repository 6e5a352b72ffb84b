"""Finding codes, severities and the report returned by the checker."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ERROR, WARNING, INFO = "error", "warning", "info"
# Code -> severity. Errors are what the publish gate refuses or the law forbids.
CODES: dict[str, str] = {
    "missing-employer": ERROR,
    "missing-location": ERROR,
    "missing-contact": ERROR,
    "missing-salary": ERROR,
    "vague-salary": ERROR,
    "salary-history-question": ERROR,
    "salary-expectation-request": ERROR,
    "missing-deadline": WARNING,
    "missing-process-timeline": WARNING,
    "gendered-title": WARNING,
    "gender-coded-wording": WARNING,
    "age-requirement": WARNING,
    "native-speaker-requirement": WARNING,
    "title-inflation": WARNING,
    "commission-only-pay": ERROR,
    "missing-duties": WARNING,
}
PENALTY = {ERROR: 15, WARNING: 5, INFO: 1}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    start: int | None = None
    end: int | None = None


@dataclass
class Report:
    language: str
    findings: list[Finding] = field(default_factory=list)
    advice_language: str = ""

    @property
    def score(self) -> int:
        """100 minus a penalty per distinct code (errors 15, warnings 5), never below 0."""
        codes = {f.code: f.severity for f in self.findings}
        return max(0, 100 - sum(PENALTY[s] for s in codes.values()))

    @property
    def codes(self) -> list[str]:
        return sorted({f.code for f in self.findings})

    @property
    def has_errors(self) -> bool:
        return any(f.severity == ERROR for f in self.findings)

    def to_dict(self) -> dict[str, object]:
        return {
            "language": self.language,
            "advice_language": self.advice_language or self.language,
            "findings": [asdict(f) for f in self.findings],
            "score": self.score,
        }
