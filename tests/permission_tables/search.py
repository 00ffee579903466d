from tests.permission_tables import Row

ROWS = [
    # Everyone signed in may search; what they find is their own scope (tests/search/test_isolation.py).
    Row("search:results", expect={"*": 200}, query="q=門禁&kind=tracking.item&status=open"),
]
