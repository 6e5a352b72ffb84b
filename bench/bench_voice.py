"""Benchmark data for the candidates' voice: survey answers for the seeded employers.

Called by bench/seed.py after the applications: about one answer for every five
ended processes, spread over the last year, so the scorecard is measured on real volume.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from inserter import Inserter

from reilu.jobs.models import Posting
from reilu.voice.models import SurveyResponse

COMMENTS = [
    "",
    "",
    "",
    "Selkeä prosessi.",
    "Kiitos nopeasta vastauksesta.",
    "Ilmoitus oli harhaanjohtava.",
]


ANSWERS = 130_000


def bench_seed(rng, stdout, answers: int = ANSWERS) -> None:
    postings = list(Posting.objects.values_list("pk", "organization_id"))
    if not postings:
        return
    today = timezone.localdate()
    ins = Inserter(SurveyResponse, batch=2000)
    with transaction.atomic():
        for _ in range(answers):
            posting_id, org_id = postings[rng.randrange(len(postings))]
            interviewed = rng.random() < 0.4
            comment = COMMENTS[rng.randrange(len(COMMENTS))]
            ins.add(
                organization_id=org_id,
                posting_id=posting_id,
                stage_id=None,
                reached_interview=interviewed,
                outcome=rng.choice(("rejected", "rejected", "hired", "withdrawn")),
                recommend=rng.randint(0, 10),
                ad_matched=rng.randint(1, 5) if interviewed else None,
                knew_status=rng.randint(1, 5),
                comment=comment,
                publish=bool(comment) and rng.random() < 0.5,
                answered_on=today - dt.timedelta(days=rng.randint(0, 400)),
                hidden_at=None,
                hidden_by_id=None,
            )
        ins.flush()
    stdout.write(f"survey answers: {ins.count}")


def bench_cases():
    """(name, function, repeat) for bench/inproc.py: the biggest employer's public figures."""
    from django.db.models import Count

    from reilu.employers.models import Organization
    from reilu.voice.analytics import charts
    from reilu.voice.selectors.public_scorecard import scorecard

    org = Organization.objects.annotate(n=Count("postings__applications")).order_by("-n").first()
    if org is None:
        return []
    return [
        ("employer scorecard (largest employer)", lambda: scorecard(org), 10),
        ("staff analytics (largest employer)", lambda: charts(organization=org), 5),
    ]
