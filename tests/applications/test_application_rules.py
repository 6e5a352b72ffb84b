"""Applying and decisions, rule by rule: every refusal with its code and its words, and
every change with what it stores, what the history shows and what the candidate reads.

Written from the mutants that survived the module's tests (docs/testing.md, "applying"):
each test checks an outcome a person or an API client sees.
"""

import datetime as dt
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from reilu.applications import services
from reilu.applications.models import Application, Event, Promise
from reilu.applications.tokens import token_application
from reilu.jobs.models import Posting
from reilu.messaging.models import Message, MessageTemplate
from reilu.rules import DuplicateApplication, RuleError
from reilu.voice.models import SurveyInvitation
from tests.conftest import PDF_BYTES, make_application, make_posting

LINK = re.compile(r"https?://\S+/status/([\w-]+)/")


def letters(app, kind: str) -> list[Message]:
    return list(Message.objects.about(app).filter(kind=kind).order_by("id"))


def opens_status_page(client, message: Message, app) -> bool:
    """The message's status link opens this application's status page."""
    [raw] = LINK.findall(message.body)
    return token_application(raw) == app and client.get(f"/status/{raw}/").status_code == 200


def stages(posting) -> dict:
    return {s.kind: s for s in posting.stages.all()}


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


# --- Refusals: the code an API client reads and the sentence a Finnish user reads ---------


def _closed(posting, app):
    Posting.objects.filter(pk=posting.pk).update(apply_by=timezone.localdate() - days(1))
    posting.refresh_from_db()
    make_application(posting, email="late@example.fi")


def _no_consent(posting, app):
    services.application_submit(
        posting=posting,
        name="Ei Suostumusta",
        email="x@example.fi",
        language="fi",
        privacy_consent=False,
    )


def _decided(app):
    services.applications_decide(
        organization=app.posting.organization, application_ids=[app.pk], outcome="rejected"
    )
    return Application.objects.get(pk=app.pk)


def _move_decided(posting, app):
    services.application_move(application=_decided(app))


def _move_past_last(posting, app):
    services.application_move(application=app, to_stage=posting.stages.order_by("position").last())
    services.application_move(application=app)


def _move_elsewhere(posting, app):
    other = make_posting(posting.organization, title="Other job")
    services.application_move(application=app, to_stage=other.stages.first())


def _move_nowhere(posting, app):
    services.application_move(application=app, to_stage=app.stage)


def _promise_yesterday(posting, app):
    services.application_set_promise(
        application=app, promised_by=timezone.localdate() - days(1), note="Sorry"
    )


def _promise_decided(posting, app):
    services.application_set_promise(
        application=_decided(app), promised_by=timezone.localdate() + days(3), note=""
    )


def _decide_withdrawn(posting, app):
    services.applications_decide(
        organization=posting.organization, application_ids=[app.pk], outcome="withdrawn"
    )


def _notes_in_unknown_languages(posting, app):
    services.applications_decide(
        organization=posting.organization,
        application_ids=[app.pk],
        outcome="rejected",
        notes={"xx": "?", "fi": "Kiitos", "de": "Danke"},
    )


def _withdraw_twice(posting, app):
    services.application_withdraw(application=app)
    services.application_withdraw(application=app)


def _contact_decided(posting, app):
    services.application_set_contact(application=_decided(app), name="N", email="n@acme.example")


REFUSALS = [
    (_closed, "closed", "Tähän ilmoitukseen ei voi enää hakea."),
    (_no_consent, "consent", "Tietosuojaseloste on hyväksyttävä."),
    (_move_decided, "not_active", "Vain käsittelyssä olevan hakemuksen voi siirtää."),
    (_move_past_last, "last_stage", "Hakemus on jo viimeisessä vaiheessa."),
    (_move_elsewhere, "bad_stage", "Vaihe kuuluu toiseen ilmoitukseen."),
    (_move_nowhere, "same_stage", "Hakemus on jo tässä vaiheessa."),
    (_promise_yesterday, "past_date", "Luvattu päivä ei voi olla menneisyydessä."),
    (_promise_decided, "not_active", "Hakemus ei ole enää käsittelyssä."),
    (_decide_withdrawn, "bad_outcome", "Lopputuloksen on oltava Ei valittu tai Valittu."),
    (
        _notes_in_unknown_languages,
        "bad_language",
        "Viestin kieli voi olla suomi (fi), ruotsi (sv) tai englanti (en), ei: de, xx",
    ),
    (_withdraw_twice, "not_active", "Hakemus ei ole enää käsittelyssä."),
    (_contact_decided, "not_active", "Hakemus ei ole enää käsittelyssä."),
]


