"""Production settings with the benchmark's app and URLconf (adds the bare floor view).
Benchmarks and the synthetic data generator only: `anwei bench` and `anwei synth` use it."""

from anwei.settings import *  # noqa: F401,F403
from anwei.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "anwei.perf"]
ROOT_URLCONF = "anwei.perf.urls_bench"
