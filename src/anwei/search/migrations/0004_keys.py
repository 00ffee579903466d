"""Who may open a row, and the result page's filters, as keys in the token index (search.keys): a column
`keys` in search_entry, filled here for the rows already indexed, and a second column of the FTS5 table
(SQLite) or a GIN index of its own (PostgreSQL). Rows indexed before 0004 keep their old ids, which are not
in date order: run `anwei search_rebuild` after upgrading (the README says so)."""

from django.db import migrations, models

from anwei.search.keys import row_keys

SQLITE_DROP = ["DROP TRIGGER IF EXISTS search_entry_au", "DROP TRIGGER IF EXISTS search_entry_ad",
               "DROP TRIGGER IF EXISTS search_entry_ai", "DROP TABLE IF EXISTS search_fts"]
SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(tokens, keys, content='search_entry', content_rowid='id', "
    "tokenize=\"unicode61 remove_diacritics 0\")",
    "CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN "
    "INSERT INTO search_fts(rowid, tokens, keys) VALUES (new.id, new.tokens, new.keys); END",
    "CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, tokens, keys) VALUES ('delete', old.id, old.tokens, old.keys); END",
    "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, tokens, keys) VALUES ('delete', old.id, old.tokens, old.keys); "
    "INSERT INTO search_fts(rowid, tokens, keys) VALUES (new.id, new.tokens, new.keys); END",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_OLD = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(tokens, content='search_entry', content_rowid='id', "
    "tokenize=\"unicode61 remove_diacritics 0\")",
    "CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN "
    "INSERT INTO search_fts(rowid, tokens) VALUES (new.id, new.tokens); END",
    "CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); END",
    "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); "
    "INSERT INTO search_fts(rowid, tokens) VALUES (new.id, new.tokens); END",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
PG_CREATE = ["CREATE INDEX search_entry_keys_gin ON search_entry USING gin ((string_to_array(keys, ' ')))"]
PG_DROP = ["DROP INDEX IF EXISTS search_entry_keys_gin"]


def _fill(apps, schema_editor):
    from anwei.portal.searchables import searchables

    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    else:
        for sql in SQLITE_DROP:  # not row by row through the triggers: the whole index once, below
            schema_editor.execute(sql)
    Entry = apps.get_model("search", "Entry")
    Agency = apps.get_model("orgs", "Agency")
    paths = dict(Agency.objects.values_list("pk", "path"))
    orders = {s.kind: s.order for s in searchables()}
    rows = Entry.objects.order_by("pk").values_list("pk", "kind", "action", "agency_id", "subtree", "unit_ids",
                                                     "owner_id", "roc_year", "status")
    with schema_editor.connection.cursor() as cursor:
        batch = []
        for pk, kind, action, agency_id, subtree, unit_ids, owner_id, roc_year, status in rows.iterator(5000):
            batch.append((row_keys(action=action, agency_id=agency_id, path=paths.get(agency_id, ""),
                                   subtree=subtree, unit_ids=unit_ids, owner_id=owner_id,
                                   order=orders.get(kind, 127), roc_year=roc_year, status=status), pk))
            if len(batch) >= 5000:
                cursor.executemany("UPDATE search_entry SET keys = %s WHERE id = %s", batch)
                batch = []
        cursor.executemany("UPDATE search_entry SET keys = %s WHERE id = %s", batch)
    for sql in (SQLITE_CREATE if vendor == "sqlite" else PG_CREATE):
        schema_editor.execute(sql)


def _unfill(apps, schema_editor):
    for sql in (SQLITE_DROP + SQLITE_OLD if schema_editor.connection.vendor == "sqlite" else PG_DROP):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_filetext")]

    operations = [
        # ALTER TABLE on both databases (Django would copy the whole SQLite table to add a NOT NULL column).
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL("ALTER TABLE search_entry ADD COLUMN keys text NOT NULL DEFAULT ''",
                                                   "ALTER TABLE search_entry DROP COLUMN keys")],
            state_operations=[migrations.AddField(model_name="entry", name="keys",
                                                  field=models.TextField(blank=True, default=""))]),
        migrations.RunPython(_fill, _unfill),
    ]