@pytest.mark.parametrize(
    ("act", "code", "finnish"), REFUSALS, ids=[r[0].__name__ for r in REFUSALS]
)
def test_each_refusal_has_its_code_and_reads_in_finnish(posting, application, act, code, finnish):
    with translation.override("fi"), pytest.raises(RuleError) as refused:
        act(posting, application)
    assert refused.value.code == code
    assert refused.value.message == finnish


# --- Applying ----------------------------------------------------------------------------


def test_an_application_stores_what_was_sent_cleaned(posting):
    before = timezone.now()
    app, raw = services.application_submit(
        posting=posting,
        name="  Aino Korhonen ",
        email=" Aino.K@Example.FI ",
        language="fi",
        privacy_consent=True,
        phone=" 040 765 4321 ",
        cover_letter="  Hei!  ",
        cv=SimpleUploadedFile("x" * 250 + ".pdf", PDF_BYTES, content_type="application/pdf"),
        cv_type="application/pdf",
        talent_consent=True,
    )
    app = Application.objects.get(pk=app.pk)
    assert (app.name, app.email, app.email_key, app.phone) == (
        "Aino Korhonen",
        "Aino.K@Example.FI",
        "aino.k@example.fi",
        "040 765 4321",
    )
    assert app.cover_letter == "  Hei!  " and app.language == "fi" and app.talent_consent
    assert app.stage == posting.stages.order_by("position").first()
    assert (app.contact_name, app.contact_email, app.contact_phone) == (
        "Laura Nieminen",
        "laura@acme.example",
        "040 123 4567",
    )
    assert app.promised_by == timezone.localdate() + days(app.stage.promise_days)
    assert before <= app.privacy_consent_at <= timezone.now()
    # The file's own name, its last 200 characters; stored under a random name.
    assert app.cv_name == ("x" * 250 + ".pdf")[-200:] and app.cv_type == "application/pdf"
    assert app.cv.read() == PDF_BYTES and "x" * 20 not in app.cv.name
    [event] = Event.objects.filter(application=app)
    assert (event.kind, event.stage, event.visible_to_candidate) == ("applied", app.stage, True)
    assert Promise.objects.get(application=app, state="open").due == app.promised_by
    assert token_application(raw) == app


def test_without_a_talent_consent_or_cv_nothing_of_them_is_stored(posting):
    app, _ = services.application_submit(
        posting=posting,
        name="Eero",
        email="eero@example.fi",
        language="en",
        privacy_consent=True,
    )
    app = Application.objects.get(pk=app.pk)
    assert not app.talent_consent and not app.cv and app.cv_name == "" and app.phone == ""
    assert app.cover_letter == "" and app.cv_type == ""


def test_after_withdrawing_one_can_apply_again(posting, application):
    services.application_withdraw(application=application)
    again, _raw = make_application(posting)
    assert again.pk != application.pk
    assert Application.objects.get(pk=again.pk).outcome == "active"
    assert letters(application, "duplicate") == []


def test_the_confirmation_goes_to_the_candidate_with_a_working_link(client, posting):
    MessageTemplate.objects.create(
        organization=posting.organization,
        kind="received",
        language="fi",
        subject="Kiitos hakemuksesta: {posting}",
        body="Hei {first_name}, vastaamme viimeistään {promised_by}. {status_url}",
    )
    app, _ = make_application(posting, language="fi")
    [received] = letters(app, "received")
    assert received.to_email == "aino@example.fi" and received.reply_to == "laura@acme.example"
    assert received.language == "fi" and received.organization == posting.organization
    assert received.subject == "Kiitos hakemuksesta: Backend developer"
    promised = app.promised_by
    assert f"Hei Aino, vastaamme viimeistään {promised.day}.{promised.month}." in received.body
    assert opens_status_page(client, received, app)


