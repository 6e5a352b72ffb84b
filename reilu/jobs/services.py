"""Creating, editing and publishing postings."""

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import override

from reilu.employers.models import Organization
from reilu.jobs.models import DutyShare, Posting, Question, Stage
from reilu.jobs.questions import (
    MAX_QUESTIONS,
    answer_value,
    choice_lines,
    knockout_problem,
    question_problem,
    yes_no_word,
)
from reilu.jobs.requirements import requirement_lines
from reilu.jobs.rules import Problem, pay_range_problem, publish_problems, stage_order_problem
from reilu.rules import PublishRefused, RuleError

if TYPE_CHECKING:
    from django.contrib.auth.models import User

# What staff may write on a posting: the editor's form shows these, in this order; the
# services set them, from the form or the API.
POSTING_FIELDS = (
    "title",
    "language",
    "location",
    "remote",
    "employment_type",
    "description",
    "requirements",
    "pay_min",
    "pay_max",
    "pay_currency",
    "pay_period",
    "contact_name",
    "contact_email",
    "contact_phone",
    "apply_by",
    "interviews_from",
    "interviews_to",
    "decision_by",
    "anonymous_review",
)


# What an employer's owners set for the employer's recruiting (the staff settings page).
ORGANIZATION_SETTINGS = ("anonymous_first_review", "language")


def organization_settings_update(*, organization: Organization, data: dict) -> Organization:
    """Save the employer's recruiting settings; only the fields in ORGANIZATION_SETTINGS."""
    changed = [f for f in ORGANIZATION_SETTINGS if f in data]
    for field in changed:
        setattr(organization, field, data[field])
    if changed:
        organization.save(update_fields=changed)
    return organization


def default_stages(language: str, promise_days: int = 7) -> list[dict]:
    """Received → Screening → Interview → Decision, written in the posting's language."""
    with override(language):
        return [
            {
                "name": _("Received"),
                "kind": Stage.Kind.RECEIVED,
                "promise_days": min(promise_days, 7),
                "description": _(
                    "Your application has arrived. We read every application ourselves."
                ),
            },
            {
                "name": _("Screening"),
                "kind": Stage.Kind.SCREENING,
                "promise_days": promise_days,
                "description": _(
                    "We compare applications with the requirements of the job and choose "
                    "whom to invite to an interview."
                ),
            },
            {
                "name": _("Interview"),
                "kind": Stage.Kind.INTERVIEW,
                "promise_days": promise_days,
                "description": _(
                    "You meet the people you would work with. We tell you beforehand who "
                    "they are and how long it takes."
                ),
            },
            {
                "name": _("Decision"),
                "kind": Stage.Kind.DECISION,
                "promise_days": promise_days,
                "description": _("We decide whom to hire and tell every candidate personally."),
            },
        ]


