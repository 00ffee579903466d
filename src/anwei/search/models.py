"""The search index: one row per searchable record (or part of one), kept in the writer's transaction."""

from django.db import models


class Entry(models.Model):
    """What the query needs without touching the domain tables: where the record is (agency, units, owner,
    and whether the superior office's subtree grant reaches it), what it is (kind, date, status) and its
    text three ways: as written (snippets), folded (exact LIKE) and as character tokens (the index)."""

    kind = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    part = models.CharField(max_length=40, blank=True, default="")
    action = models.CharField(max_length=60)  # the orgs.policy action that opens the record
    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="+")
    unit_ids = models.TextField(blank=True, default="")  # ",3,7," — a unit-scoped reader must hold one
    owner_id = models.PositiveBigIntegerField(null=True, blank=True)
    subtree = models.BooleanField(default=True)
    date = models.DateField(null=True, blank=True)
    roc_year = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=10, blank=True, default="")
    title = models.CharField(max_length=300)
    location = models.CharField(max_length=300, blank=True, default="")
    url = models.CharField(max_length=300)
    body = models.TextField(blank=True, default="")
    folded_title = models.CharField(max_length=300, blank=True, default="")
    folded = models.TextField(blank=True, default="")
    tokens = models.TextField(blank=True, default="")
    keys = models.TextField(blank=True, default="")  # who may open it and the filters, as index keys (search.keys)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id", "part"], name="search_entry_unique")]
        indexes = [
            models.Index(fields=["agency", "action"]),
            models.Index(fields=["kind", "object_id"]),
            models.Index(fields=["date"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}{self.part and '/' + self.part}"


class FileText(models.Model):
    """The text of an uploaded file (ODT, DOCX, PDF with text), read once by the background worker and
    added to the index rows of the records it is attached to. `error` says why a file gave none."""

    stored = models.OneToOneField("core.StoredFile", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(blank=True, default="")
    error = models.CharField(max_length=200, blank=True, default="")
    extracted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"file {self.stored_id}"
