from django.urls import path

from anwei.meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list_view, name="list"),
    path("new/", views.meeting_create, name="create"),
    path("<int:pk>/", views.meeting_detail_view, name="detail"),
    path("<int:pk>/meeting.ics", views.meeting_ics, name="ics"),
    path("<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("<int:pk>/form/<slug:name>/", views.meeting_section_form, name="section_form"),
    path("<int:pk>/agenda/add/", views.agenda_add, name="agenda_add"),
    path("<int:pk>/agenda/save/", views.agenda_save, name="agenda_save"),
    path("agenda/<int:pk>/delete/", views.agenda_delete, name="agenda_delete"),
    path("agenda/<int:pk>/move/", views.agenda_move, name="agenda_move"),
    path("<int:pk>/attendance/add/", views.attendance_add, name="attendance_add"),
    path("<int:pk>/attendance/save/", views.attendance_save, name="attendance_save"),
    path("attendance/<int:pk>/delete/", views.attendance_delete, name="attendance_delete"),
    path("<int:pk>/reports/add/", views.report_add, name="report_add"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/delete/", views.report_delete, name="report_delete"),
    path("<int:pk>/proposals/add/", views.proposal_add, name="proposal_add"),
    path("proposals/<int:pk>/edit/", views.proposal_edit, name="proposal_edit"),
    path("proposals/<int:pk>/resolve/", views.proposal_resolve, name="proposal_resolve"),
    path("proposals/<int:pk>/delete/", views.proposal_delete, name="proposal_delete"),
    path("<int:pk>/rulings/add/", views.ruling_add, name="ruling_add"),
    path("rulings/<int:pk>/edit/", views.ruling_edit, name="ruling_edit"),
    path("rulings/<int:pk>/delete/", views.ruling_delete, name="ruling_delete"),
    path("<int:pk>/files/<int:file_id>/", views.attachment, name="attachment"),
    path("<int:pk>/round/new/", views.round_open, name="round_open"),
    path("<int:pk>/packet/", views.packet, name="packet"),
    path("<int:pk>/packet.<str:fmt>", views.packet_document, name="packet_document"),
    path("<int:pk>/minutes/", views.minutes, name="minutes"),
    path("<int:pk>/minutes.<str:fmt>", views.minutes_document, name="minutes_document"),
    path("<int:pk>/signin/", views.signin, name="signin"),
    path("<int:pk>/signin.<str:fmt>", views.signin_document, name="signin_document"),
]
