from anwei.documents.models import RenderJob
from tests.permission_tables import Row


def _job(w):
    """A finished job of the ethics officer: only its requester may see or download it."""
    job = RenderJob.objects.create(requester=w.officer, builder="specimen.short", kwargs={},
                                   fmt="pdf", filename="測試文件", status=RenderJob.Status.DONE,
                                   result=b"%PDF-1.7 test", size=13)
    return {"pk": job.pk}


ROWS = [
    Row("documents:job", _job, expect={"officer": 200, "*": 404}),
    Row("documents:job_download", _job, expect={"officer": 200, "*": 404}),
]
