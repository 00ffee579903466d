from django.urls import path

from anwei.meetingimports import views

app_name = "meetingimports"
urlpatterns = [
    path("", views.import_list, name="list"),
    path("upload/", views.import_upload, name="upload"),
    path("<int:pk>/", views.import_detail, name="detail"),
    path("<int:pk>/units/", views.import_units, name="units"),
    path("<int:pk>/confirm/", views.import_confirm, name="confirm"),
    path("<int:pk>/discard/", views.import_discard, name="discard"),
]