def _unique_slug(title: str, org_slug: str, exclude_pk: int | None = None) -> str:
    base = slugify(f"{title} {org_slug}")[:100] or "job"
    slug, n = base, 2
    others = Posting.objects.exclude(pk=exclude_pk) if exclude_pk is not None else Posting.objects
    while others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _replace_duties(posting: Posting, duties: list[dict]) -> None:
    """Write the duties in order, reusing the existing rows so an unchanged list changes nothing."""
    current = list(posting.duties.all())
    for i, row in enumerate(duties):
        values = {"duty": row["duty"], "percent": row["percent"], "position": i}
        if i < len(current):
            duty = current[i]
            if any(getattr(duty, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(duty, k, v)
                duty.save(update_fields=list(values))
        else:
            DutyShare.objects.create(posting=posting, **values)
    DutyShare.objects.filter(pk__in=[d.pk for d in current[len(duties) :]]).delete()


def _stage_values(posting: Posting, row: dict, position: int) -> dict:
    return {
        "position": position,
        "name": row["name"],
        "description": row.get("description") or "",
        "kind": row.get("kind") or Stage.Kind.SCREENING,
        "promise_days": row.get("promise_days") or posting.organization.default_promise_days,
    }


def _replace_stages(posting: Posting, stages: list[dict]) -> None:
    """Make the posting's stages these rows, in this order.

    A row with the `id` of one of the posting's stages edits that stage in place, so the
    applications and history that point at it keep pointing at it; a row without one is a
    new stage; a stage no row names is removed, unless applications are in it.
    """
    values_in_order = [_stage_values(posting, row, n) for n, row in enumerate(stages)]
    if problem := stage_order_problem([(v["name"], v["kind"]) for v in values_in_order]):
        raise RuleError("stage_order", problem)
    existing = {s.pk: s for s in posting.stages.all()}
    kept: dict[int, dict] = {}
    new_rows: list[tuple[int, dict]] = []
    for position, row in enumerate(stages):
        pk = row.get("id")
        values = _stage_values(posting, row, position)
        if pk in existing and pk not in kept:
            kept[pk] = values
        else:
            new_rows.append((position, values))
    removed = [s for pk, s in existing.items() if pk not in kept]
    held = [s for s in removed if s.applications.exists()]
    if held:
        raise RuleError(
            "stages_locked",
            _("The stage “%(name)s” has applications in it, so it cannot be removed.")
            % {"name": held[0].name},
        )
    Stage.objects.filter(pk__in=[s.pk for s in removed]).delete()
    changed = [
        existing[pk]
        for pk, values in kept.items()
        if any(getattr(existing[pk], k) != v for k, v in values.items())
    ]
    moved = [existing[pk] for pk in kept if existing[pk].position != kept[pk]["position"]]
    if moved:
        # (posting, position) is unique and checked row by row: park the moving stages
        # beyond every position in use before giving them their new places.
        beyond = max([s.position for s in existing.values()] + [len(stages)]) + 1
        for n, stage in enumerate(moved):
            stage.position = beyond + n
        Stage.objects.bulk_update(moved, ["position"])
    for stage in changed:
        for k, v in kept[stage.pk].items():
            setattr(stage, k, v)
    if changed:
        Stage.objects.bulk_update(
            changed, ["position", "name", "description", "kind", "promise_days"]
        )
    Stage.objects.bulk_create(Stage(posting=posting, **values) for _, values in new_rows)


def _question_values(row: dict, position: int, requirements: list[str]) -> dict:
    kind = row.get("kind") or Question.Kind.SHORT
    text = (row.get("text") or "").strip()
    choices = row.get("choices") or ""
    requirement = (row.get("requirement") or "").strip()
    knockout = "\n".join(choice_lines(row.get("knockout") or ""))
    problem = question_problem(kind, text, choices) or knockout_problem(
        kind, choice_lines(choices), knockout, requirement, requirements
    )
    if problem:
        raise RuleError("question", f"{text or '?'}: {problem}")
    if knockout and kind == Question.Kind.NUMBER:
        knockout = answer_value(kind, [], knockout)
    elif knockout and kind == Question.Kind.YES_NO:
        knockout = yes_no_word(knockout) or knockout
    return {
        "position": position,
        "text": text,
        "kind": kind,
        "choices": "\n".join(choice_lines(choices)),
        "required": bool(row.get("required", True)),
        "requirement": requirement,
        "knockout": knockout,
        "may_apply_anyway": bool(row.get("may_apply_anyway", True)),
    }


def _replace_questions(posting: Posting, questions: list[dict]) -> None:
    """Make the posting's application questions these rows, in this order.

    As with stages, a row with the id of one of the posting's questions edits it in place
    (answers point at it); a row without one is new; a question no row names is removed, and
    the answers given to it keep their copy of its wording.
    """
    if len(questions) > MAX_QUESTIONS:
        raise RuleError(
            "question", _("Ask at most %(count)s questions.") % {"count": MAX_QUESTIONS}
        )
    existing = {q.pk: q for q in posting.questions.all()}
    kept: set[int] = set()
    lines = requirement_lines(posting.requirements)
    for position, row in enumerate(questions):
        values = _question_values(row, position, lines)
        pk = row.get("id")
        if pk in existing and pk not in kept:
            kept.add(pk)
            question = existing[pk]
            if any(getattr(question, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(question, k, v)
                question.save(update_fields=list(values))
        else:
            Question.objects.create(posting=posting, **values)
    Question.objects.filter(pk__in=[pk for pk in existing if pk not in kept]).delete()


def _check_pay_range(posting: Posting) -> None:
    if message := pay_range_problem(posting.pay_min, posting.pay_max):
        raise RuleError("pay_range", message)


def posting_create(
    *,
    organization: Organization,
    user: "User | None" = None,
    data: dict,
    duties: list[dict],
    stages: list[dict] | None = None,
    questions: list[dict] | None = None,
) -> Posting:
    with transaction.atomic():
        posting = Posting(
            organization=organization,
            created_by=user,
            anonymous_review=organization.anonymous_first_review,
        )
        for field in POSTING_FIELDS:
            if field in data and data[field] is not None:
                setattr(posting, field, data[field])
        _check_pay_range(posting)
        posting.slug = _unique_slug(posting.title, organization.slug)
        posting.save()
        _replace_duties(posting, duties)
        stages = stages or default_stages(posting.language, organization.default_promise_days)
        _replace_stages(posting, stages)
        _replace_questions(posting, questions or [])
    return posting


def posting_update(
    *,
    posting: Posting,
    data: dict,
    duties: list[dict] | None = None,
    stages: list[dict] | None = None,
    questions: list[dict] | None = None,
) -> Posting:
    with transaction.atomic():
        for field in POSTING_FIELDS:
            if field in data:
                setattr(posting, field, data[field])
        _check_pay_range(posting)
        if posting.state == Posting.State.DRAFT:
            posting.slug = _unique_slug(posting.title, posting.organization.slug, posting.pk)
        posting.save()
        if duties is not None:
            _replace_duties(posting, duties)
        if stages is not None:
            _replace_stages(posting, stages)
        if questions is not None:
            _replace_questions(posting, questions)
        if posting.state == Posting.State.PUBLISHED:
            problems = publish_problems(posting)
            if problems:
                # A published ad must stay honest: an edit cannot remove what the gate demands.
                raise PublishRefused(problems)
    return posting


def posting_publish(*, posting: Posting) -> Posting:
    problems = publish_problems(posting)
    unpublished = posting.state != Posting.State.PUBLISHED
    if unpublished and posting.apply_by and posting.apply_by < timezone.localdate():
        # Publishing an ad nobody can apply to would only show "closed".
        problems.append(
            Problem(
                "missing-deadline",
                "apply_by",
                _("The application deadline has passed: set a new one to publish."),
            )
        )
    if problems:
        raise PublishRefused(problems)
    if posting.state != Posting.State.PUBLISHED:
        first_time = posting.published_at is None
        with transaction.atomic():
            posting.state = Posting.State.PUBLISHED
            posting.published_at = posting.published_at or timezone.now()
            posting.save(update_fields=["state", "published_at", "updated_at"])
            if first_time:
                from reilu.jobs.alerts import notify_new_posting

                notify_new_posting(posting)
    return posting


def posting_close(*, posting: Posting) -> Posting:
    posting.state = Posting.State.CLOSED
    posting.closed_at = timezone.now()
    posting.save(update_fields=["state", "closed_at", "updated_at"])
    return posting
