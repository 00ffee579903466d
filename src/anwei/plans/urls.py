from django.urls import path

from anwei.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("new/", views.plan_create, name="plan_create"),
    path("period/", views.period_preview, name="period_preview"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("<int:pk>/copy/", views.plan_copy, name="plan_copy"),
    path("<int:pk>/delete/", views.plan_delete, name="plan_delete"),
    path("<int:pk>/<str:kind>.<str:fmt>", views.plan_download, name="plan_download"),
    path("<int:pk>/letter/", views.letter_edit, name="letter_edit"),
    path("<int:pk>/letter/dispatch/", views.letter_dispatch, name="letter_dispatch"),
    path("letters/<int:pk>/letter.<str:fmt>", views.letter_download, name="letter_download"),
    path("letters/<int:pk>/matrix/", views.matrix, name="matrix"),
    path("letters/<int:pk>/matrix.xlsx", views.matrix_export, name="matrix_export"),
    path("letters/<int:pk>/remind/", views.letter_remind, name="letter_remind"),
    path("templates/", views.template_list, name="template_list"),
    path("templates/<int:pk>/adopt/", views.template_adopt, name="template_adopt"),
    path("templates/<int:pk>/edit/", views.template_edit, name="template_edit"),
    path("groups/", views.group_list, name="group_list"),
    path("groups/new/", views.group_create, name="group_create"),
    path("groups/<int:pk>/", views.group_edit, name="group_edit"),
    path("assignments/", views.assignment_list, name="assignment_list"),
    path("assignments/<int:pk>/", views.assignment_detail, name="assignment_detail"),
    path("assignments/<int:pk>/receive/", views.assignment_receive, name="assignment_receive"),
    path("assignments/<int:pk>/files/<int:file_pk>/", views.assignment_file, name="assignment_file"),
    path("assignments/<int:pk>/<str:kind>.<str:fmt>", views.assignment_download, name="assignment_download"),
]