def test_a_second_try_is_told_once_an_hour_and_noted_in_the_history(posting, application):
    def try_again():
        with pytest.raises(RuleError) as refused:
            make_application(posting)
        assert refused.value.code == "duplicate"

    start = timezone.localtime().replace(hour=10, minute=5)
    with time_machine.travel(start, tick=False):
        try_again()
    with time_machine.travel(start + dt.timedelta(minutes=40), tick=False):
        try_again()
    assert len(letters(application, "duplicate")) == 1
    with time_machine.travel(start + dt.timedelta(hours=1), tick=False):
        try_again()
    with time_machine.travel(start + dt.timedelta(days=1), tick=False):
        try_again()
    assert len(letters(application, "duplicate")) == 3
    assert Event.objects.filter(application=application, kind="duplicate").count() == 4


def test_applying_again_names_the_active_application_and_keeps_no_second_cv(org, posting, settings):
    """The active application of this posting is the one named and reminded: not the same
    person's earlier, decided one here, nor their active one at another posting."""
    elsewhere, _ = make_application(make_posting(org, title="Designer"))
    first, _ = make_application(posting)
    services.applications_decide(
        organization=org, application_ids=[first.pk], outcome=Application.Outcome.REJECTED
    )
    make_application(posting, email="someone.else@example.fi")
    active, _ = make_application(posting)
    cvs = settings.STORAGES["default"]["OPTIONS"]["location"] / "cv"
    stored = sorted(p.name for p in cvs.iterdir())
    with pytest.raises(DuplicateApplication) as refused:
        make_application(posting, email="AINO@example.fi ")
    assert refused.value.code == "duplicate" and refused.value.application == active
    assert sorted(p.name for p in cvs.iterdir()) == stored
    assert Application.objects.filter(posting=posting).count() == 3
    assert [e.application_id for e in Event.objects.filter(kind="duplicate")] == [active.pk]
    assert len(letters(active, "duplicate")) == 1
    assert letters(first, "duplicate") == letters(elsewhere, "duplicate") == []


# --- Moving ------------------------------------------------------------------------------


def test_a_move_is_recorded_with_who_and_why(application, recruiter):
    services.application_move(application=application, actor=recruiter, note="Strong CV")
    event = Event.objects.get(application=application, kind="moved")
    assert (event.actor, event.text, event.stage.kind) == (recruiter, "Strong CV", "screening")


def test_a_move_without_a_note_records_none(application):
    services.application_move(application=application)
    assert Event.objects.get(application=application, kind="moved").text == ""


def test_the_first_response_time_is_the_first_one(application):
    start = timezone.now()
    services.application_move(application=application)
    first = Application.objects.get(pk=application.pk).first_response_at
    assert first >= start
    with time_machine.travel(start + dt.timedelta(hours=5), tick=False):
        services.application_move(application=application)
        services.application_set_promise(
            application=application, promised_by=timezone.localdate() + days(9), note="More"
        )
        services.applications_decide(
            organization=application.posting.organization,
            application_ids=[application.pk],
            outcome="rejected",
        )
    assert Application.objects.get(pk=application.pk).first_response_at == first


def test_an_interview_stage_is_an_invitation_and_other_stages_a_move(application):
    by_kind = stages(application.posting)
    services.application_move(application=application, to_stage=by_kind["interview"])
    services.application_move(application=application, to_stage=by_kind["decision"])
    assert len(letters(application, "interview_invitation")) == 1
    assert len(letters(application, "moved")) == 1


# --- Promising a date --------------------------------------------------------------------


def test_today_can_be_promised(application):
    today = timezone.localdate()
    services.application_set_promise(application=application, promised_by=today, note="")
    assert Application.objects.get(pk=application.pk).promised_by == today


def test_a_new_date_is_told_with_or_without_a_word_and_the_same_date_only_with_one(
    application, recruiter
):
    app = Application.objects.get(pk=application.pk)
    same = app.promised_by
    services.application_set_promise(application=app, promised_by=same, note="  ")
    assert letters(app, "promise_changed") == []
    assert not Event.objects.filter(application=app, kind="promise").exists()
    assert Application.objects.get(pk=app.pk).first_response_at is None

    later = same + days(5)
    services.application_set_promise(application=app, promised_by=later, note="", actor=recruiter)
    services.application_set_promise(
        application=app, promised_by=later, note="References take time.", actor=recruiter
    )
    told = letters(app, "promise_changed")
    assert len(told) == 2 and "References take time." in told[1].body
    events = list(Event.objects.filter(application=app, kind="promise"))
    assert [(e.text, e.actor) for e in events] == [
        ("", recruiter),
        ("References take time.", recruiter),
    ]
    app = Application.objects.get(pk=app.pk)
    assert app.promised_by == later and app.first_response_at is not None


