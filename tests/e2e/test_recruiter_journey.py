"""A recruiter's journey in a real browser: write an ad, fix what the checker finds, publish,
move a candidate, decline a whole stage with a previewed personal message, watch delivery."""

import datetime as dt
import re

from django.utils import timezone
from playwright.sync_api import expect

from reilu.applications.models import Application
from reilu.jobs.models import Posting
from reilu.messaging.models import Message
from reilu.messaging.outbox import deliver_all
from tests.conftest import make_application, make_org, make_staff
from tests.e2e.conftest import STAFF_VIEWPORT, doc_shot, shot, staff_login

APPLICANTS = 41


def _finding(page, code):
    return page.locator(f'#adcheck [data-code="{code}"]')


def _write_a_flawed_ad(page):
    page.locator("#id_language").select_option("en")
    page.locator("#id_title").fill("Salesman")
    page.locator("#id_description").fill(
        "Sell our cleaning products to small businesses in Uusimaa. "
        "In your application, tell us your current salary."
    )
    # The editor posts the form to /staff/adcheck/ on input (debounced) and swaps #adcheck.
    expect(_finding(page, "gendered-title")).to_be_visible()
    expect(_finding(page, "salary-history-question")).to_be_visible()
    expect(_finding(page, "missing-salary")).to_be_visible()
    expect(_finding(page, "missing-contact")).to_be_visible()


def _fix_the_ad(page):
    today = timezone.localdate()
    page.locator("#id_title").fill("Salesperson")
    expect(_finding(page, "gendered-title")).to_have_count(0)
    page.locator("#id_description").fill(
        "Sell our cleaning products to small businesses in Uusimaa and look after the "
        "customers you win. You get a car and a phone."
    )
    expect(_finding(page, "salary-history-question")).to_have_count(0)
    page.locator("#id_location").fill("Helsinki")
    page.locator("#id_pay_min").fill("2800")
    page.locator("#id_pay_max").fill("3600")
    page.locator("#id_contact_name").fill("Laura Nieminen")
    page.locator("#id_contact_email").fill("laura@acme.example")
    page.locator("#id_duties-0-duty").fill("Selling to new customers")
    page.locator("#id_duties-0-percent").fill("60")
    page.locator("#id_duties-1-duty").fill("Looking after existing customers")
    page.locator("#id_duties-1-percent").fill("40")
    # One default stage renamed and a duty added with the row button: every row must be saved.
    page.locator("#id_stages-1-name").fill("Phone call")
    page.locator("#id_stages-1-description").fill("We call you for a short chat first.")
    page.locator("#id_duties-1-percent").fill("30")
    page.get_by_role("button", name="Add a duty").click()
    page.locator("#id_duties-2-duty").fill("Visiting trade fairs")
    page.locator("#id_duties-2-percent").fill("10")
    page.locator("#id_apply_by").fill((today + dt.timedelta(days=14)).isoformat())
    page.locator("#id_decision_by").fill((today + dt.timedelta(days=28)).isoformat())
    # A final change event so the last field's check is not waiting on the debounce.
    page.locator("#id_decision_by").dispatch_event("change")
    expect(page.locator("#adcheck #publish-problems")).to_have_count(0)
    expect(page.locator("#adcheck .notice.success")).to_be_visible()
    for code in ("gendered-title", "salary-history-question", "missing-salary", "missing-contact"):
        expect(_finding(page, code)).to_have_count(0)


