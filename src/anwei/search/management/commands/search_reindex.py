"""The same as search_rebuild (the name the operations notes use)."""

from anwei.search.management.commands.search_rebuild import Command  # noqa: F401