def test_every_new_date_is_a_letter_of_its_own_even_with_the_same_words(application):
    for n in (3, 4):
        services.application_set_promise(
            application=application, promised_by=timezone.localdate() + days(n), note="Soon"
        )
    assert len(letters(application, "promise_changed")) == 2


# --- Notes, contacts, withdrawing, cancelling --------------------------------------------


def test_an_anonymous_review_ends_past_the_first_stage_or_with_a_hire(org, posting):
    """Rejecting keeps the identity hidden; a move past the first stage or a hire reveals
    it, at that moment. An ordinary application is never marked revealed."""
    Posting.objects.filter(pk=posting.pk).update(anonymous_review=True)
    posting.refresh_from_db()
    second = posting.stages.order_by("position")[1]
    moved, hired, rejected = (
        make_application(posting, email=f"{who}@example.fi")[0]
        for who in ("moved", "hired", "rejected")
    )
    ordinary, _ = make_application(make_posting(org, title="Designer"))
    moment = timezone.now().replace(microsecond=0) + days(1)
    with time_machine.travel(moment, tick=False):
        services.application_move(application=moved, to_stage=second)
        services.application_move(application=ordinary)
        services.applications_decide(
            organization=org, application_ids=[hired.pk], outcome=Application.Outcome.HIRED
        )
        services.applications_decide(
            organization=org, application_ids=[rejected.pk], outcome=Application.Outcome.REJECTED
        )
    revealed = dict(
        Application.objects.filter(posting__organization=org).values_list("email", "revealed_at")
    )
    assert revealed == {
        "moved@example.fi": moment,
        "hired@example.fi": moment,
        "rejected@example.fi": None,
        "aino@example.fi": None,
    }
    assert Application.objects.get(pk=rejected.pk).anonymous_review
    assert not Application.objects.get(pk=ordinary.pk).anonymous_review


def test_an_internal_note_is_kept_from_the_candidate_and_signed(application, recruiter):
    services.application_add_note(application=application, text="Call Friday", actor=recruiter)
    [note] = Event.objects.filter(application=application, kind="note")
    assert (note.text, note.actor, note.visible_to_candidate) == ("Call Friday", recruiter, False)


def test_a_new_contact_takes_over_the_open_promise_and_is_introduced(application, recruiter):
    services.application_move(application=application)  # the first promise is kept
    services.application_set_contact(
        application=application, name="Pekka Virtanen", email="pekka@acme.example", actor=recruiter
    )
    app = Application.objects.get(pk=application.pk)
    assert (app.contact_name, app.contact_email, app.contact_phone) == (
        "Pekka Virtanen",
        "pekka@acme.example",
        "",
    )
    assert dict(Promise.objects.filter(application=app).values_list("state", "contact_email")) == {
        "kept": "laura@acme.example",
        "open": "pekka@acme.example",
    }
    event = Event.objects.get(application=app, kind="contact")
    assert event.actor == recruiter
    [told] = letters(app, "contact_changed")
    assert told.reply_to == "pekka@acme.example" and "Pekka Virtanen" in told.body


def test_withdrawing_ends_the_process_and_says_so(application):
    before = timezone.now()
    services.application_withdraw(application=application)
    app = Application.objects.get(pk=application.pk)
    assert app.outcome == "withdrawn" and app.decided_at >= before
    event = Event.objects.get(application=app, kind="withdrawn")
    assert event.stage == app.stage
    assert len(letters(app, "withdrawn")) == 1
    assert not Promise.objects.filter(application=app, state="open").exists()


def test_a_withdrawal_after_staff_acted_is_invited_to_the_survey_as_a_withdrawal(application):
    services.application_move(application=application)
    services.application_withdraw(application=application)
    assert SurveyInvitation.objects.get(application=application).outcome == "withdrawn"


