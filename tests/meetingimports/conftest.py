from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
if not SEEDS.is_dir():
    SEEDS = Path("/work/shared/seeds")


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def seed_upload(prefix: str, name: str | None = None) -> SimpleUploadedFile:
    p = seed_path(prefix)
    return SimpleUploadedFile(name or f"seed{prefix}.txt", p.read_bytes(), content_type="text/plain")


@pytest.fixture
def seed():
    return seed_upload


from tests.meetings.conftest import cycle  # noqa: E402,F401  (fixture: seeds 001 → 000 replayed)
from tests.tracking.conftest import sewer  # noqa: E402,F401
