from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from storyweave.api.app import create_app
from storyweave.pipeline import analyze
from storyweave.store import SQLiteStore


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, seeds_dir):
    db = tmp_path_factory.mktemp("api") / "seeds.sqlite"
    with SQLiteStore(db) as store:
        analyze([seeds_dir], store=store)
    return db


@pytest.fixture()
def client(seed_db, tmp_path):
    import shutil

    db = tmp_path / "s.sqlite"
    shutil.copy(seed_db, db)
    with TestClient(create_app(str(db))) as test_client:
        yield test_client
