"""Fast bulk inserts for benchmark data (bench/seed.py and the areas' seeders).

Rows go in with raw multi-row inserts inside large transactions: the ORM would take many
minutes for a million applications. Column values come from the models' own defaults, so
fields added later still get valid values.
"""

from django.db import connection, models
from django.db.models.expressions import DatabaseDefault
from django.db.models.functions import Now
from django.utils import timezone


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
    """Multi-row INSERTs of model rows: explicit values where given, model defaults elsewhere."""

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
        placeholders = "(" + ",".join(["%s"] * len(self.columns)) + ")"
        self.sql_head = f"INSERT INTO {model._meta.db_table} ({','.join(self.columns)}) VALUES "  # noqa: S608
        self.placeholders = placeholders

    def add(self, **values) -> None:
        for f in self.prepared:
            if f.attname in values:
                values[f.attname] = f.get_db_prep_save(values[f.attname], connection)
        self.rows.append(
            tuple(values.get(f.attname, self.defaults[f.attname]) for f in self.fields)
        )
        if len(self.rows) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        sql = self.sql_head + ",".join([self.placeholders] * len(self.rows))
        params = [v for row in self.rows for v in row]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
        self.count += len(self.rows)
        self.rows = []


def next_id(model) -> int:
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1
