"""Agencies (a tree), their units, the people who log in, and their roles."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

# 機關代碼 of the 電子公文 exchange: 9 digits or capital letters and a capital check letter (376550000A).
agency_code_validator = RegexValidator(r"^[0-9A-Z]{9}[A-Z]$", "機關代碼為10碼：前9碼為數字或大寫英文字母，最後1碼為大寫英文字母（例如 376550000A）。")


class Agency(models.Model):
    """A government agency. `path` materialises the tree ("000001.000007.") so that a
    subtree is one indexed prefix query."""

    class Kind(models.TextChoices):
        COUNTY = "county", "縣市政府"
        BUREAU = "bureau", "局處"
        TOWNSHIP = "township", "鄉鎮市區公所"
        SCHOOL = "school", "學校"
        OTHER = "other", "其他機關"

    name = models.CharField("機關名稱", max_length=100)
    short_name = models.CharField("簡稱", max_length=30, blank=True, help_text="例如「本局」「本府」在文件中的自稱")
    kind = models.CharField("類別", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
                               verbose_name="上級機關")
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    code = models.CharField("機關代碼", max_length=20, blank=True, validators=[agency_code_validator],
                            help_text="電子公文交換用的10碼機關代碼，例如 376550000A")
    postal_code = models.CharField("郵遞區號", max_length=6, blank=True,
                                   validators=[RegexValidator(r"^\d{3}(\d{2,3})?$", "郵遞區號為3、5或6碼數字。")])
    address = models.CharField("地址", max_length=200, blank=True)
    phone = models.CharField("電話", max_length=50, blank=True)
    fax = models.CharField("傳真", max_length=50, blank=True)
    require_second_factor = models.BooleanField(
        "政風人員與機關首長須使用雙因素驗證", default=False, db_default=False,
        help_text="勾選後，本機關的政風人員與機關首長登入時須輸入驗證器 App 的驗證碼（第一次登入時設定）。")

    class Meta:
        verbose_name = "機關"
        verbose_name_plural = "機關"
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    @property
    def full_address(self) -> str:
        """The address as a letter prints it: postal code first (80001海港市…)."""
        if self.postal_code and not self.address.startswith(self.postal_code):
            return f"{self.postal_code}{self.address}"
        return self.address

    def compute_path(self) -> str:
        prefix = self.parent.path if self.parent_id else ""
        return f"{prefix}{self.pk:06d}."

    @property
    def depth(self) -> int:
        """Levels below the top of the tree (a county government is 0)."""
        return self.path.count(".") - 1

    def is_within(self, other: "Agency") -> bool:
        """True if self is other or lies in other's subtree."""
        return self.path.startswith(other.path)


class Unit(models.Model):
    """A 科/室/課/處 of an agency."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="units", verbose_name="機關")
    name = models.CharField("單位名稱", max_length=50)
    is_ethics = models.BooleanField("政風單位", default=False)
    is_personnel = models.BooleanField("人事單位", default=False)
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "單位"
        verbose_name_plural = "單位"
        ordering = ["agency_id", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="uniq_unit_name_per_agency")]

    def __str__(self) -> str:
        return self.name


class Grade(models.TextChoices):
    """官等 of the civil service (公務人員任用法第5條): rules may apply to a grade and a 職等 and above."""

    SENIOR = "senior", "簡任"
    JUNIOR = "junior", "薦任"
    ELEMENTARY = "elementary", "委任"


class Person(AbstractUser):
    """The login. Name and title as they appear on documents."""

    full_name = models.CharField("姓名", max_length=50)
    title = models.CharField("職稱", max_length=50, blank=True)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="people",
                               verbose_name="服務機關")
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="people",
                             verbose_name="單位")
    phone = models.CharField("電話／分機", max_length=50, blank=True)
    grade = models.CharField("官等", max_length=12, choices=Grade.choices, blank=True, default="", db_default="")
    rank = models.PositiveSmallIntegerField("職等", null=True, blank=True, help_text="1至14",
                                            validators=[MinValueValidator(1), MaxValueValidator(14)])
    # Account rules (anwei.accounts): a password set by someone else must be changed at the next sign-in,
    # and one older than settings.PASSWORD_MAX_AGE_DAYS too.
    password_changed_at = models.DateTimeField("密碼變更時間", null=True, blank=True)
    must_change_password = models.BooleanField("下次登入須變更密碼", default=False, db_default=False)

    class Meta:
        verbose_name = "人員"
        verbose_name_plural = "人員"

    def __str__(self) -> str:
        return self.full_name or self.username

    def display_with_title(self) -> str:
        return f"{self.title}{self.full_name}" if self.title else str(self)


class Role(models.TextChoices):
    ETHICS_OFFICER = "ethics_officer", "政風人員"
    UNIT_LIAISON = "unit_liaison", "單位承辦人"
    UNIT_HEAD = "unit_head", "單位主管"
    AGENCY_HEAD = "agency_head", "機關首長"
    SUPERIOR_OFFICER = "superior_officer", "上級政風人員"
    STAFF = "staff", "一般同仁"


class Membership(models.Model):
    """A role a person holds in an agency (and, for liaison/head, in one unit)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships", verbose_name="人員")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships", verbose_name="機關")
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships",
                             verbose_name="單位")
    role = models.CharField("角色", max_length=30, choices=Role.choices)

    class Meta:
        verbose_name = "角色指派"
        verbose_name_plural = "角色指派"
        constraints = [
            models.UniqueConstraint(fields=["person", "agency", "unit", "role"], name="uniq_membership"),
        ]
        indexes = [models.Index(fields=["agency", "role"])]

    def __str__(self) -> str:
        where = f"{self.agency}{self.unit or ''}"
        return f"{self.person} — {where} {self.get_role_display()}"


class Deputy(models.Model):
    """職務代理人: while `person` is away (leave, business trip), `deputy` acts for them: the absent
    person's tasks and approval steps go to the deputy, and what the deputy does is recorded as 代理."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="deputies_named", verbose_name="請假人")
    deputy = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="deputising", verbose_name="代理人")
    starts_on = models.DateField("代理起日")
    ends_on = models.DateField("代理迄日")
    reason = models.CharField("事由", max_length=50, help_text="例如：休假、公差、病假")
    created_by = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField("取消時間", null=True, blank=True)

    class Meta:
        verbose_name = "職務代理"
        verbose_name_plural = "職務代理"
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["deputy", "ends_on"]), models.Index(fields=["person", "ends_on"])]
        constraints = [models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")),
                                              name="deputy_ends_after_start")]

    def __str__(self) -> str:
        return f"{self.deputy} 代理 {self.person}（{self.starts_on}～{self.ends_on}）"

    @property
    def agency(self):
        return self.person.agency

    def is_active_on(self, day) -> bool:
        return self.cancelled_at is None and self.starts_on <= day <= self.ends_on
