from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def seed_text():
    def read(name: str) -> str:
        return (DATA / name).read_text(encoding="utf-8")
    return read
