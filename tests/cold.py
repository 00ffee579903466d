"""Query-count tests measure a page's whole work: empty the page cache (rendered pages and what
is kept with them under the data version, core.pagecache) and the policy's cache of people's
grants before the request they count."""

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from anwei.core import pagecache
from anwei.orgs import policy


def cold() -> None:
    caches[pagecache.ALIAS].clear()
    caches[policy.GRANTS_CACHE].clear()


def cold_count(client, url: str):
    """(response, number of queries) of a cold render of url. A request first settles the
    session (the first request after a login writes it; that is not the page's work)."""
    client.get(url)
    cold()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return response, len(ctx)
