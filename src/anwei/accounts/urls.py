from django.urls import path

from anwei.accounts import views

app_name = "accounts"
urlpatterns = [
    path("me/password/", views.password_change, name="password_change"),
    path("accounts/review/", views.review, name="review"),
    path("login/verify/", views.second_factor_verify, name="second_factor"),
    path("me/second-factor/", views.second_factor_setup, name="second_factor_setup"),
]