def test_cancelling_ends_only_this_postings_processes(posting, org, recruiter):
    mine = [make_application(posting, email=f"m{i}@example.fi")[0] for i in range(2)]
    services.application_move(application=mine[1])
    hired = make_application(posting, email="h@example.fi")[0]
    services.applications_decide(organization=org, application_ids=[hired.pk], outcome="hired")
    elsewhere = make_application(make_posting(org, title="Other job"))[0]
    before = timezone.now()

    assert services.posting_cancel(posting=posting, note="Budget cut", actor=recruiter) == 2

    posting.refresh_from_db()
    assert posting.state == "cancelled" and posting.closed_at >= before
    for app in mine:
        app = Application.objects.get(pk=app.pk)
        assert app.outcome == "rejected" and app.decided_at == posting.closed_at
        event = Event.objects.get(application=app, kind="cancelled")
        assert (event.stage, event.actor, event.text) == (app.stage, recruiter, "Budget cut")
        [told] = letters(app, "posting_cancelled")
        assert "Budget cut" in told.body
        assert SurveyInvitation.objects.get(application=app).outcome == "cancelled"
    assert Application.objects.get(pk=hired.pk).outcome == "hired"
    assert Application.objects.get(pk=elsewhere.pk).outcome == "active"


# --- Deciding ----------------------------------------------------------------------------


@pytest.fixture
def trio(posting):
    apps = {}
    for lang, name in (("fi", "Aino Korhonen"), ("sv", "Sven Berg"), ("en", "Emma Brown")):
        apps[lang] = make_application(
            posting, email=f"{lang}@example.fi", name=name, language=lang
        )[0]
    return apps


def test_a_decision_is_recorded_per_candidate_with_their_own_note(client, org, trio, recruiter):
    services.application_move(application=trio["en"])
    before = timezone.now()
    notes = {"fi": "  Kiitos ajastasi.  ", "en": "x" * 2500, "sv": "   "}
    n = services.applications_decide(
        organization=org,
        application_ids=[a.pk for a in trio.values()] * 2,
        outcome="rejected",
        notes=notes,
        actor=recruiter,
    )
    assert n == 3
    expected_text = {"fi": "Kiitos ajastasi.", "en": "x" * 2000, "sv": ""}
    for lang, app in trio.items():
        app = Application.objects.get(pk=app.pk)
        assert app.outcome == "rejected" and app.decided_at >= before
        assert app.first_response_at is not None
        event = Event.objects.get(application=app, kind="rejected")
        assert (event.stage, event.actor, event.text) == (app.stage, recruiter, expected_text[lang])
        [letter] = Message.objects.about(app).filter(kind__startswith="rejected")
        assert letter.to_email == app.email and letter.reply_to == "laura@acme.example"
        assert letter.language == lang and letter.organization == org
        assert opens_status_page(client, letter, app)
        if expected_text[lang]:
            assert expected_text[lang] + "\n" in letter.body
    assert "x" * 2001 not in Message.objects.about(trio["en"]).get(kind="rejected_screening").body


def test_deciding_more_candidates_takes_no_more_queries(org, trio):
    """Hundreds of decisions at once stay one short transaction: the employer and the
    stage come with the locked rows, not a query per candidate."""

    def queries(apps) -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            services.applications_decide(
                organization=org, application_ids=[a.pk for a in apps], outcome="rejected"
            )
        return [q["sql"] for q in captured.captured_queries]

    one = queries([trio["fi"]])
    two = queries([trio["sv"], trio["en"]])
    assert len(two) == len(one), "\n".join(two)


def test_a_hire_is_recorded_as_a_hire(org, application, recruiter):
    services.applications_decide(
        organization=org, application_ids=[application.pk], outcome="hired", actor=recruiter
    )
    assert Event.objects.get(application=application, kind="hired").actor == recruiter
    assert not Event.objects.filter(application=application, kind="rejected").exists()
    assert len(letters(application, "hired")) == 1
    assert SurveyInvitation.objects.get(application=application).outcome == "hired"


def test_a_rejection_is_not_recorded_as_a_hire(org, application):
    services.applications_decide(
        organization=org, application_ids=[application.pk], outcome="rejected"
    )
    assert Event.objects.get(application=application, kind="rejected").text == ""
    assert not Event.objects.filter(application=application, kind="hired").exists()


def test_the_single_note_goes_to_everyone(org, trio):
    services.applications_decide(
        organization=org,
        application_ids=[a.pk for a in trio.values()],
        outcome="rejected",
        note="Thank you all.",
    )
    texts = set(Event.objects.filter(kind="rejected").values_list("text", flat=True))
    assert texts == {"Thank you all."}


