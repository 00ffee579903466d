from django.urls import path

from anwei.travel import views

app_name = "travel"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.application_create, name="application_create"),
    path("<int:pk>/", views.application_detail, name="application_detail"),
    path("<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("<int:pk>/review/", views.application_review, name="application_review"),
    path("<int:pk>/return-report/", views.return_report, name="return_report"),
    path("<int:pk>/document.<str:fmt>", views.application_document, name="application_document"),
    path("<int:pk>/return-report.<str:fmt>", views.return_report_document, name="return_report_document"),
    path("overdue/", views.overdue, name="overdue"),
    path("rules/", views.rules, name="rules"),
    path("statistics/<int:agency_id>/", views.statistics, name="statistics"),
    path("retirees/", views.retiree_list, name="retiree_list"),
    path("retirees/new/", views.retiree_create, name="retiree_create"),
    path("retirees/<int:pk>/", views.retiree_detail, name="retiree_detail"),
    path("retirees/<int:pk>/declare/", views.retiree_declare, name="retiree_declare"),
]
