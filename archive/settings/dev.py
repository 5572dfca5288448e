"""The embedded run (`make run`): SQLite, local files, database search.

It is what a small library or a school puts on a machine, so it shows the public no tracebacks and no URL
list: Django's debug pages need DEBUG=1 in the environment, for a developer on their own machine.
"""

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", False)
# Static files (viewers included) straight from the source folders, without a collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
