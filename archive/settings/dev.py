"""The embedded run (`make run`): SQLite, local files, database search.

It is what a small library or a school puts on a machine, so it shows the public no tracebacks and no URL
list: Django's debug pages need DEBUG=1 in the environment, for a developer on their own machine.
"""

from .base import *  # noqa: F401,F403
from .base import DATA_DIR, env, env_bool

DEBUG = env_bool("DEBUG", False)
# Static files (viewers included) straight from the source folders, without a collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# No mail server comes with the embedded run: notifications (workflow, imports) are written as files under the
# data folder (var/mail/), where they can be read, rather than printed on the curator's console between an
# import's report lines (console backend) or failing to reach SMTP on this machine. EMAIL_BACKEND chooses
# another (e.g. django.core.mail.backends.smtp.EmailBackend, with Django's EMAIL_HOST settings).
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = DATA_DIR / "mail"
