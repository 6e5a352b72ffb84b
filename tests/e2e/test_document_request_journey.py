"""Documents requested (issue 18, item 2), in the browser, in Finnish.

A recruiter asks the candidate for a document on the application's page (a first try with
nothing filled in is refused with the error summary, the fix goes); the candidate gets the
mail (a real SMTP server), opens the status link on a phone (390 px), sends a file of the
wrong kind, is told why, uses the language switch there (back to the status page), sends
the PDF and sees the thanks without scrolling; the recruiter gets a mail, sees the document
received and downloads it.
"""

import datetime as dt
import re
from email.header import decode_header, make_header
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from reilu.applications.models import DocumentRequest
from tests.conftest import PDF_BYTES, make_application, make_org, make_posting, make_staff
from tests.e2e.conftest import PHONE, STAFF_VIEWPORT, horizontal_overflow, shot, staff_login
from tests.e2e.journeys import body, new_context, received, t

SERIOUS = {"serious", "critical"}
CONTACT = "laura@acme.example"
CANDIDATE = "aino.docs@example.fi"
WHAT = "Kopio sairaanhoitajan ammattioikeudesta"


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    return [
        f"{v['id']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in SERIOUS
    ]


def test_staff_ask_for_a_document_and_the_candidate_sends_it_from_a_phone(
    transactional_db, live_server, browser, settings, smtp_server, tmp_path
):
    settings.BASE_URL = base = live_server.url
    language = "fi"
    acme = make_org()
    recruiter = make_staff(acme, CONTACT)
    recruiter.first_name, recruiter.last_name = "Laura", "Nieminen"
    recruiter.save()
    posting = make_posting(acme, language=language)
    app, _raw = make_application(posting, email=CANDIDATE, language=language)
    due = timezone.localdate() + dt.timedelta(days=5)

    # 1. The recruiter asks on the application's page; an empty form is refused first.
    staff = new_context(browser, language, STAFF_VIEWPORT)
    desk = staff.new_page()
    staff_login(desk, base, recruiter)
    desk.goto(f"{base}/staff/applications/{app.pk}/")
    section = desk.locator("#documents")
    expect(section.get_by_role("heading", name=t(language, "Documents requested"))).to_be_visible()
    ask = section.get_by_role("button", name=t(language, "Request the document"))
    desk.locator("#id_doc-note").fill("Molemmat puolet, kiitos.")
    ask.click()
    summary = desk.locator("#error-summary")
    expect(summary).to_contain_text(t(language, "There is a problem"))
    expect(summary).to_contain_text(t(language, "Say which document you ask for."))
    expect(summary).to_be_focused()
    expect(desk.locator("#id_doc-note")).to_have_value("Molemmat puolet, kiitos.")
    assert desk.title().startswith(t(language, "Error:"))
    assert serious_violations(desk) == []
    assert not DocumentRequest.objects.exists()
    desk.locator("#id_doc-what").fill(WHAT)
    desk.locator("#id_doc-due").fill(due.isoformat())
    desk.locator("#documents").get_by_role(
        "button", name=t(language, "Request the document")
    ).click()
    desk.wait_for_url(re.compile(rf"/staff/applications/{app.pk}/#documents$"))
    row = desk.locator("#documents [data-state='waiting']")
    expect(row).to_contain_text(WHAT)
    expect(row).to_contain_text(t(language, "Waiting"))
    shot(desk, "documents-1-requested")

    # 2. The candidate's mail, in Finnish, names the document, the date and the contact.
    [mail] = [m for m in received(smtp_server, CANDIDATE) if WHAT in body(m)]
    text = body(mail)
    subject = str(make_header(decode_header(mail["Subject"])))
    assert subject.startswith("Lähetäthän meille asiakirjan")
    assert f"{due.day}.{due.month}.{due.year}" in text and "Laura Nieminen" in text
    link = re.search(r"https?://\S+/status/[A-Za-z0-9_-]+/", text).group(0)

    # 3. On a phone: the request on the status page; a wrong kind of file, then the PDF.
    phone = new_context(browser, language, PHONE)
    page = phone.new_page()
    page.goto(link)
    documents = page.locator("#documents")
    expect(documents).to_contain_text(WHAT)
    expect(documents).to_contain_text(f"{due.day}.{due.month}.{due.year}")
    assert horizontal_overflow(page, PHONE["width"]) == 0
    assert serious_violations(page) == []
    shot(page, "documents-2-phone-asked")
    wrong = tmp_path / "licence.pdf"
    wrong.write_bytes(b"\x00\x01\x02 not a document")
    document = DocumentRequest.objects.get()
    page.locator(f"#doc-file-{document.pk}").set_input_files(str(wrong))
    documents.get_by_role("button", name=re.compile("Laura Nieminen")).click()
    expect(page.locator("#error-summary")).to_contain_text(
        t(language, "Please send the document as a PDF, Word (DOCX), OpenDocument (ODT), "
          "RTF or text file.")
    )  # fmt: skip
    assert horizontal_overflow(page, PHONE["width"]) == 0
    assert serious_violations(page) == []
    shot(page, "documents-3-phone-refused")
    # The language switch on the refused page sends the browser back to the address it is
    # at, the form's POST-only one: that leads to the status page's documents, not a 405.
    page.get_by_role("button", name=t(language, "Change")).click()
    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/#documents$"))
    expect(page.locator("#documents input[type=file]")).to_have_count(1)
    document.refresh_from_db()
    assert document.fulfilled_at is None and not document.file
    right = tmp_path / "ammattioikeus.pdf"
    right.write_bytes(PDF_BYTES)
    page.locator(f"#doc-file-{document.pk}").set_input_files(str(right))
    page.locator("#documents").get_by_role("button", name=re.compile("Laura Nieminen")).click()
    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/$"))
    # The thanks where the candidate is: in the phone's viewport, not above it.
    thanks = page.get_by_text("Kiitos: Laura Nieminen on saanut asiakirjasi.")
    expect(thanks).to_be_in_viewport()
    expect(page.locator("#documents .badge.ok")).to_be_visible()
    expect(page.locator("#documents input[type=file]")).to_have_count(0)
    assert horizontal_overflow(page, PHONE["width"]) == 0
    shot(page, "documents-4-phone-sent")
    phone.close()

    # 4. The contact person is told by mail; the workspace shows it received; it downloads.
    [told] = [m for m in received(smtp_server, CONTACT) if WHAT in body(m)]
    assert f"/staff/applications/{app.pk}/#documents" in body(told)
    desk.reload()
    done = desk.locator("#documents [data-state='received']")
    expect(done).to_contain_text(t(language, "Received"))
    with desk.expect_download() as download:
        done.get_by_role("link", name=re.compile("ammattioikeus.pdf")).click()
    assert download.value.suggested_filename == "ammattioikeus.pdf"
    assert Path(download.value.path()).read_bytes() == PDF_BYTES
    shot(desk, "documents-5-received")
    staff.close()
