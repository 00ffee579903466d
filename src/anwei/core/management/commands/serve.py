"""`anwei serve`: what production runs, in one terminal — the web server, the task worker and the
scheduler — stopped together by Ctrl-C (and all of them stopped if one of them dies)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "同時啟動網站、背景工作與排程（Ctrl-C 一起結束）"

    def add_arguments(self, parser):
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, address="127.0.0.1:8000", **opts):
        anwei = str(Path(sys.executable).with_name("anwei"))
        commands = {
            "web": [anwei, "runserver", address, "--noreload"],
            "worker": [anwei, "db_worker"],
            "scheduler": [anwei, "scheduler"],
        }
        procs = {name: subprocess.Popen(cmd) for name, cmd in commands.items()}
        stopping = []
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stopping.append(True))
        try:
            while not stopping:
                dead = [name for name, p in procs.items() if p.poll() is not None]
                if dead:
                    self.stderr.write(f"{'、'.join(dead)} 已結束，一併停止其他程序。")
                    break
                time.sleep(0.5)
        finally:
            for p in procs.values():
                if p.poll() is None:
                    p.terminate()
            deadline = time.monotonic() + 10
            for p in procs.values():
                try:
                    p.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    p.kill()
        self.stdout.write("安維已停止。")
