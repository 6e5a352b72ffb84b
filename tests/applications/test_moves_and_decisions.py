import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from reilu.applications import services
from reilu.applications.models import Application, Event
from reilu.messaging.models import Message
from reilu.messaging.outbox import deliver_all
from reilu.rules import RuleError
from tests.conftest import make_application


def test_moving_sets_a_new_promise_and_tells_the_candidate(application, recruiter):
    screening = application.posting.stages.get(kind="screening")
    services.application_move(application=application, actor=recruiter, note="Great CV!")
    app = Application.objects.get(pk=application.pk)
    assert app.stage == screening
    assert app.promised_by == timezone.localdate() + dt.timedelta(days=screening.promise_days)
    assert app.first_response_at is not None
    event = Event.objects.get(application=app, kind="moved")
    assert event.visible_to_candidate and event.stage == screening
    deliver_all()
    moved = [m for m in mail.outbox if "moved forward" in m.subject]
    assert len(moved) == 1 and "Great CV!" in moved[0].body and "Screening" in moved[0].body


def test_it_moves_to_a_chosen_stage_and_not_past_the_last(application):
    stages = list(application.posting.stages.all())
    services.application_move(application=application, to_stage=stages[-1])
    app = Application.objects.get(pk=application.pk)
    assert app.stage == stages[-1]
    with pytest.raises(RuleError) as exc:
        services.application_move(application=app)
    assert exc.value.code == "last_stage"


def test_it_refuses_a_stage_of_another_posting(application, org):
    from tests.conftest import make_posting

    other = make_posting(org, title="Other")
    with pytest.raises(RuleError):
        services.application_move(application=application, to_stage=other.stages.first())


def test_a_decided_application_cannot_move(application, org):
    services.applications_decide(
        organization=org, application_ids=[application.pk], outcome="rejected"
    )
    with pytest.raises(RuleError):
        services.application_move(application=Application.objects.get(pk=application.pk))


def test_one_decision_sends_one_personal_message(application, org):
    n = services.applications_decide(
        organization=org,
        application_ids=[application.pk],
        outcome="rejected",
        note="Your portfolio was strong.",
    )
    assert n == 1
    application.refresh_from_db()
    assert application.outcome == "rejected" and application.decided_at
    msg = Message.objects.about(application).get(kind="rejected_screening")
    assert "Hello Aino" in msg.body and "Your portfolio was strong." in msg.body
    assert "Backend developer" in msg.body and "Received" in msg.body
    assert "Laura Nieminen" in msg.body


def test_many_decisions_are_personal_and_in_each_language(posting, org):
    apps = [
        make_application(posting, email=f"p{i}@example.fi", name=f"Person{i} X", language=lang)[0]
        for i, lang in enumerate(["en", "fi", "sv"] * 4)
    ]
    interviewed = apps[0]
    services.application_move(
        application=interviewed, to_stage=posting.stages.get(kind="interview")
    )
    n = services.applications_decide(
        organization=org, application_ids=[a.pk for a in apps], outcome="rejected", note="Thanks!"
    )
    assert n == 12
    msgs = Message.objects.filter(kind__startswith="rejected")
    assert msgs.count() == 12
    assert {m.language for m in msgs} == {"en", "fi", "sv"}
    for app in apps:
        body = Message.objects.about(app).get(kind__startswith="rejected").body
        assert app.first_name in body and "Thanks!" in body
    assert Message.objects.about(interviewed).get(kind__startswith="rejected").kind == (
        "rejected_interview"
    )
    # Deciding again changes nothing and sends nothing more.
    assert (
        services.applications_decide(
            organization=org, application_ids=[a.pk for a in apps], outcome="hired"
        )
        == 0
    )


def test_decisions_ignore_other_employers_applications(application, other_org):
    n = services.applications_decide(
        organization=other_org, application_ids=[application.pk], outcome="rejected"
    )
    assert n == 0
    application.refresh_from_db()
    assert application.outcome == "active"


