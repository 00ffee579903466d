from django.urls import path

from anwei.search import views

app_name = "search"

urlpatterns = [
    path("", views.results, name="results"),
]
