"""storyweave: many news reports in, one account you can trust out.

    >>> import storyweave
    >>> report = storyweave.analyze(["some/folder"])
    >>> report.to_json()
"""

__version__ = "0.1.0"

from .errors import InputError, ModelError, StoreError, StoryweaveError  # noqa: E402
from .model import Article, Rejected, Report  # noqa: E402
from .pipeline import analyze  # noqa: E402
from .settings import Settings  # noqa: E402

__all__ = [
    "Article",
    "InputError",
    "ModelError",
    "Rejected",
    "Report",
    "Settings",
    "StoreError",
    "StoryweaveError",
    "__version__",
    "analyze",
]
