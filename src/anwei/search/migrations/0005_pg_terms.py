"""PostgreSQL: the words and the keys in one GIN index, so that "this word, this year, any of the reader's keys"
is one intersection inside the index (exact, a thousand row ids) instead of two bitmaps ANDed after the fact
(the keys' bitmap of a whole county went lossy and every row on its pages was re-split to be checked), and
the function that keeps the year-by-year query serial.

Keys go in with a leading "_", which no word token can hold (search.text splits on it), so no word of the
text can pass for a key. SQLite keeps its FTS5 table (nothing changes there)."""

from django.db import migrations

# As written here, frozen (search.keys.PG_TERMS is what queries repeat; a change there needs a new migration).
PG_TERMS = "string_to_array(tokens || ' _' || replace(keys, ' ', ' _'), ' ')"
CREATE = [f"CREATE INDEX search_entry_terms_gin ON search_entry USING gin (({PG_TERMS}))",
          # Named in the query that reads the newest matches year by year (search.selectors): a function that
          # is PARALLEL UNSAFE keeps the whole query in one process, whose Append runs its arms in order.
          "CREATE FUNCTION search_in_order() RETURNS boolean LANGUAGE sql STABLE PARALLEL UNSAFE AS 'SELECT true'",
          "DROP INDEX IF EXISTS search_entry_tokens_gin", "DROP INDEX IF EXISTS search_entry_keys_gin"]
UNDO = ["CREATE INDEX search_entry_tokens_gin ON search_entry USING gin ((string_to_array(tokens, ' ')))",
        "CREATE INDEX search_entry_keys_gin ON search_entry USING gin ((string_to_array(keys, ' ')))",
        "DROP INDEX IF EXISTS search_entry_terms_gin", "DROP FUNCTION IF EXISTS search_in_order()"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_keys")]

    operations = [migrations.RunPython(_run(CREATE), _run(UNDO))]
