"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py archive.wsgi`.

Workers are processes because tile rendering is CPU work in libvips; the default, two per core plus one,
keeps both cores busy while some workers wait on storage. WEB_CONCURRENCY and PORT override.
"""

import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
