from django.urls import path

from anwei.rollup import views

app_name = "rollup"
urlpatterns = [
    path("", views.overview, name="overview"),
]
