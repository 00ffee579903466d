from django.urls import path

from anwei.accounts import views

app_name = "accounts"
urlpatterns = [
    path("me/password/", views.password_change, name="password_change"),
    path("accounts/review/", views.review, name="review"),
]
