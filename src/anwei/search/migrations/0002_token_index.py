"""The token index, per database: an FTS5 table (SQLite) fed by triggers, a GIN index over the token
array (PostgreSQL). Both hold the application's own character and pair tokens (search.text)."""

from django.db import migrations

SQLITE = [
    # External content: the tokens live once, in search_entry; unicode61 splits them on the spaces.
    "CREATE VIRTUAL TABLE search_fts USING fts5(tokens, content='search_entry', content_rowid='id', "
    "tokenize=\"unicode61 remove_diacritics 0\")",
    "CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN "
    "INSERT INTO search_fts(rowid, tokens) VALUES (new.id, new.tokens); END",
    "CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); END",
    "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens); "
    "INSERT INTO search_fts(rowid, tokens) VALUES (new.id, new.tokens); END",
]
SQLITE_UNDO = ["DROP TRIGGER IF EXISTS search_entry_au", "DROP TRIGGER IF EXISTS search_entry_ad",
               "DROP TRIGGER IF EXISTS search_entry_ai", "DROP TABLE IF EXISTS search_fts"]
POSTGRES = ["CREATE INDEX search_entry_tokens_gin ON search_entry USING gin ((string_to_array(tokens, ' ')))"]
POSTGRES_UNDO = ["DROP INDEX IF EXISTS search_entry_tokens_gin"]


def _run(statements):
    def run(apps, schema_editor):
        wanted = statements.get(schema_editor.connection.vendor, [])
        for sql in wanted:
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(_run({"sqlite": SQLITE, "postgresql": POSTGRES}),
                             _run({"sqlite": SQLITE_UNDO, "postgresql": POSTGRES_UNDO})),
    ]
