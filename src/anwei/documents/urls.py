from django.urls import path

from anwei.documents import views

app_name = "documents"
urlpatterns = [
    path("jobs/<int:pk>/", views.job, name="job"),
    path("jobs/<int:pk>/download/", views.job_download, name="job_download"),
]
