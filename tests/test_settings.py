import pytest

from storyweave.errors import InputError
from storyweave.settings import Settings


def test_precedence_defaults_config_env_overrides(tmp_path):
    config = tmp_path / "storyweave.toml"
    config.write_text("[storyweave]\nmax_bytes = 2000\nbatch_size = 7\nworkers = 2\n", encoding="utf-8")
    settings = Settings.load(config, env={"STORYWEAVE_BATCH_SIZE": "9", "STORYWEAVE_WORKERS": "3"}, workers=4,
                             max_bytes=None)
    assert (settings.max_bytes, settings.batch_size, settings.workers) == (2000, 9, 4)
    assert Settings.load(env={}).max_bytes == 10_000_000


@pytest.mark.parametrize(("content", "message"), [
    ("[storyweave]\nmax_byte = 1\n", "unknown setting 'max_byte'"),
    ("[storyweave]\nmax_bytes = 'lots'\n", "is not a int"),
    ("[storyweave]\nmax_bytes = -1\n", "must be positive"),
    ("not toml = = =", "cannot read config"),
])
def test_bad_config_is_a_clear_error(tmp_path, content, message):
    config = tmp_path / "c.toml"
    config.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        Settings.load(config, env={})
