from django.urls import path

from anwei.duties import views

app_name = "duties"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/done/", views.done, name="done"),
]
