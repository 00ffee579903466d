from django.urls import path

from anwei.tracking import views

app_name = "tracking"
urlpatterns = [
    path("", views.register, name="register"),
    path("register.xlsx", views.register_xlsx, name="register_xlsx"),
    path("register.<str:fmt>", views.register_document, name="register_document"),
    path("items/<int:pk>/", views.item_detail, name="item_detail"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/packet/", views.item_packet, name="item_packet"),
    path("items/<int:pk>/decide/", views.item_decide, name="item_decide"),
    path("mine/", views.my_items, name="my_items"),
    path("reports/<int:pk>/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/return/", views.report_return, name="report_return"),
    path("reports/<int:pk>/review/", views.report_review, name="report_review"),
    path("review-rules/", views.review_rules, name="review_rules"),
    path("rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("rounds/<int:pk>/remind/", views.round_remind, name="round_remind"),
    path("rounds/<int:pk>/items/<int:item_pk>/decide/", views.decide, name="decide"),
    path("overview/", views.head_overview, name="overview"),
]
