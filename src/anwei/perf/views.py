"""The floor of the benchmark: a bare view behind the same middleware, logged in.
Routed only by anwei.perf.urls_bench (the benchmark's URLconf), never in production."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def floor(request):
    return HttpResponse("ok", content_type="text/plain")
