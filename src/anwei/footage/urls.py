app_name = "footage"
urlpatterns: list = []
