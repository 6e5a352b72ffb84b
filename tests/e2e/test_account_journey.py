"""One home for the job seeker, on a phone, in Finnish, Swedish and English: apply to two
employers without an account, sign in later with the code from the mail, see both
applications with their stages and contact people, book an interview from the task list,
and erase the account."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from reilu.applications import services as app_services
from reilu.applications.models import Application
from reilu.interviews.models import Booking
from reilu.interviews.services.slots import slot_create
from reilu.jobs.models import Stage
from reilu.messaging.outbox import deliver_all
from reilu.talent.models import Seeker
from tests.conftest import PDF_BYTES, make_org, make_posting, make_staff
from tests.e2e.conftest import PHONE, TIMEOUT_MS, horizontal_overflow, shot

SEEKER = "aino.account@example.fi"
CODE = re.compile(r"^(\d{6})$", re.M)


def _t(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


def _apply(page, base_url, posting, cv) -> Application:
    page.goto(f"{base_url}/jobs/{posting.slug}/apply/")
    page.locator("#id_name").fill("Aino Korhonen")
    page.locator("#id_email").fill(SEEKER)
    page.locator("#id_cv").set_input_files(str(cv))
    page.locator("#id_privacy_consent").check()
    page.locator("main form[enctype] button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/jobs/{re.escape(posting.slug)}/thanks/$"))
    return Application.objects.get(posting=posting, email=SEEKER)


def _code() -> str:
    deliver_all()
    for message in reversed(mail.outbox):
        if message.to == [SEEKER] and (found := CODE.search(message.body)):
            return found.group(1)
    raise AssertionError("no sign-in mail with a code")


@pytest.mark.parametrize(
    ("language", "locale"), [("fi", "fi-FI"), ("sv", "sv-SE"), ("en", "en-US")]
)
def test_a_seeker_applies_twice_signs_in_with_a_code_books_and_erases(
    transactional_db, live_server, browser, tmp_path, language, locale
):
    context = browser.new_context(locale=locale, viewport=PHONE, timezone_id="Europe/Helsinki")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    base = live_server.url
    acme = make_org()
    other = make_org("other", "Other Oy")
    recruiter = make_staff(acme)
    make_staff(other, "rec@other.example")
    posting = make_posting(acme)
    other_posting = make_posting(
        other, title="Data engineer", contact_name="Olli Otava", contact_email="olli@other.example"
    )
    cv = tmp_path / "aino-cv.pdf"
    cv.write_bytes(PDF_BYTES)
    mail.outbox.clear()

    # 1. Two applications, to two employers, without an account.
    first = _apply(page, base, posting, cv)
    second = _apply(page, base, other_posting, cv)
    assert not Seeker.objects.exists()

    # 2. Later: sign in with the email, and the code from the mail (read on another device).
    page.goto(base + "/talent/signin/")
    page.locator("#id_email").fill(SEEKER)
    page.locator("main form button[type=submit]").click()
    expect(
        page.get_by_role("heading", level=1, name=_t(language, "Check your email"))
    ).to_be_visible()
    page.locator("#id_code").fill("000000" if _code() != "000000" else "111111")
    page.get_by_role("button", name=_t(language, "Sign in with the code")).click()
    expect(page.locator("#error-summary")).to_contain_text(
        _t(language, "The code is not right, or it has expired or been tried too many times. "
                     "Use the code in the newest email, or ask for a new one.")
    )  # fmt: skip
    page.locator("#id_code").fill(_code())
    page.get_by_role("button", name=_t(language, "Sign in with the code")).click()
    page.wait_for_url(re.compile(r"/me/$"))

    # 3. Both applications, with their stages and contact people.
    expect(page.get_by_role("heading", level=1, name=_t(language, "Your account"))).to_be_visible()
    for app, contact in ((first, "Laura Nieminen"), (second, "Olli Otava")):
        row = page.locator(f"[data-application='{app.pk}']")
        expect(row).to_contain_text(app.posting.title)
        expect(row).to_contain_text(app.stage.name)
        expect(row).to_contain_text(contact)
    expect(page.locator("[data-task-count]")).to_have_text("0")
    assert horizontal_overflow(page, PHONE["width"]) == 0
    shot(page, f"account-{language}-01-home")

    # 4. Staff invite to an interview; the task list offers the booking.
    app_services.application_move(
        application=first, to_stage=posting.stages.get(kind=Stage.Kind.INTERVIEW), actor=recruiter
    )
    start = timezone.make_aware(
        dt.datetime.combine(timezone.localdate() + dt.timedelta(days=3), dt.time(10))
    )
    slot = slot_create(
        posting=posting, starts_at=start, ends_at=start + dt.timedelta(hours=1),
        location="Main office, Helsinki", interviewer_ids=[recruiter.pk],
    )  # fmt: skip
    page.reload()
    expect(page.locator("[data-task-count]")).to_have_text("1")
    task = page.locator("#tasks [data-task='book']")
    expect(task).to_contain_text(posting.title)
    shot(page, f"account-{language}-02-task")
    task.get_by_role("button", name=_t(language, "Book a time")).click()
    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/interview/$"))
    page.locator(f"#slot-{slot.pk}").check()
    page.get_by_role("button", name=_t(language, "Book this time")).click()
    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/$"))
    expect(
        page.get_by_text(_t(language, "Your time is booked. The invitation is on its way."))
    ).to_be_visible()
    assert Booking.objects.get(application=first, state="active").slot_id == slot.pk
    page.goto(base + "/me/")
    expect(page.locator("[data-task-count]")).to_have_text("0")
    expect(page.locator("#tasks [data-task='move']")).to_be_visible()

    # 5. Erase the account: a confirmation that lists what goes, then everything goes.
    page.get_by_role("link", name=_t(language, "Erase my account")).click()
    page.wait_for_url(re.compile(r"/me/erase/$"))
    listed = page.locator("#erase-list")
    expect(listed).to_contain_text(posting.title)
    expect(listed).to_contain_text(other_posting.title)
    assert horizontal_overflow(page, PHONE["width"]) == 0
    shot(page, f"account-{language}-03-erase")
    page.locator("#confirm-erase").check()
    page.get_by_role("button", name=_t(language, "Erase my account")).click()
    expect(
        page.get_by_role("heading", level=1, name=_t(language, "Your account is erased"))
    ).to_be_visible()
    for app in (first, second):
        app.refresh_from_db()
        assert app.erased_at is not None and app.email == "" and app.name == ""
    assert not Seeker.objects.exists()
    page.goto(base + "/me/")
    page.wait_for_url(re.compile(r"/talent/signin/$"))
    context.close()
