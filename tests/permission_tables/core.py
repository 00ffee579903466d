from tests.permission_tables import Row


def _audit_kwargs(w):
    return {"object_type": "orgs.agency", "object_id": str(w.bureau.pk)}


ROWS = [
    Row("home", expect={"*": 200}),
    Row("healthz", expect={"anonymous": 200, "*": 200}),
    Row("login", expect={"anonymous": 200, "*": 302}),
    Row("logout", method="post", expect={"anonymous": 302, "*": 302}),
    # The bureau's history: its ethics officer, its head and the superior office; nobody else.
    Row("audit_object", _audit_kwargs,
        expect={"officer": 200, "head": 200, "superior": 200, "*": 404}),
]
