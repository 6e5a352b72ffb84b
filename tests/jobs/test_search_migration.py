"""The migrations that add the folded search columns fill them for existing rows."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("jobs", "0006_employment_type_plain_labels"),
    ("employers", "0002_api_token_expiry_and_revocation"),
]
AFTER = [("jobs", "0007_posting_search_keys"), ("employers", "0003_organization_name_key")]


@pytest.mark.django_db(transaction=True)
def test_existing_postings_and_employers_become_searchable_without_diacritics():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        org = old.get_model("employers", "Organization").objects.create(
            slug="kauppa", name="Lähikauppa Åström Oy"
        )
        old.get_model("jobs", "Posting").objects.create(
            organization_id=org.pk, title="Myyjä", slug="myyja", location="Jyväskylä"
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(AFTER)
    try:
        new = executor.loader.project_state(AFTER).apps
        posting = new.get_model("jobs", "Posting").objects.get(slug="myyja")
        assert (posting.search_key, posting.location_key) == ("myyja", "jyvaskyla")
        assert new.get_model("employers", "Organization").objects.get().name_key == (
            "lahikauppa astrom oy"
        )
    finally:
        # Back to the whole schema: later migrations of these apps (and of apps that depend
        # on them) must be there for the tests that follow on this database.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
