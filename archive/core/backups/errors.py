"""The one error of backing up and restoring: the commands print its message and exit non-zero."""


class BackupError(Exception):
    """Something an operator must see and act on: a missing tool, a file that does not match, a full target."""
