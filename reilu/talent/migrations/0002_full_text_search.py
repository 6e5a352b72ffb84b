"""Full-text search over profiles: FTS5 on SQLite, a generated tsvector on PostgreSQL.

SQLite: a virtual table talent_profile_fts (rowid = profile id) kept in step by triggers,
so every insert, update and delete of a profile changes the index in the same transaction.
Django's SQLite schema editor rebuilds a table for some ALTERs and drops its triggers; a
later migration that alters talent_profile must re-create them (tests/talent catch it).

PostgreSQL: a stored generated column search_vector with a GIN index. Lexemes of the
'simple' configuration carry weights A (headline), B (skills, expertise) and C (bio) and
decide membership; finnish and swedish stems (weight D, where the server has those
configurations) only add to the ranking.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE talent_profile_fts USING fts5("
    "headline, skills, expertise, bio, tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER talent_profile_fts_insert AFTER INSERT ON talent_profile BEGIN "
    "INSERT INTO talent_profile_fts(rowid, headline, skills, expertise, bio) "
    "VALUES (new.id, new.headline, new.skills_text, new.expertise, new.bio); END",
    "CREATE TRIGGER talent_profile_fts_update AFTER UPDATE ON talent_profile BEGIN "
    "DELETE FROM talent_profile_fts WHERE rowid = old.id; "
    "INSERT INTO talent_profile_fts(rowid, headline, skills, expertise, bio) "
    "VALUES (new.id, new.headline, new.skills_text, new.expertise, new.bio); END",
    "CREATE TRIGGER talent_profile_fts_delete AFTER DELETE ON talent_profile BEGIN "
    "DELETE FROM talent_profile_fts WHERE rowid = old.id; END",
    "INSERT INTO talent_profile_fts(rowid, headline, skills, expertise, bio) "
    "SELECT id, headline, skills_text, expertise, bio FROM talent_profile",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS talent_profile_fts_insert",
    "DROP TRIGGER IF EXISTS talent_profile_fts_update",
    "DROP TRIGGER IF EXISTS talent_profile_fts_delete",
    "DROP TABLE IF EXISTS talent_profile_fts",
]
ALL_TEXT = (
    "coalesce(headline, '') || ' ' || coalesce(skills_text, '') || ' ' || "
    "coalesce(expertise, '') || ' ' || coalesce(bio, '')"
)


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        for sql in SQLITE_FORWARD:
            schema_editor.execute(sql)
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT cfgname FROM pg_ts_config")
            available = {row[0] for row in cursor.fetchall()}
        parts = [
            "setweight(to_tsvector('simple'::regconfig, coalesce(headline, '')), 'A')",
            "setweight(to_tsvector('simple'::regconfig, coalesce(skills_text, '')), 'B')",
            "setweight(to_tsvector('simple'::regconfig, coalesce(expertise, '')), 'B')",
            "setweight(to_tsvector('simple'::regconfig, coalesce(bio, '')), 'C')",
        ]
        for config in ("finnish", "swedish"):
            if config in available:
                parts.append(
                    f"setweight(to_tsvector('{config}'::regconfig, {ALL_TEXT}), 'D')"
                )
        schema_editor.execute(
            "ALTER TABLE talent_profile ADD COLUMN search_vector tsvector "
            f"GENERATED ALWAYS AS ({' || '.join(parts)}) STORED"
        )
        schema_editor.execute(
            "CREATE INDEX talent_profile_search ON talent_profile USING GIN (search_vector)"
        )


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        for sql in SQLITE_BACKWARD:
            schema_editor.execute(sql)
    elif connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS talent_profile_search")
        schema_editor.execute("ALTER TABLE talent_profile DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("talent", "0001_talent_gallery")]

    operations = [migrations.RunPython(forwards, backwards)]
