"""The node's read-through cache of pyramids: bounded, least recently used out first."""

import os

from media.storage import mark_used, prune_pyramid_cache, pyramid_path


def cached(checksum: str, size: int, used_at: int):
    path = pyramid_path(checksum)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    os.utime(path, (used_at, 1_000_000))
    return path


def test_pruning_removes_the_least_recently_used_pyramids_first(iiif_folders):
    old, recent, newest = cached("aa" * 32, 400, 100), cached("bb" * 32, 400, 200), cached("cc" * 32, 400, 300)
    assert prune_pyramid_cache(1000) <= 800
    assert not old.exists() and recent.exists() and newest.exists()


def test_pruning_keeps_the_pyramid_just_fetched(iiif_folders):
    just_fetched = cached("aa" * 32, 900, 100)
    cached("bb" * 32, 400, 200)
    prune_pyramid_cache(1000, keep=just_fetched)
    assert just_fetched.exists()


def test_a_use_moves_the_access_time_and_keeps_the_modification_time(iiif_folders):
    path = cached("aa" * 32, 10, 100)
    mark_used(path)
    assert path.stat().st_atime > 100 and path.stat().st_mtime == 1_000_000
