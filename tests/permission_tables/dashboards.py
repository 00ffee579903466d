from tests.permission_tables import Row

# An agency's dashboard: its head and its ethics officer (the superior office is the city's officer too).
AGENCY = {"officer": 200, "head": 200, "superior": 200, "other_officer": 200, "*": 404}

ROWS = [
    Row("dashboards:agency", expect=AGENCY),
    Row("dashboards:agency_xlsx", expect=AGENCY),
    # The subordinate agencies' figures: the superior ethics office only.
    Row("dashboards:superior", expect={"superior": 200, "*": 404}),
    Row("dashboards:superior_xlsx", expect={"superior": 200, "*": 404}),
    Row("dashboards:superior_duties", expect={"superior": 200, "*": 404}),
    Row("dashboards:superior_assessments", expect={"superior": 200, "*": 404}),
]
