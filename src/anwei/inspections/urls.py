"""Mounted at /inspections/ beside the assessments and devicechecks apps (one section, 自評與檢查)."""

from django.urls import path

from anwei.inspections import views

app_name = "inspections"
urlpatterns = [
    path("", views.index, name="index"),
    path("inspections/", views.inspection_list, name="inspection_list"),
    path("inspections/new/", views.inspection_create, name="inspection_create"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("inspections/<int:pk>/edit/", views.inspection_edit, name="inspection_edit"),
    path("inspections/<int:pk>/checklist/", views.inspection_checklist, name="inspection_checklist"),
    path("inspections/<int:pk>/findings/new/", views.finding_add, name="finding_add"),
    path("inspections/<int:pk>/reported/", views.inspection_reported, name="inspection_reported"),
    path("inspections/<int:pk>/report.<str:fmt>", views.inspection_document, name="inspection_document"),
    path("findings/<int:pk>/edit/", views.finding_edit, name="finding_edit"),
    path("findings/<int:pk>/delete/", views.finding_delete, name="finding_delete"),
    path("findings/<int:pk>/evidence/new/", views.evidence_add, name="evidence_add"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("deficiencies/", views.deficiency_list, name="deficiency_list"),
    path("deficiencies.xlsx", views.deficiency_xlsx, name="deficiency_xlsx"),
    path("statistics/", views.stats, name="stats"),
    path("statistics/insert/", views.stats_insert, name="stats_insert"),
]
