import pytest

from anwei.lib.env import EnvError, env_bool, env_int, env_list, env_str


def test_bool_accepts_common_spellings_and_rejects_others():
    assert env_bool("X", False, env={"X": "TRUE"}) is True
    assert env_bool("X", True, env={"X": "no"}) is False
    assert env_bool("X", True, env={}) is True
    with pytest.raises(EnvError, match="X"):
        env_bool("X", False, env={"X": "maybe"})


def test_int_range_and_type_errors_name_the_variable():
    assert env_int("N", 30, env={"N": "45"}) == 45
    with pytest.raises(EnvError, match="ANWEI_SESSION_IDLE_MINUTES"):
        env_int("ANWEI_SESSION_IDLE_MINUTES", 30, env={"ANWEI_SESSION_IDLE_MINUTES": "half"})
    with pytest.raises(EnvError, match="超出範圍"):
        env_int("N", 30, minimum=1, env={"N": "0"})


def test_required_string_and_lists():
    with pytest.raises(EnvError, match="ANWEI_SECRET_KEY"):
        env_str("ANWEI_SECRET_KEY", None, env={})
    assert env_list("H", ["a"], env={"H": "x.gov.tw, y.gov.tw"}) == ["x.gov.tw", "y.gov.tw"]
    with pytest.raises(EnvError):
        env_list("H", [], env={"H": "a,,b"})


def test_a_secret_file_is_made_once_private_and_reused(tmp_path):
    from anwei.lib.env import secret_file

    path = tmp_path / "data" / "secret"
    first = secret_file(path)
    assert len(first) >= 40 and path.stat().st_mode & 0o777 == 0o600
    assert secret_file(path) == first
