"""Builders are found by registered name; jobs queued before the registry keep working after the upgrade."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from anwei.documents.builders import builder_names, document_build
from anwei.documents.model import Document


def test_every_app_registers_its_document_kinds():
    names = set(builder_names())
    assert {"meetings.packet", "meetings.minutes", "meetings.signin", "tracking.register", "plans.letter", "footage.register",
            "inspections.report", "devicechecks.month", "travel.application"} <= names


@pytest.mark.django_db
def test_a_registered_builder_builds_a_document():
    assert isinstance(document_build("specimen.short", {}), Document)


@pytest.mark.django_db(transaction=True)
def test_a_job_queued_under_a_dotted_path_is_renamed():
    before = [("documents", "0001_initial")]
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    Person = old.get_model("orgs", "Person")
    job = old.get_model("documents", "RenderJob").objects.create(
        requester=Person.objects.create(username="queued"), builder="anwei.meetings.documents.packet_build",
        kwargs={"meeting_id": 1}, fmt="pdf", filename="會議資料")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(latest)
    from anwei.documents.models import RenderJob

    assert RenderJob.objects.get(pk=job.pk).builder == "meetings.packet"
