app_name = "travel"
urlpatterns: list = []
