from django.urls import path

from anwei.awareness import views

app_name = "awareness"
urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("new/", views.event_create, name="event_create"),
    path("<int:pk>/", views.event_edit, name="event_edit"),
    path("<int:pk>/delete/", views.event_delete, name="event_delete"),
    path("<int:pk>/files/<int:file_id>/", views.event_file, name="event_file"),
    path("topics/add/", views.topic_add, name="topic_add"),
    path("cases/", views.case_list, name="case_list"),
    path("cases/new/", views.case_create, name="case_create"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("duty-words/", views.duty_words, name="duty_words"),
]
