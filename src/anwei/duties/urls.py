from django.urls import path

from anwei.duties import views

app_name = "duties"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/done/", views.done, name="done"),
    path("<int:pk>/stop/", views.stop, name="stop"),
    path("defaults/", views.defaults, name="defaults"),
    path("defaults/<int:pk>/", views.default, name="default"),
    path("defaults/<int:pk>/done/", views.default_done, name="default_done"),
    path("defaults/<int:pk>/stop/", views.default_stop, name="default_stop"),
]
