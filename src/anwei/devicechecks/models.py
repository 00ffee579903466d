"""Devices checked every working day (門禁／監視系統) and their daily checks and repairs.

The tables keep the names they had in the inspections app, which held these models
until the split (migrations: inspections 0003).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from anwei.core.concurrency import Versioned


class DeviceSystem(Versioned):
    """A system checked every working day: a door-access controller, a CCTV recorder and its cameras."""

    class Kind(models.TextChoices):
        DOOR_ACCESS = "door_access", "門禁系統"
        CCTV = "cctv", "監視系統"
        OTHER = "other", "其他設備"

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="device_systems",
                               verbose_name="機關")
    unit = models.ForeignKey("orgs.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="負責單位")
    name = models.CharField("名稱", max_length=100)
    kind = models.CharField("類別", max_length=20, choices=Kind.choices)
    location = models.CharField("位置", max_length=200, blank=True)
    # The registry of sites and their cameras / door controllers is footage's; a checked system
    # is one kind of device at one site.
    site = models.ForeignKey("footage.Site", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                             verbose_name="場所")
    vendor = models.CharField("維修廠商", max_length=100, blank=True)
    in_service_from = models.DateField("開始檢查日期", default=dt.date.today)
    is_active = models.BooleanField("使用中", default=True)
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        db_table = "inspections_devicesystem"
        verbose_name = "檢查設備"
        verbose_name_plural = "檢查設備"
        ordering = ["agency_id", "order", "id"]
        indexes = [models.Index(fields=["agency", "unit", "is_active"])]

    def __str__(self) -> str:
        return self.name

    def footage_kinds(self) -> list[str]:
        """The footage.Device kinds this system covers."""
        return {"door_access": ["door_access"], "cctv": ["camera", "recorder"]}.get(self.kind, ["other"])


class DailyCheck(Versioned):
    """One working day's check of one system: working (√) or not (×), and any problem. A day's form
    carries the sum of its checks' versions (selectors.day_checks), which grows with every change."""

    # No index of its own: the unique (system, date) index serves it, and PostgreSQL preferred a lone system index
    # that reads every day ever checked and filters the period out.
    system = models.ForeignKey(DeviceSystem, on_delete=models.CASCADE, related_name="checks", db_index=False)
    date = models.DateField("日期")
    working = models.BooleanField("正常運作")
    problem = models.CharField("問題說明", max_length=300, blank=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name="檢查人")
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "inspections_dailycheck"
        verbose_name = "每日檢查"
        verbose_name_plural = "每日檢查"
        ordering = ["date", "system_id"]
        constraints = [models.UniqueConstraint(fields=["system", "date"], name="uniq_check_per_day")]
        indexes = [models.Index(fields=["date", "system"])]

    def __str__(self) -> str:
        return f"{self.system} {self.date} {'√' if self.working else '×'}"

    @property
    def mark(self) -> str:
        return "√" if self.working else "×"


class RepairRecord(Versioned):
    """Opened by a ×: reported to the vendor on …, repaired on …"""

    system = models.ForeignKey(DeviceSystem, on_delete=models.CASCADE, related_name="repairs")
    opened_by_check = models.OneToOneField(DailyCheck, null=True, blank=True, on_delete=models.SET_NULL,
                                           related_name="repair")
    opened_on = models.DateField("發現日期")
    problem = models.CharField("故障情形", max_length=300)
    reported_on = models.DateField("通報廠商日期", null=True, blank=True)
    vendor = models.CharField("維修廠商", max_length=100, blank=True)
    repaired_on = models.DateField("修復日期", null=True, blank=True)
    note = models.CharField("備註", max_length=300, blank=True)

    class Meta:
        db_table = "inspections_repairrecord"
        verbose_name = "維修紀錄"
        verbose_name_plural = "維修紀錄"
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["system", "repaired_on"])]

    def __str__(self) -> str:
        return f"{self.system} {self.opened_on} {self.problem[:30]}"

    @property
    def agency(self):
        return self.system.agency

    @property
    def unit_id(self):
        return self.system.unit_id

    def is_open(self) -> bool:
        return self.repaired_on is None
