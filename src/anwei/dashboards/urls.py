from django.urls import path

from anwei.dashboards import views

app_name = "dashboards"
urlpatterns = [
    path("", views.agency, name="agency"),
    path("agency.xlsx", views.agency_xlsx, name="agency_xlsx"),
    path("superior/", views.superior, name="superior"),
    path("superior.xlsx", views.superior_xlsx, name="superior_xlsx"),
    path("superior/duties/", views.superior_duties, name="superior_duties"),
    path("superior/assessments/", views.superior_assessments, name="superior_assessments"),
]
