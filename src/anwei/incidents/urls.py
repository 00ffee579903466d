from django.urls import path

from anwei.incidents import views

app_name = "incidents"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("rules/", views.rules, name="rules"),
    path("rules/categories/", views.category_rules, name="category_rules"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/notifications/", views.notification_add, name="notification_add"),
    path("<int:pk>/entries/", views.entry_add, name="entry_add"),
    path("<int:pk>/comments/", views.comment_add, name="comment_add"),
    path("<int:pk>/follow-ups/", views.follow_up_add, name="follow_up_add"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/reopen/", views.reopen, name="reopen"),
    path("<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("<int:pk>/document.<str:fmt>", views.document, name="document"),
    path("register.<str:fmt>", views.register, name="register"),
    path("statistics/<int:agency_id>/", views.statistics, name="statistics"),
    path("statistics/<int:agency_id>/insert/", views.statistics_insert, name="statistics_insert"),
]
