"""One exception tree for the whole package.

    StoryweaveError
    ├── InputError    bad input named by the user (the CLI exits 2 for usage, 3 for rejected inputs)
    ├── StoreError    the store could not be opened, migrated or written
    └── ModelError    a model or data package could not be loaded offline

The CLI turns each into a one-line message; a rejected *file* is not an exception but a
``Rejected`` record in the report.
"""


class StoryweaveError(Exception):
    """Base of every error storyweave raises on purpose."""


class InputError(StoryweaveError):
    """The inputs or options as given cannot be used."""


class StoreError(StoryweaveError):
    """The store could not be opened, migrated or written."""


class ModelError(StoryweaveError):
    """A model or data package could not be loaded."""
