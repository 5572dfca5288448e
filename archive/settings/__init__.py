"""Settings: base.py reads the environment; dev, test and production adjust it."""
