"""Mounted at /inspections/ beside the assessments and inspections apps (one section, 自評與檢查)."""

from django.urls import path

from anwei.devicechecks import views

app_name = "devicechecks"
urlpatterns = [
    path("devices/", views.device_list, name="device_list"),
    path("devices/new/", views.device_create, name="device_create"),
    path("devices/<int:pk>/edit/", views.device_edit, name="device_edit"),
    path("devices/check/", views.device_check, name="device_check"),
    path("devices/month/", views.device_month, name="device_month"),
    path("devices/month.<str:fmt>", views.device_month_document, name="device_month_document"),
    path("repairs/", views.repair_list, name="repair_list"),
    path("repairs/<int:pk>/", views.repair_edit, name="repair_edit"),
]