def test_the_board_moves_a_card_with_htmx(staff_client, application):
    response = staff_client.post(
        f"/staff/applications/{application.pk}/move/", {"to": "next"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'id="board"' in response.content.decode()
    application.refresh_from_db()
    assert application.stage.kind == "screening"


def test_the_board_decides_many_after_a_preview(staff_client, posting):
    apps = [
        make_application(posting, email=f"x{i}@example.fi", name=f"X{i} Y")[0] for i in range(5)
    ]
    ids = [a.pk for a in apps[:3]]
    url = f"/staff/postings/{posting.pk}/decide/"
    preview = staff_client.post(url, {"ids": ids, "outcome": "rejected", "note": "Kind words"})
    assert preview.status_code == 200
    assert "Kind words" in preview.content.decode()
    assert Application.objects.filter(outcome="rejected").count() == 0
    staff_client.post(
        url, {"ids": ids, "outcome": "rejected", "note": "Kind words", "confirm": "yes"}
    )
    assert set(Application.objects.filter(outcome="rejected").values_list("pk", flat=True)) == set(
        ids
    )


def test_select_all_in_a_stage_decides_everyone_there(staff_client, posting):
    for i in range(4):
        make_application(posting, email=f"s{i}@example.fi", name=f"S{i} Y")
    first = posting.stages.order_by("position").first()
    staff_client.post(
        f"/staff/postings/{posting.pk}/decide/",
        {"stage_all": first.pk, "outcome": "rejected", "confirm": "yes"},
    )
    assert Application.objects.filter(outcome="rejected").count() == 4


def test_the_board_takes_the_same_number_of_queries_for_more_applicants(
    staff_client, posting, django_assert_max_num_queries
):
    for i in range(3):
        make_application(posting, email=f"q{i}@example.fi")
    with django_assert_max_num_queries(14):
        staff_client.get(f"/staff/postings/{posting.pk}/")
    for i in range(30):
        make_application(posting, email=f"r{i}@example.fi")
    with django_assert_max_num_queries(14):
        staff_client.get(f"/staff/postings/{posting.pk}/")


def test_a_large_decision_hands_end_of_process_work_to_a_task(posting, org, settings):
    from django_tasks_db.models import DBTaskResult

    from reilu.applications.tasks import end_processes
    from reilu.voice.models import SurveyInvitation

    settings.REILU_INLINE_PROCESS_END_LIMIT = 2
    apps = [make_application(posting, email=f"big{i}@example.fi")[0] for i in range(3)]
    services.applications_decide(
        organization=org, application_ids=[a.pk for a in apps], outcome="rejected"
    )
    assert not SurveyInvitation.objects.exists()
    # The task row is written in the decision's own transaction, where a worker will find it.
    [queued] = DBTaskResult.objects.filter(task_path=end_processes.module_path)
    assert queued.status == "READY"
    args = queued.task_result.args
    assert sorted(args[0]) == sorted(a.pk for a in apps) and args[1] == "rejected"
    end_processes.call(*args)
    assert SurveyInvitation.objects.count() == 3


def test_the_end_of_process_task_works_in_short_transactions(posting, org, settings):
    from reilu.applications.signals import process_ended
    from reilu.applications.tasks import end_processes
    from reilu.voice.models import SurveyInvitation

    settings.REILU_INLINE_PROCESS_END_LIMIT = 2
    apps = [make_application(posting, email=f"big{i}@example.fi")[0] for i in range(5)]
    services.applications_decide(
        organization=org, application_ids=[a.pk for a in apps], outcome="rejected"
    )
    chunks: list[int] = []

    def count(sender, application_ids, **kwargs):
        chunks.append(len(application_ids))

    process_ended.connect(count)
    try:
        assert end_processes.call([a.pk for a in apps], "rejected") == 5
    finally:
        process_ended.disconnect(count)
    # Each chunk is a transaction of its own, the size a request would end at once.
    assert chunks == [2, 2, 1]
    assert SurveyInvitation.objects.count() == 5


def test_a_small_decision_ends_processes_at_once(posting, org):
    from reilu.voice.models import SurveyInvitation

    app, _ = make_application(posting)
    services.applications_decide(organization=org, application_ids=[app.pk], outcome="hired")
    assert SurveyInvitation.objects.filter(application=app).exists()
