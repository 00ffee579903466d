from django.conf import settings
from django.db import models


class PasswordHistory(models.Model):
    """The hashes of a person's recent passwords, so that a new one is not one of the last few."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="password_history")
    password = models.CharField(max_length=128)  # the hash, as Person.password holds it
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["person", "-created_at"])]


class AccountReview(models.Model):
    """An agency's yearly review of its people and their roles (who still needs which role)."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="account_reviews",
                               verbose_name="機關")
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="檢視人")
    reviewed_on = models.DateField("檢視日期")
    people = models.PositiveIntegerField("檢視人數")
    note = models.TextField("檢視結果說明", max_length=2000, blank=True)

    class Meta:
        verbose_name = "帳號與角色年度檢視"
        verbose_name_plural = "帳號與角色年度檢視"
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.agency}帳號與角色檢視（{self.reviewed_on}）"
