"""WSGI entry point (gunicorn archive.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings.production")
site = get_wsgi_application()

# Anonymous IIIF image requests skip the site's middleware (media/iiif/wsgi.py); everything else is the site.
from media.iiif.wsgi import ImageAPIDispatch  # noqa: E402  (needs the apps loaded above)

application = ImageAPIDispatch(site)
