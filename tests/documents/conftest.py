import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

# The OASIS ODF 1.3 schemas, byte-identical copies (provenance and SHA-256 in the README there).
SCHEMA_DIR = Path(__file__).resolve().parent / "data" / "odf-schema"


@pytest.fixture
def rf_user(rf):
    def make(user, path="/documents/test"):
        request = rf.get(path)
        request.user = user
        request.htmx = False
        return request
    return make


def odf_schema_dir() -> Path:
    if not (SCHEMA_DIR / "OpenDocument-v1.3-schema.rng").exists():
        pytest.fail(f"找不到 ODF 1.3 schema（{SCHEMA_DIR}）")
    return SCHEMA_DIR


def jing_validate(odt: bytes, tmp_path: Path) -> None:
    """Validate content, styles, meta, settings and the manifest against ODF 1.3 (strict)."""
    jing = shutil.which("jing")
    if not jing:
        pytest.fail("ODF 驗證需要 Debian 套件 jing")
    schemas = odf_schema_dir()
    with zipfile.ZipFile(io.BytesIO(odt)) as z:
        assert z.namelist()[0] == "mimetype"
        assert z.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        z.extractall(tmp_path)
    parts = [str(tmp_path / p) for p in ("content.xml", "styles.xml", "meta.xml", "settings.xml")]
    run = subprocess.run([jing, "-i", str(schemas / "OpenDocument-v1.3-schema.rng"), *parts],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    run = subprocess.run([jing, str(schemas / "OpenDocument-v1.3-manifest-schema.rng"),
                          str(tmp_path / "META-INF" / "manifest.xml")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
