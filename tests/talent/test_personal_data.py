"""A seeker downloads and erases their own data (GDPR Art. 15, 17, 20)."""

import io
import json
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from reilu.talent.models import Profile, Seeker
from tests.conftest import PDF_BYTES


def test_the_download_holds_every_row_and_the_cv(seeker_client, profile):
    profile.cv.save("x", SimpleUploadedFile("cv.pdf", PDF_BYTES), save=True)
    response = seeker_client.get("/talent/me/data/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("data.json"))
    assert data["seeker"]["email"] == "seeker@example.fi"
    [row] = data["held"]["talent.profile"]
    assert row["name"] == "Sanna Virtanen" and row["phone"] == "040 555 0101"
    assert row["headline"] == "Backend developer"
    assert "talent.profileskill" in data["held"]
    assert archive.read("cv") == PDF_BYTES


def test_erasure_asks_first_then_removes_everything(
    seeker_client, profile, django_capture_on_commit_callbacks
):
    profile.cv.save("x", SimpleUploadedFile("cv.pdf", PDF_BYTES), save=True)
    storage, name = profile.cv.storage, profile.cv.name
    assert seeker_client.post("/talent/me/erase/", {}).status_code == 200
    assert Seeker.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = seeker_client.post("/talent/me/erase/", {"confirm": "yes"})
    assert response.status_code == 200
    assert not Seeker.objects.exists() and not Profile.objects.exists()
    assert not storage.exists(name)
    assert seeker_client.get("/talent/me/").status_code == 302  # signed out


def test_only_a_signed_in_seeker_reaches_the_data(client, profile):
    assert client.get("/talent/me/data/").status_code == 302
    assert client.post("/talent/me/erase/", {"confirm": "yes"}).status_code == 302
    assert Seeker.objects.exists()
