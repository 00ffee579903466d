"""Mounted at /inspections/ beside the inspections and devicechecks apps (one section, 自評與檢查)."""

from django.urls import path

from anwei.assessments import views

app_name = "assessments"
urlpatterns = [
    path("checklists/", views.checklist_list, name="checklist_list"),
    path("checklists/new/", views.checklist_create, name="checklist_create"),
    path("checklists/defaults/", views.checklist_install_defaults, name="checklist_install_defaults"),
    path("checklists/<int:pk>/", views.checklist_detail, name="checklist_detail"),
    path("checklists/<int:pk>/edit/", views.checklist_edit, name="checklist_edit"),
    path("checklists/<int:pk>/items/new/", views.checklist_item_add, name="checklist_item_add"),
    path("checklist-items/<int:pk>/edit/", views.checklist_item_edit, name="checklist_item_edit"),
    path("checklist-items/<int:pk>/retire/", views.checklist_item_retire, name="checklist_item_retire"),
    path("rounds/", views.round_list, name="round_list"),
    path("rounds/new/", views.round_create, name="round_create"),
    path("rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("rounds/<int:pk>/completion.xlsx", views.round_xlsx, name="round_xlsx"),
    path("rounds/<int:pk>/nonconformities/", views.round_nonconformities, name="round_nonconformities"),
    path("rounds/<int:pk>/remind/", views.round_remind, name="round_remind"),
    path("rounds/<int:pk>/close/", views.round_close, name="round_close"),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path("assessments/<int:pk>/send/", views.assessment_send, name="assessment_send"),
    path("assessments/<int:pk>/confirm/", views.assessment_confirm, name="assessment_confirm"),
    path("assessments/<int:pk>/return/", views.assessment_return, name="assessment_return"),
    path("answers/<int:pk>/track/", views.answer_track, name="answer_track"),
]
