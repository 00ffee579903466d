"""lib is framework-free: importing the import modules loads no Django."""

import subprocess
import sys


def test_import_modules_load_no_django():
    code = ("import sys, anwei.lib.docextract, anwei.lib.docextract.read_pdf, anwei.lib.docextract.read_docx, "
            "anwei.lib.docextract.read_odt, anwei.lib.meetingimport, anwei.lib.meetingimport.packet, "
            "anwei.lib.meetingimport.minutes, anwei.lib.unitnames; "
            "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
