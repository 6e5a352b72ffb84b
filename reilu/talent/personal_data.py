"""A seeker's own data: everything held about them, as a download, and erasure at once."""

import io
import json
import zipfile

from django.contrib.admin.utils import NestedObjects
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, router, transaction
from django.forms.models import model_to_dict

from reilu.messaging.models import person_ref
from reilu.messaging.personal import message_export, messages_about, messages_erase
from reilu.talent.models import Profile, Seeker


def _held(seeker: Seeker) -> dict[str, list]:
    """Every row that exists because of this seeker: the rows erasure would remove."""
    collector = NestedObjects(using=router.db_for_write(Seeker))
    collector.collect([seeker])
    held: dict[str, list] = {}
    for model, rows in collector.data.items():
        label = model._meta.label_lower
        held[label] = sorted(
            ({f.attname: _plain(f.value_from_object(obj)) for f in model._meta.concrete_fields}
             for obj in rows),
            key=lambda row: row.get("id") or 0,
        )  # fmt: skip
    return held


def _plain(value):
    """Files become their stored name; everything else is left to the JSON encoder."""
    return value.name if hasattr(value, "storage") else value


def seeker_export(seeker: Seeker) -> bytes:
    """A zip with data.json (every field of every row held) and the uploaded CV (Art. 15, 20)."""
    messages = messages_about(seeker).prefetch_related("about", "attachments")
    data = {
        "seeker": model_to_dict(seeker),
        "held": _held(seeker),
        "messages": [
            message_export(m, {person_ref(seeker)}, seeker.email_key)
            for m in messages.order_by("created_at", "id")
        ],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, cls=DjangoJSONEncoder, indent=2))
        profile = Profile.objects.filter(seeker=seeker).first()
        if profile and profile.cv:
            with profile.cv.open("rb") as cv:
                archive.writestr("cv", cv.read())
    return buffer.getvalue()


def seeker_erase(seeker: Seeker) -> None:
    """Art. 17: the profile, requests, open applications, searches and the text of every
    message about the seeker go now, files too."""
    files = [p.cv for p in Profile.objects.filter(seeker=seeker) if p.cv]
    with transaction.atomic():
        messages_erase(seeker)
        seeker.delete()
        purge_search_index()
        names = [(f.storage, f.name) for f in files]
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])


def purge_search_index() -> None:
    """Drop deleted profiles' words from SQLite's full-text index now.

    FTS5 records a delete as a marker in a new index segment; the old segment keeps the
    words until segments merge. 'optimize' merges them all at once, and secure_delete
    (settings.py) overwrites the freed pages. PostgreSQL keeps the index in the row.
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO talent_profile_fts(talent_profile_fts) VALUES ('optimize')")