def test_a_decision_uses_the_employers_own_words_in_the_candidates_language(org, trio):
    MessageTemplate.objects.create(
        organization=org,
        kind="rejected_screening",
        language="sv",
        subject="Beslut: {posting}",
        body="Hej {first_name}! {note}{status_url}",
    )
    services.applications_decide(
        organization=org,
        application_ids=[a.pk for a in trio.values()],
        outcome="rejected",
        notes={"sv": "Tack."},
    )
    swedish = Message.objects.about(trio["sv"]).get(kind="rejected_screening")
    assert swedish.subject == "Beslut: Backend developer"
    assert swedish.body.startswith("Hej Sven! Tack.\n\nhttp")
    finnish = Message.objects.about(trio["fi"]).get(kind="rejected_screening")
    assert finnish.subject != "Beslut: Backend developer" and "Hei Aino" in finnish.body


def test_processes_end_at_once_up_to_the_inline_limit(posting, org, settings):
    settings.REILU_INLINE_PROCESS_END_LIMIT = 2
    apps = [make_application(posting, email=f"i{i}@example.fi")[0] for i in range(2)]
    services.applications_decide(
        organization=org, application_ids=[a.pk for a in apps], outcome="rejected"
    )
    assert SurveyInvitation.objects.filter(application__in=apps).count() == 2


# --- The decision preview ----------------------------------------------------------------


def test_the_preview_shows_each_language_group_its_own_letter(posting, org):
    for i in range(7):
        make_application(posting, email=f"f{i}@example.fi", name=f"Fi{6 - i} Nen", language="fi")
    twins = [
        make_application(posting, email=f"t{i}@example.fi", name="Sam Same", language="en")[0]
        for i in range(2)
    ]
    MessageTemplate.objects.create(
        organization=org,
        kind="hired",
        language="en",
        subject="Welcome, {first_name}",
        body="{note}See {status_url}",
    )
    selected = Application.objects.filter(posting=posting)
    groups = services.decision_groups(selected, "hired", {"en": "Great news."})
    assert [g["language"] for g in groups] == ["fi", "en"]
    fi, en = groups
    assert fi["count"] == 7 and fi["more"] == 2
    assert fi["names"] == [f"Fi{i} Nen" for i in range(5)]
    assert fi["sample"].name == "Fi0 Nen" and fi["note"] == ""
    assert fi["language_name"] == "Finnish"
    assert en["sample"] == twins[0] and en["names"] == ["Sam Same", "Sam Same"]
    assert en["subject"] == "Welcome, Sam"
    assert en["body"].startswith("Great news.\n\nSee http://") and "/status/…/" in en["body"]
    # Without a note, the preview is the letter without one.
    assert (fi["subject"], fi["body"]) == services.decision_preview(fi["sample"], "hired")


def test_a_language_without_a_name_is_shown_by_its_code(posting):
    app = make_application(posting, email="de@example.fi", language="de")[0]
    [group] = services.decision_groups(Application.objects.filter(pk=app.pk), "rejected", {})
    assert group["language_name"] == "de"


def test_the_preview_of_a_rejection_after_an_interview_is_that_letter(application):
    by_kind = stages(application.posting)
    services.application_move(application=application, to_stage=by_kind["interview"])
    app = Application.objects.get(pk=application.pk)
    subject, body = services.decision_preview(app, "rejected", "Thanks")
    letter = services.applications_decide(
        organization=app.posting.organization,
        application_ids=[app.pk],
        outcome="rejected",
        note="Thanks",
    )
    assert letter == 1
    sent = Message.objects.about(app).get(kind="rejected_interview")
    assert sent.subject == subject
    assert sent.body.split("http")[0] == body.split("http")[0]


def test_the_boards_note_goes_to_the_ads_language_or_else_the_largest_group(posting):
    for i, lang in enumerate(["fi", "fi", "sv", "en"]):
        make_application(posting, email=f"b{i}@example.fi", language=lang)
    everyone = Application.objects.filter(posting=posting)
    assert services.board_notes(everyone, "en", "Hi") == {"en": "Hi"}
    assert services.board_notes(everyone.exclude(language="en"), "en", "Hi") == {"fi": "Hi"}
    assert services.board_notes(everyone.none(), "en", "Hi") == {"en": "Hi"}
    assert services.board_notes(everyone, "en", "") == {}


def test_a_cancellation_without_a_word_records_none(posting, application):
    services.posting_cancel(posting=posting)
    assert Event.objects.get(application=application, kind="cancelled").text == ""
