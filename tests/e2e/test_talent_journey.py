"""The talent gallery in a real browser: a seeker signs in by link, publishes a profile that
the public sees without contact details; a recruiter asks for contact, the seeker accepts,
and only then the recruiter sees the email and phone."""

import re

from django.core import mail
from playwright.sync_api import expect

from reilu.messaging.outbox import deliver_all
from reilu.talent.models import ContactRequest, Profile
from tests.conftest import make_org, make_staff
from tests.e2e.conftest import shot, staff_login

SIGNIN_LINK = re.compile(r"https?://[^/\s]+(/talent/signin/[A-Za-z0-9_-]+/)")
SEEKER = "kaisa.lehtinen@example.fi"
PHONE_NUMBER = "+358 40 765 4321"
NAME = "Kaisa Lehtinen"
HEADLINE = "Warehouse team lead with a forklift licence"
LONG = 15_000


def _label(text: str) -> re.Pattern:
    """A form label as Django renders it, with or without the trailing colon."""
    return re.compile(rf"^{re.escape(text)}:?$")


def _sign_in(page, base_url: str) -> None:
    page.goto(base_url + "/talent/signin/")
    expect(page.get_by_role("heading", level=1, name="Sign in to Reilu")).to_be_visible(
        timeout=LONG
    )
    page.get_by_label(_label("Your email address")).fill(SEEKER)
    shot(page, "talent-01-signin")
    page.get_by_role("button", name="Email me a sign-in link").click()
    expect(page.get_by_role("heading", level=1, name="Check your email")).to_be_visible(
        timeout=LONG
    )
    shot(page, "talent-02-signin-sent")

    mail.outbox.clear()
    assert deliver_all() >= 1
    received = [m for m in mail.outbox if m.to == [SEEKER]]
    assert received, "no sign-in mail to the seeker"
    found = SIGNIN_LINK.search(received[-1].body)
    assert found, f"no sign-in link in the mail:\n{received[-1].body}"

    # Opening the link alone does not sign in (mail scanners open links): a button does.
    page.goto(base_url + found.group(1))
    expect(
        page.get_by_role("heading", level=1, name="Sign in to your Reilu account")
    ).to_be_visible(timeout=LONG)
    shot(page, "talent-03-signin-confirm")
    page.get_by_role("button", name="Sign in", exact=True).click()
    # Signing in lands on the seeker's one account page, which offers the profile.
    page.wait_for_url(re.compile(r"/me/$"), timeout=LONG)
    expect(page.get_by_role("heading", level=1, name="Your account")).to_be_visible(timeout=LONG)
    expect(page.get_by_text("You have no profile yet.")).to_be_visible()
    shot(page, "talent-04-me-empty")


def _write_profile(page) -> Profile:
    page.get_by_role("link", name="Write your profile").click()
    page.wait_for_url(re.compile(r"/talent/me/profile/$"), timeout=LONG)
    page.get_by_label(_label("Name")).fill(NAME)
    page.get_by_label(_label("Headline")).fill(HEADLINE)
    page.get_by_label(_label("Areas of expertise")).fill("Warehouse logistics\nShift planning")
    page.get_by_label(_label("Short bio")).fill(
        "Ten years in logistics; I like calm, well-run shifts."
    )
    page.get_by_label(_label("Home region")).select_option(label="Uusimaa")
    page.get_by_label(_label("Willing to work remotely")).uncheck()
    page.get_by_label(_label("Phone")).fill(PHONE_NUMBER)
    page.get_by_label("Public: anyone can see it").check()
    page.get_by_label(_label("Skills")).fill("forklift licence, shift planning")
    page.get_by_label(_label("Languages")).fill("fi:native, en:B2")
    shot(page, "talent-05-profile-form")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/talent/me/$"), timeout=LONG)
    expect(page.get_by_text("Your profile is saved.")).to_be_visible(timeout=LONG)
    expect(page.get_by_role("heading", level=1, name=NAME)).to_be_visible()
    expect(page.get_by_text("Your profile is hidden: no employer sees it.")).to_have_count(0)
    expect(page.get_by_label("Public: anyone can see it")).to_be_checked()
    shot(page, "talent-06-me-published")
    profile = Profile.objects.get(seeker__email=SEEKER)
    assert profile.visibility == Profile.Visibility.PUBLIC
    assert profile.phone == PHONE_NUMBER
    return profile


def _no_contact_details(page) -> None:
    main = page.locator("main")
    expect(main).not_to_contain_text(SEEKER)
    expect(main).not_to_contain_text(PHONE_NUMBER)
    expect(page.locator(f"a[href^='mailto:{SEEKER}'], a[href^='tel:']")).to_have_count(0)


