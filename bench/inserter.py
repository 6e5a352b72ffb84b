"""Fast bulk inserts for benchmark data (bench/seed.py and the areas' seeders).

The ORM would take many minutes for a million applications. On PostgreSQL rows go in with
COPY (psycopg's `cursor.copy()`), on SQLite with raw multi-row INSERTs; on both with their
ids given, so PostgreSQL's sequences are moved past them afterwards (`reset_sequences`).
Both run inside the caller's large transactions. Column values come from the models' own
defaults, so fields added later still get valid values.
"""

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models.expressions import DatabaseDefault
from django.db.models.functions import Now
from django.utils import timezone

# Every model loaded with explicit ids, whose sequence must be moved past them.
_loaded: set[type[models.Model]] = set()


def _default(field):
    """The field's default; for a database default (db_default=""), its literal value."""
    value = field.get_default()
    if isinstance(value, DatabaseDefault):
        value = getattr(field.db_default, "value", field.db_default)  # a literal or a Value
    if isinstance(value, Now):
        # db_default=Now() (updated_at): the time of the run, as the database would give it.
        value = timezone.now()
    return value


class Inserter:
    """Bulk inserts of model rows: explicit values where given, model defaults elsewhere.

    Ids are the table's next ones in the order rows are added (`next_id` before the first
    row gives the first), as the seeders expect.
    """

    def __init__(self, model, batch: int = 2000):
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.columns = [f.column for f in self.fields]
        self.defaults = {
            f.attname: f.get_db_prep_save(_default(f), connection) for f in self.fields
        }
        # Only these need the database's own form (UUIDs, JSON); plain values pass as they are.
        self.prepared = [
            f for f in self.fields if isinstance(f, models.UUIDField | models.JSONField)
        ]
        self.rows: list[tuple] = []
        self.batch = batch
        self.count = 0
        table = model._meta.db_table
        # Ids given rather than drawn by the database: the ids the seeders compute (first +
        # i) are then certain, not assumed. SQLite's AUTOINCREMENT would otherwise go on
        # from the highest id the table ever held, deleted rows included.
        self.next_pk = next_id(model)
        pk = model._meta.pk.column
        self.copy = connection.vendor == "postgresql"
        if self.copy:
            self.copy_sql = f"COPY {table} ({pk},{','.join(self.columns)}) FROM STDIN"
            self.batch = max(batch, 10_000)  # one COPY per batch; bigger is cheaper
            _loaded.add(model)
        self.sql_head = f"INSERT INTO {table} ({pk},{','.join(self.columns)}) VALUES "  # noqa: S608
        self.placeholders = "(" + ",".join(["%s"] * (len(self.columns) + 1)) + ")"

    def add(self, **values) -> None:
        for f in self.prepared:
            if f.attname in values:
                values[f.attname] = f.get_db_prep_save(values[f.attname], connection)
        row = (
            self.next_pk,
            *(values.get(f.attname, self.defaults[f.attname]) for f in self.fields),
        )
        self.next_pk += 1
        self.rows.append(row)
        if len(self.rows) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        with connection.cursor() as cursor:
            if self.copy:
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                sql = self.sql_head + ",".join([self.placeholders] * len(self.rows))
                cursor.execute(sql, [v for row in self.rows for v in row])
        self.count += len(self.rows)
        self.rows = []


def reset_sequences() -> None:
    """Move each loaded table's id sequence past its rows, so later ORM inserts work."""
    if not _loaded:
        return
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), sorted(_loaded, key=str)):
            cursor.execute(sql)
    _loaded.clear()


def next_id(model) -> int:
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1
