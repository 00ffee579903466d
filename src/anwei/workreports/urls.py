from django.urls import path

from anwei.workreports import views

app_name = "workreports"
urlpatterns = [
    path("meeting/<int:pk>/", views.compose, name="compose"),
    path("counts/", views.counts, name="counts"),
    path("counts.xlsx", views.counts_xlsx, name="counts_xlsx"),
    path("requests/new/", views.request_create, name="request_create"),
]
