"""The queue: the only writer of messages. One kick per transaction however many messages,
one message per dedupe key, and a generic reference that finds an application's mail."""

import pytest
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from reilu.applications import services as app_services
from reilu.applications.models import Application
from reilu.messaging import queue
from reilu.messaging.models import Message, MessageAbout
from reilu.privacy.models import ErasureRecord
from reilu.privacy.services import application_erase
from tests.conftest import make_application


def mail(org, key: str, **kw) -> queue.Mail:
    fields = {
        "organization": org,
        "kind": "test",
        "to_email": f"{key}@example.fi",
        "subject": "Hello",
        "body": "Body",
        "language": "en",
        "dedupe_key": key,
    }
    fields.update(kw)
    return queue.Mail(**fields)


def kicks(callbacks) -> int:
    return sum(1 for c in callbacks if c is queue._enqueue_delivery)


def test_three_hundred_messages_kick_delivery_once(org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        assert queue.messages_queue([mail(org, f"m{i}") for i in range(300)]) == 300
        queue.message_queue(**vars(mail(org, "one")))
        queue.message_queue(**vars(mail(org, "two")))
    assert Message.objects.count() == 302
    assert kicks(callbacks) == 1


def test_a_kick_lost_with_a_rolled_back_savepoint_is_asked_for_again(
    org, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        try:
            with transaction.atomic():
                queue.message_queue(**vars(mail(org, "gone")))
                raise RuntimeError
        except RuntimeError:
            pass
        queue.message_queue(**vars(mail(org, "stays")))
    assert list(Message.objects.values_list("dedupe_key", flat=True)) == ["stays"]
    assert kicks(callbacks) == 1


def test_nothing_new_asks_for_no_delivery(org, django_capture_on_commit_callbacks):
    queue.message_queue(**vars(mail(org, "k")))
    with django_capture_on_commit_callbacks() as callbacks:
        assert queue.messages_queue([mail(org, "k")]) == 0
    assert kicks(callbacks) == 0


def test_a_dedupe_key_is_queued_once_one_at_a_time_or_many(org):
    first = queue.message_queue(**vars(mail(org, "k", subject="first")))
    assert first is not None
    assert queue.message_queue(**vars(mail(org, "k", subject="again"))) is None
    # In bulk: a key already queued and a key repeated in the same call go once.
    batch = [mail(org, "k"), mail(org, "new", subject="1st"), mail(org, "new", subject="2nd")]
    assert queue.messages_queue(batch) == 1
    assert dict(Message.objects.values_list("dedupe_key", "subject")) == {
        "k": "first",
        "new": "1st",
    }


def test_the_bulk_queue_names_whom_each_message_is_about(org, posting):
    apps = [make_application(posting, email=f"c{i}@example.fi")[0] for i in range(2)]
    queue.messages_queue(
        [mail(org, f"about{a.pk}", about=a, also_about=["talent.seeker:9"]) for a in apps]
    )
    for app in apps:
        message = Message.objects.about(app).get(kind="test")
        refs = set(message.about.values_list("ref", flat=True))
        assert refs == {f"applications.application:{app.pk}", "talent.seeker:9"}


def test_the_generic_reference_finds_an_applications_messages(posting, org):
    app, _ = make_application(posting)
    other, _ = make_application(posting, email="eero@example.fi")
    app_services.applications_decide(organization=org, application_ids=[app.pk], outcome="rejected")
    kinds = set(Message.objects.about(app).values_list("kind", flat=True))
    assert {"received", "rejected_screening"} <= kinds
    assert set(app.messages.values_list("pk", flat=True)) == set(
        Message.objects.filter(about_type="applications.application", about_id=app.pk).values_list(
            "pk", flat=True
        )
    )
    assert not app.messages.filter(to_email=other.email).exists()
    assert set(Message.objects.about_any(Application, [other.pk]).values_list("kind", flat=True))
    assert {m.about_id for m in Message.objects.about_any(Application, [app.pk])} == {app.pk}


def test_deleting_an_application_deletes_its_messages(posting):
    app, _ = make_application(posting)
    other, _ = make_application(posting, email="eero@example.fi")
    mine = list(app.messages.values_list("pk", flat=True))
    assert mine
    Application.objects.filter(pk=app.pk).delete()
    assert not Message.objects.filter(pk__in=mine).exists()
    assert not MessageAbout.objects.filter(message_id__in=mine).exists()
    assert other.messages.exists()


def test_erasure_clears_the_messages_found_by_the_reference(posting, org, recruiter):
    app, _ = make_application(posting)
    app_services.applications_decide(organization=org, application_ids=[app.pk], outcome="rejected")
    Message.objects.about(app).filter(kind="received").update(state="sent")
    assert Message.objects.about(app).exclude(body="").exists()
    application_erase(application=app, reason=ErasureRecord.Reason.CANDIDATE)
    left = Message.objects.about(app)
    assert left.exists()  # a sent message stays, as a fact without its text
    assert not left.exclude(body="").exists()
    assert not left.exclude(subject="").exists()
    assert not left.exclude(to_email="").exists()
    assert not left.exclude(reply_to="").exists()


@pytest.mark.django_db(transaction=True)
def test_the_migration_copies_each_messages_application():
    executor = MigrationExecutor(connection)
    before = [("messaging", "0005_message_about_person")]
    after = [("messaging", "0006_message_about_generic")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    org = old.get_model("employers", "Organization").objects.create(slug="m", name="M")
    try:
        app_id = _old_application(old, org)
        message = old.get_model("messaging", "Message").objects.create(
            organization=org,
            application_id=app_id,
            kind="received",
            to_candidate=False,
            language="en",
            to_email="a@example.fi",
            subject="s",
            body="b",
            dedupe_key="k",
            message_id="<k@reilu>",
            next_attempt_at="2026-01-01T00:00:00Z",
        )
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        new = executor.loader.project_state(after).apps
        stored = new.get_model("messaging", "Message").objects.get(pk=message.pk)
        assert (stored.about_type, stored.about_id) == ("applications.application", app_id)
        assert stored.alert_staff_on_failure is False
    finally:
        MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())


def _old_application(apps, org) -> int:
    posting = apps.get_model("jobs", "Posting").objects.create(
        organization=org, title="T", slug="t", language="en"
    )
    stage = apps.get_model("jobs", "Stage").objects.create(
        posting=posting, name="S", position=0, promise_days=7
    )
    return (
        apps.get_model("applications", "Application")
        .objects.create(
            posting=posting,
            stage=stage,
            name="A",
            email="a@example.fi",
            email_key="a@example.fi",
            language="en",
            contact_name="C",
            promised_by="2026-01-10",
            privacy_consent_at="2026-01-01T00:00:00Z",
        )
        .pk
    )


def test_more_than_a_batch_is_queued_and_read_back_whole(org, settings):
    """Over 500 messages at once (the queue writes and reads back 500 at a time), half of
    them already queued: each new one stored once, with its reference, under the site's
    domain."""
    settings.BASE_URL = "https://jobs.example.fi"

    def mails(keys):
        return [mail(org, f"m{i}", also_about=[f"person:{i}"]) for i in keys]

    assert queue.messages_queue(mails(range(0, 1200, 2))) == 600
    assert queue.messages_queue(mails(range(1200))) == 600
    assert Message.objects.count() == 1200
    refs = MessageAbout.objects.values_list("message__dedupe_key", "ref")
    assert sorted(refs) == sorted((f"m{i}", f"person:{i}") for i in range(1200))
    ids = Message.objects.values_list("message_id", flat=True)
    assert all(m.endswith("@jobs.example.fi>") for m in ids)
