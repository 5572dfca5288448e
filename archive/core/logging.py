"""Logging for Django and gunicorn alike: one stream, one JSON object per line with LOG_FORMAT=json.

`logging_config()` is both Django's LOGGING (archive/settings/base.py) and gunicorn's `logconfig_dict`
(`gunicorn_logconfig()`), so the web server's error and access lines share the format of the application's.
"""

import json
import logging
import logging.config
from datetime import UTC, datetime

# ACCESS_LOG: every request, none, or none of the image service's (a viewer asks for dozens of tiles a page).
ACCESS_LOG_CHOICES = ("all", "off", "skip-iiif")
SKIPPED_ACCESS_PREFIXES = ("/iiif/",)
# Fields of gunicorn's access records (its "atoms") as they appear in a JSON line.
ACCESS_FIELDS = {
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "h": "remote_addr",
    "a": "user_agent",
    "f": "referer",
}
# Loggers that say too much at INFO: the Elasticsearch client logs every request it makes.
QUIET_LOGGERS = (
    "django.db.backends",
    "pyvips",
    "django_tasks",
    "django_tasks_db",
    "elasticsearch",
    "elastic_transport",
)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None:
            entry["path"] = getattr(request, "path", "")
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry.update(access_fields(record.args))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def access_fields(atoms) -> dict:
    """The request and its answer from gunicorn's atoms, numbers as numbers, absent ones left out."""
    fields = {}
    for atom, name in ACCESS_FIELDS.items():
        value = atoms.get(atom)
        if value in (None, "", "-"):
            continue
        if name in ("status", "bytes", "duration_ms"):
            try:
                value = int(value)
            except (TypeError, ValueError):
                continue
        fields[name] = value
    return fields


class SkipPaths(logging.Filter):
    """Drops gunicorn access records of paths under the given prefixes."""

    def __init__(self, prefixes=SKIPPED_ACCESS_PREFIXES):
        super().__init__()
        self.prefixes = tuple(prefixes)

    def filter(self, record: logging.LogRecord) -> bool:
        path = record.args.get("U") if isinstance(record.args, dict) else None
        return not (isinstance(path, str) and path.startswith(self.prefixes))


class MailFailureLine(logging.Filter):
    """A notification mail that could not be sent (no mail server, refused, timed out) is one warning line
    naming the error: Wagtail logs it with a traceback, which a curator's console need not show."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        # ConnectionError, TimeoutError and smtplib's errors alike, from wagtail/admin/mail.py only.
        if isinstance(error, OSError) and record.module == "mail":
            record.msg, record.args = f"{record.getMessage()}: {error}", ()
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        return True


def logging_config(log_format: str = "plain", level: str = "INFO", access_log: str = "all") -> dict:
    """The dictConfig of every process: Django's, gunicorn's master and its workers."""
    if log_format not in ("plain", "json"):
        raise ValueError(f"LOG_FORMAT must be plain or json, not {log_format!r}")
    if access_log not in ACCESS_LOG_CHOICES:
        raise ValueError(f"ACCESS_LOG must be one of {', '.join(ACCESS_LOG_CHOICES)}, not {access_log!r}")
    access = {"level": "WARNING" if access_log == "off" else "INFO", "handlers": [], "propagate": True}
    if access_log == "skip-iiif":
        access["filters"] = ["skip_iiif"]
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "archive.core.logging.JsonFormatter"},
            "plain": {"format": "%(levelname)s %(name)s %(message)s"},
        },
        "filters": {
            "skip_iiif": {"()": "archive.core.logging.SkipPaths"},
            "mail_failure_line": {"()": "archive.core.logging.MailFailureLine"},
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": log_format}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            **{name: {"level": "WARNING"} for name in QUIET_LOGGERS},
            # gunicorn's own handlers are replaced: its lines reach the root's one stream.
            "gunicorn.error": {"level": level, "handlers": [], "propagate": True},
            "gunicorn.access": access,
            # Wagtail's notification mail (workflow, moderation), whose failures it logs with a traceback.
            "wagtail.admin": {"filters": ["mail_failure_line"]},
        },
    }


def configure(config: dict) -> None:
    """Django's LOGGING_CONFIG: Python's warnings become log records too, not plain lines in the stream."""
    logging.config.dictConfig(config)
    logging.captureWarnings(True)


def gunicorn_logconfig() -> dict:
    """gunicorn's `logconfig_dict`: the LOGGING of the Django settings in DJANGO_SETTINGS_MODULE."""
    from django.conf import settings

    logging.captureWarnings(True)
    return settings.LOGGING