def test_it_writes_fixes_publishes_and_decides(transactional_db, live_server, staff_page):
    page = staff_page
    org = make_org()
    recruiter = make_staff(org)

    staff_login(page, live_server.url, recruiter)
    shot(page, "recruiter-1-home")

    page.goto(live_server.url + "/staff/postings/new/")
    expect(page.get_by_role("heading", level=1, name="New posting")).to_be_visible()
    _write_a_flawed_ad(page)
    shot(page, "recruiter-2-editor-findings")
    page.locator("#id_title").scroll_into_view_if_needed()
    doc_shot(page, "editor-findings")

    _fix_the_ad(page)
    shot(page, "recruiter-3-editor-clean")

    page.get_by_role("button", name="Save and publish").click()
    page.wait_for_url(re.compile(r"/staff/postings/\d+/$"))
    posting = Posting.objects.get(organization=org, title="Salesperson")
    assert posting.state == Posting.State.PUBLISHED
    assert [(d.duty, d.percent) for d in posting.duties.all()] == [
        ("Selling to new customers", 60),
        ("Looking after existing customers", 30),
        ("Visiting trade fairs", 10),
    ]
    assert [(s.name, s.kind) for s in posting.stages.all()] == [
        ("Received", "received"),
        ("Phone call", "screening"),
        ("Interview", "interview"),
        ("Decision", "decision"),
    ]
    assert posting.stages.get(name="Phone call").description == (
        "We call you for a short chat first."
    )
    expect(
        page.get_by_text("Published. The ad is now visible on the careers site.")
    ).to_be_visible()
    shot(page, "recruiter-4-board-empty")

    for n in range(APPLICANTS):
        make_application(posting, email=f"applicant{n:02}@example.fi", name=f"Applicant {n:02}")
    first, second = list(posting.stages.all())[:2]
    page.reload()
    first_column = page.locator(f"section.column[aria-labelledby='col-{first.pk}']")
    second_column = page.locator(f"section.column[aria-labelledby='col-{second.pk}']")
    expect(first_column.locator("h2 .badge")).to_have_text(str(APPLICANTS))
    expect(first_column.locator("article.cardlet")).to_have_count(APPLICANTS)
    doc_shot(page, "board")

    mover = Application.objects.filter(posting=posting).order_by("promised_by", "id").first()
    page.get_by_role("button", name=f"Move {mover.name} to the next stage").click()
    expect(second_column.get_by_role("link", name=mover.name)).to_be_visible()
    expect(first_column.get_by_role("link", name=mover.name)).to_have_count(0)
    expect(first_column.locator("h2 .badge")).to_have_text(str(APPLICANTS - 1))
    mover.refresh_from_db()
    assert mover.stage_id == second.pk
    shot(page, "recruiter-5-moved")

    remaining = APPLICANTS - 1
    page.get_by_label(f"Select all {remaining} in this stage").check()
    expect(first_column.locator("input[name=ids]:checked")).to_have_count(remaining)
    page.get_by_role("combobox", name="Decision").select_option(label="Not chosen")
    page.get_by_label(
        "Personal note in the ad's language (optional; other languages in the next step)"
    ).fill("Thank you for your time; we were glad to read your application.")
    page.get_by_role("button", name="Preview the messages").click()
    expect(
        page.get_by_role("heading", level=1, name=f"Decline {remaining} candidates")
    ).to_be_visible()
    preview = page.locator(".mail-body")
    expect(preview).to_contain_text(
        "Thank you for your time; we were glad to read your application."
    )
    expect(preview).to_contain_text("Applicant")
    shot(page, "recruiter-6-preview")

    page.get_by_role("button", name="Confirm and send").click()
    page.wait_for_url(re.compile(rf"/staff/postings/{posting.pk}/$"))
    expect(page.get_by_text(f"{remaining} candidates decided.")).to_be_visible()
    delivery = page.locator("#delivery")
    expect(delivery).to_contain_text("on their way")
    queued = Message.objects.about_any(Application, posting.applications.values("pk")).filter(
        alert_staff_on_failure=True
    )
    assert queued.filter(state=Message.State.PENDING).count() > 0
    expect(delivery).to_contain_text(
        f"{queued.filter(state=Message.State.PENDING).count()} on their way"
    )
    declined = Application.objects.filter(posting=posting, outcome=Application.Outcome.REJECTED)
    assert declined.count() == remaining
    assert not declined.filter(pk=mover.pk).exists()
    shot(page, "recruiter-7-delivering")

    assert deliver_all() > 0
    page.reload()
    delivered = queued.filter(state=Message.State.SENT).count()
    # The decisions are out; each survey invitation follows its decision an hour later.
    waiting = queued.exclude(state=Message.State.SENT)
    assert set(waiting.values_list("kind", flat=True)) == {"survey_invitation"}
    assert waiting.count() == remaining
    expect(delivery).to_contain_text(f"{delivered} delivered, {remaining} on their way, 0 failed")
    expect(page.locator(".column .counts")).to_contain_text(f"Not chosen: {remaining}")
    shot(page, "recruiter-8-delivered")

    ad_url = page.get_by_role("link", name="View ad").get_attribute("href")
    # The ad as a job seeker sees it: a fresh browser context, not signed in.
    public = page.context.browser.new_context(viewport=STAFF_VIEWPORT, locale="en-US")
    try:
        seeker = public.new_page()
        seeker.goto(live_server.url + ad_url)
        expect(seeker.get_by_role("heading", level=1, name="Salesperson")).to_be_visible()
        expect(seeker.locator("main")).to_contain_text("2,800–3,600 € per month")
        expect(seeker.locator("main")).to_contain_text("Laura Nieminen")
        doc_shot(seeker, "job-page")
    finally:
        public.close()
