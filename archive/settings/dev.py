"""The embedded run: SQLite, local files, database search, debug pages."""

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
