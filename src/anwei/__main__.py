"""`anwei …` is manage.py: every Django management command is available.

The benchmark and the synthetic data generator (`anwei bench`, `anwei synth`) live in an app that
production does not install; those two commands run with the settings that add it."""

import os
import sys

PERF_COMMANDS = {"bench", "synth"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "anwei.settings")
    if PERF_COMMANDS & set(sys.argv[1:2]) and os.environ["DJANGO_SETTINGS_MODULE"] == "anwei.settings":
        os.environ["DJANGO_SETTINGS_MODULE"] = "anwei.perf.settings_bench"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
