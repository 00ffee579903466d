"""The application's URLs plus the benchmark's bare floor view (used with settings_bench only)."""

from django.urls import path

from anwei.perf.views import floor
from anwei.urls import urlpatterns as app_urlpatterns

urlpatterns = [path("bench/floor/", floor, name="bench_floor"), *app_urlpatterns]