def test_it_publishes_a_profile_and_shares_contact_on_request(
    transactional_db, live_server, page, staff_page
):
    org = make_org()
    recruiter = make_staff(org)

    # 1. The seeker signs in by a link from the mail and writes a public profile.
    _sign_in(page, live_server.url)
    profile = _write_profile(page)

    # 2. The public gallery finds it, without email or phone. The search indexes the
    # headline, skills, expertise and bio (not names: reilu/talent/migrations/0002), so the
    # seeker is found by a word of her headline.
    page.goto(live_server.url + "/talent/?q=warehouse")
    expect(page.get_by_role("heading", level=1, name="Talent gallery")).to_be_visible(timeout=LONG)
    result = page.get_by_role("link", name=NAME)
    expect(result).to_be_visible(timeout=LONG)
    expect(page.locator("main")).to_contain_text(HEADLINE)
    _no_contact_details(page)
    shot(page, "talent-07-gallery")
    result.click()
    page.wait_for_url(re.compile(rf"/talent/p/{profile.public_id}/$"), timeout=LONG)
    expect(page.get_by_role("heading", level=1, name=NAME)).to_be_visible(timeout=LONG)
    _no_contact_details(page)
    shot(page, "talent-08-public-profile")

    # 3. A recruiter finds the profile in the staff search and asks for contact.
    staff_login(staff_page, live_server.url, recruiter)
    staff_page.goto(live_server.url + "/staff/talent/")
    expect(staff_page.get_by_role("heading", level=1, name="Talent search")).to_be_visible(
        timeout=LONG
    )
    staff_page.get_by_role("search").get_by_label(_label("Search")).fill("forklift")
    staff_page.get_by_role("search").get_by_role("button", name="Search").click()
    staff_page.wait_for_url(re.compile(r"/staff/talent/\?.*q=forklift"), timeout=LONG)
    staff_page.get_by_role("link", name=NAME).click()
    staff_page.wait_for_url(re.compile(rf"/staff/talent/p/{profile.public_id}/$"), timeout=LONG)
    expect(staff_page.get_by_role("heading", level=1, name=NAME)).to_be_visible(timeout=LONG)
    _no_contact_details(staff_page)
    staff_page.get_by_label(_label("Message")).fill(
        "Hello Kaisa, we are looking for a shift lead for our Vantaa warehouse. Could we talk?"
    )
    shot(staff_page, "talent-09-staff-request-form")
    staff_page.get_by_role("button", name="Send request").click()
    expect(
        staff_page.get_by_text("Your request is sent. We will tell you the answer.")
    ).to_be_visible(timeout=LONG)
    expect(
        staff_page.get_by_text("Your request is waiting for the person's answer.")
    ).to_be_visible()
    _no_contact_details(staff_page)
    shot(staff_page, "talent-10-staff-request-pending")
    contact = ContactRequest.objects.get(profile=profile, organization=org)
    assert contact.state == ContactRequest.State.PENDING

    # 4. The seeker sees the request on their own page and accepts it.
    page.goto(live_server.url + "/talent/me/")
    requests = page.locator(".card", has=page.get_by_role("heading", name="Contact requests"))
    expect(requests).to_contain_text(org.name, timeout=LONG)
    expect(requests).to_contain_text("shift lead for our Vantaa warehouse")
    shot(page, "talent-11-me-request")
    requests.get_by_role("button", name="Accept and share my contact details").click()
    page.wait_for_url(re.compile(r"/talent/me/$"), timeout=LONG)
    expect(page.get_by_text(f"Accepted. {org.name} now sees your contact details.")).to_be_visible(
        timeout=LONG
    )
    expect(
        requests.get_by_role("button", name="Accept and share my contact details")
    ).to_have_count(0)
    shot(page, "talent-12-me-accepted")
    contact.refresh_from_db()
    assert contact.state == ContactRequest.State.ACCEPTED

    # 5. The recruiter now sees the contact details on the profile page.
    staff_page.reload()
    card = staff_page.locator(".contact-card")
    expect(card.get_by_role("heading", name="Contact details")).to_be_visible(timeout=LONG)
    expect(card.get_by_role("link", name=SEEKER)).to_have_attribute("href", f"mailto:{SEEKER}")
    expect(card.get_by_role("link", name=PHONE_NUMBER)).to_be_visible()
    shot(staff_page, "talent-13-staff-contact-details")
