from tests.permission_tables import Row

ROWS = [
    # Only a superior ethics officer has subordinate agencies to roll up; everyone else: 404.
    Row("rollup:overview", expect={"superior": 200, "*": 404}),
]
