from django.urls import path

from anwei.submissions import views

app_name = "submissions"
urlpatterns = [
    path("", views.index, name="index"),
    path("plans/<int:plan_pk>/approval/", views.approval, name="approval"),
    path("agencies/<int:agency_pk>/", views.outgoing, name="outgoing"),
    path("agencies/<int:agency_pk>/send/", views.send, name="send"),
    path("inbox/", views.inbox, name="inbox"),
    path("<int:pk>/", views.detail, name="detail"),
    path("rules/", views.rules, name="rules"),
]
