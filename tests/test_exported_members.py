import storyweave


def test_public_surface_is_pinned():
    assert sorted(storyweave.__all__) == sorted([
        "Article", "InputError", "ModelError", "Rejected", "Report", "Settings", "StoreError", "StoryweaveError",
        "__version__", "analyze",
    ])
    for name in storyweave.__all__:
        assert hasattr(storyweave, name)


def test_python_api_on_the_seeds(seeds_dir):
    report = storyweave.analyze([seeds_dir])
    assert len(report.articles) == 5 and report.rejected == []
    assert {a.language for a in report.articles} == {"en"}
