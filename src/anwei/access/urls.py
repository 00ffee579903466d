from django.urls import path

from anwei.access import views

app_name = "access"
urlpatterns = [
    path("", views.index, name="index"),
    path("settings/", views.settings_edit, name="settings"),
    path("areas/new/", views.area_create, name="area_create"),
    path("areas/<int:pk>/", views.area_detail, name="area_detail"),
    path("areas/<int:pk>/edit/", views.area_edit, name="area_edit"),
    path("areas/<int:pk>/hours/", views.hours_add, name="hours_add"),
    path("areas/<int:pk>/doors/", views.door_add, name="door_add"),
    path("badges/", views.badges, name="badges"),
    path("badges/register.xlsx", views.badges_register, name="badges_register"),
    path("badges/new/", views.badge_create, name="badge_create"),
    path("badges/<int:pk>/", views.badge_detail, name="badge_detail"),
    path("badges/<int:pk>/grant/", views.badge_grant, name="badge_grant"),
    path("badges/<int:pk>/status/", views.badge_status, name="badge_status"),
    path("badges/<int:pk>/replace/", views.badge_replace, name="badge_replace"),
    path("visitors/", views.visitors, name="visitors"),
    path("visitors/register.xlsx", views.visitors_register, name="visitors_register"),
    path("visitors/inside/", views.visitors_inside, name="visitors_inside"),
    path("visitors/new/", views.visitor_create, name="visitor_create"),
    path("visitors/preregister/", views.visitor_preregister, name="visitor_preregister"),
    path("visitors/<int:pk>/in/", views.visitor_check_in, name="visitor_check_in"),
    path("visitors/<int:pk>/out/", views.visitor_check_out, name="visitor_check_out"),
    path("visitors/<int:pk>/confirm/", views.visitor_confirm, name="visitor_confirm"),
    path("events/", views.events, name="events"),
    path("events/mapping/", views.mapping_save, name="mapping_save"),
    path("events/import/", views.events_import, name="events_import"),
    path("events/<int:pk>/explain/", views.event_explain, name="event_explain"),
    path("events/<int:pk>/deficiency/", views.event_deficiency, name="event_deficiency"),
    path("review/<int:unit_pk>/", views.review_unit, name="review_unit"),
    path("plan.<str:fmt>", views.plan, name="plan"),
    path("plan/propose/", views.plan_propose, name="plan_propose"),
]
