"""Production settings with the benchmark URLconf (adds the bare floor view). Benchmarks only."""

from anwei.settings import *  # noqa: F401,F403

ROOT_URLCONF = "anwei.perf.urls_bench"
