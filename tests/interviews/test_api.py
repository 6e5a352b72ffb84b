"""The interview routes of the API: staff publish times, candidates book by status token."""

import datetime as dt

from django.utils import timezone

from reilu.interviews.models import Booking, Slot


def auth(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def slot_payload(people, days=3):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
    return {
        "starts_at": start.isoformat(),
        "ends_at": (start + dt.timedelta(hours=1)).isoformat(),
        "location": "HQ",
        "interviewer_ids": [p.pk for p in people],
    }


def test_staff_publish_and_list_slots(client, api_token, posting, recruiter, interviewer):
    url = f"/api/v1/postings/{posting.pk}/slots"
    created = client.post(
        url,
        slot_payload([recruiter, interviewer]),
        content_type="application/json",
        **auth(api_token),
    )
    assert created.status_code == 201, created.content
    assert set(created.json()["interviewer_ids"]) == {recruiter.pk, interviewer.pk}
    listed = client.get(url, **auth(api_token)).json()
    assert [s["id"] for s in listed] == [created.json()["id"]] and listed[0]["booked"] is False


def test_bad_slot_input_is_a_clear_4xx(client, api_token, posting, recruiter, outsider):
    url = f"/api/v1/postings/{posting.pk}/slots"
    past = slot_payload([recruiter], days=-2)
    response = client.post(url, past, content_type="application/json", **auth(api_token))
    assert response.status_code == 400 and "future" in response.json()["detail"]
    assert response.json()["code"] == "past"
    foreign = client.post(
        url, slot_payload([outsider]), content_type="application/json", **auth(api_token)
    )
    assert foreign.status_code == 400 and foreign.json()["code"] == "bad_interviewer"
    typed = client.post(
        url,
        {**slot_payload([recruiter]), "interviewer_ids": ["1"]},
        content_type="application/json",
        **auth(api_token),
    )
    assert typed.status_code == 422
    assert not Slot.objects.exists()


def test_another_employer_token_gets_404(client, other_token, posting, recruiter, slot):
    url = f"/api/v1/postings/{posting.pk}/slots"
    assert client.get(url, **auth(other_token)).status_code == 404
    response = client.post(
        url, slot_payload([recruiter]), content_type="application/json", **auth(other_token)
    )
    assert response.status_code == 404
    assert Slot.objects.count() == 1
    assert client.get(url).status_code == 401


def test_a_candidate_lists_books_and_cancels(client, interview_app, second_app, slot):
    base = f"/api/v1/status/{interview_app.raw_token}"
    assert [s["id"] for s in client.get(f"{base}/slots").json()] == [slot.pk]
    booked = client.post(f"{base}/booking", {"slot_id": slot.pk}, content_type="application/json")
    assert booked.status_code == 200 and booked.json()["sequence"] == 0
    other = f"/api/v1/status/{second_app.raw_token}"
    assert client.get(f"{other}/slots").json() == []
    taken = client.post(f"{other}/booking", {"slot_id": slot.pk}, content_type="application/json")
    assert taken.status_code == 409 and taken.json()["code"] == "taken"
    assert client.get(f"{other}/booking").status_code == 404  # not the first one's booking
    nothing = client.delete(f"{other}/booking")
    assert nothing.status_code == 409 and nothing.json()["code"] == "no_booking"
    cancelled = client.delete(f"{base}/booking")
    assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
    assert cancelled.json()["uid"] == booked.json()["uid"]
    assert not Booking.objects.filter(state="active").exists()
    assert client.get("/api/v1/status/nope/slots").status_code == 404
    bad = client.post(f"{base}/booking", {"slot_id": "x"}, content_type="application/json")
    assert bad.status_code == 422
