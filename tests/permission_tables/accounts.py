"""Accounts: everyone changes their own password; an agency's ethics officer reviews its people and roles
(the superior office its own agency; everyone else gets 404)."""

from tests.permission_tables import Row

ROWS = [
    Row("accounts:password_change", expect={"*": 200}),
    Row("accounts:review", expect={"officer": 200, "other_officer": 200, "superior": 200, "*": 404}),  # each their own agency
]
