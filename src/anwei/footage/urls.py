from django.urls import path

from anwei.footage import views

app_name = "footage"
urlpatterns = [
    path("", views.request_list, name="request_list"),
    path("new/", views.request_create, name="request_create"),
    path("<int:pk>/", views.request_detail, name="request_detail"),
    path("<int:pk>/edit/", views.request_edit, name="request_edit"),
    path("<int:pk>/decide/", views.request_decide, name="request_decide"),
    path("<int:pk>/viewing/", views.request_viewing, name="request_viewing"),
    path("<int:pk>/hold/", views.request_hold, name="request_hold"),
    path("<int:pk>/destroy/", views.request_destroy, name="request_destroy"),
    path("<int:pk>/copy-destroy/", views.copy_destroy, name="copy_destroy"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment_download, name="attachment_download"),
    path("<int:pk>/form.<str:fmt>", views.request_document, name="request_document"),
    path("register/", views.register, name="register"),
    path("register/<int:year>.xlsx", views.register_xlsx, name="register_xlsx"),
    path("register/<int:year>.<str:fmt>", views.register_document, name="register_document"),
    path("retention/", views.retention, name="retention"),
    path("holds/", views.holds, name="holds"),
    path("retention/<int:year>.<str:fmt>", views.destruction_document, name="destruction_document"),
    path("devices/", views.device_list, name="device_list"),
    path("devices/new/", views.device_create, name="device_create"),
    path("devices/<int:pk>/edit/", views.device_edit, name="device_edit"),
    path("sites/new/", views.site_create, name="site_create"),
    path("rules/", views.rules, name="rules"),
    path("rules/edit/", views.rule_edit, name="rule_edit"),
    path("chains/", views.chains, name="chains"),
]
