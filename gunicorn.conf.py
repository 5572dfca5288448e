"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py archive.wsgi`.

Processes for the CPU work of libvips (two per core plus one by default), each with a couple of threads
and keep-alive so a viewer's burst of tile requests reuses connections; workers are recycled rarely,
because every restart reloads Django. WEB_CONCURRENCY, WEB_THREADS and PORT override.
"""

import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "2"))
keepalive = 5
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
max_requests = 20000
max_requests_jitter = 2000
accesslog = "-"
errorlog = "-"
