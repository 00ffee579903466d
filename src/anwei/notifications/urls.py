from django.urls import path

from anwei.notifications import views

app_name = "notifications"
urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/<int:pk>/open/", views.notification_open, name="open"),
    path("notifications/read-all/", views.notification_read_all, name="read_all"),
    path("notifications/rules/", views.rules_edit, name="rules"),
    path("me/", views.profile, name="profile"),
    path("me/deputies/", views.deputy_add, name="deputy_add"),
    path("me/deputies/<int:pk>/end/", views.deputy_end, name="deputy_end"),
    path("me/calendar/", views.calendar_renew, name="calendar_renew"),
    path("me/calendar/revoke/", views.calendar_revoke, name="calendar_revoke"),
    path("calendar/<str:token>.ics", views.feed, name="feed"),
]
