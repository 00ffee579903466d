from tests.devicechecks import factories as f
from tests.permission_tables import Row

VIEWERS = {"officer": 200, "head": 200, "superior": 200, "liaison": 200, "unithead": 200, "*": 404}
CREATORS = {"officer": 200, "superior": 200, "other_officer": 200, "*": 404}
ONLY_OFFICER = {"officer": 200, "*": 404}

ROWS = [
    Row("devicechecks:device_list", expect={"*": 200}),
    Row("devicechecks:device_create", expect=CREATORS),
    Row("devicechecks:device_edit", lambda w: {"pk": f.system(w).pk}, expect=ONLY_OFFICER),
    Row("devicechecks:device_check", lambda w: (f.system(w), {})[1], expect={"liaison": 200, "unithead": 200, "*": 404}),
    Row("devicechecks:device_month", lambda w: (f.system(w), {})[1], expect=VIEWERS),
    Row("devicechecks:device_month_document", lambda w: (f.system(w), {"fmt": "html"})[1], expect=VIEWERS),
    Row("devicechecks:repair_list", expect={"*": 200}),
    Row("devicechecks:repair_edit", lambda w: {"pk": f.repair(w).pk},  # those who see the device read it
        expect={"officer": 200, "liaison": 200, "unithead": 200, "head": 200, "superior": 200, "*": 404}),
]
