"""The worker's rules, in process: which running tasks count as lost, what is pruned, how it waits, and which
work files of killed processes are removed."""

import multiprocessing
import os
import signal
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from archive.core.models import WorkerHeartbeat
from archive.core.task_recovery import prune_finished_tasks, requeue_lost_tasks
from archive.core.worker_heartbeat import Heartbeat, prune_heartbeats
from archive.core.worker_loop import Backoff
from media import work_files
from media.storage import local_original
from tests.factories import make_image


def running_task(worker_ids: list[str], started_minutes_ago: float = 0.0) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        args_kwargs={"args": [1], "kwargs": {}},
        backend_name="default",
        task_path="media.tasks.build_pyramid_task",
        worker_ids=worker_ids,
        run_after=timezone.now(),
        started_at=timezone.now() - timedelta(minutes=started_minutes_ago),
    )


def seen(worker_id: str, seconds_ago: float) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        host="node",
        pid=1,
        started_at=now - timedelta(hours=1),
        last_seen=now - timedelta(seconds=seconds_ago),
    )


def status(task: DBTaskResult) -> str:
    task.refresh_from_db()
    return task.status


def test_a_task_is_lost_when_its_worker_goes_quiet_not_when_it_runs_long(db, settings):
    settings.WORKER_LOST_AFTER_SECONDS, settings.TASK_STALE_AFTER_SECONDS = 60, 1800
    seen("quiet", 61)
    seen("busy", 2)
    lost = running_task(["quiet"], started_minutes_ago=1)
    long_build = running_task(["busy"], started_minutes_ago=90)  # alive: a long build is left alone
    old_style = running_task(["no-heartbeat"], started_minutes_ago=31)  # a worker without heartbeats
    recent = running_task(["no-heartbeat"], started_minutes_ago=5)
    cut_off = running_task(["me"])  # the calling worker's own, between its tasks: its outcome was never saved
    out_of_attempts = running_task(["a", "b", "quiet"], started_minutes_ago=1)

    assert requeue_lost_tasks("me") == (3, 1)
    assert [status(task) for task in (lost, long_build, old_style, recent, cut_off, out_of_attempts)] == [
        "READY",
        "RUNNING",
        "READY",
        "RUNNING",
        "READY",
        "FAILED",
    ]
    out_of_attempts.refresh_from_db()
    assert out_of_attempts.exception_class_path == "archive.core.task_recovery.WorkerLost"


def test_the_heartbeat_records_the_worker_and_its_task_and_goes_when_it_stops(transactional_db, settings):
    settings.WORKER_HEARTBEAT_SECONDS = 0.1
    heartbeat = Heartbeat("w1")
    heartbeat.current_task = "task-1"
    heartbeat.start()
    try:
        deadline = time.monotonic() + 10
        while not WorkerHeartbeat.objects.filter(worker_id="w1", current_task="task-1").exists():
            assert time.monotonic() < deadline, "no heartbeat written"
            time.sleep(0.05)
        first = WorkerHeartbeat.objects.get(worker_id="w1").last_seen
        time.sleep(0.5)
        assert WorkerHeartbeat.objects.get(worker_id="w1").last_seen > first
        assert WorkerHeartbeat.objects.get(worker_id="w1").pid == os.getpid()
    finally:
        heartbeat.stop()
    assert not WorkerHeartbeat.objects.filter(worker_id="w1").exists()


def test_finished_task_rows_and_dead_workers_are_pruned(db, settings):
    settings.TASK_RETENTION_DAYS, settings.TASK_STALE_AFTER_SECONDS = 14, 1800
    old, recent = timezone.now() - timedelta(days=15), timezone.now() - timedelta(days=13)
    rows = {}
    for name, state, finished in [
        ("old ok", "SUCCESSFUL", old),
        ("old failed", "FAILED", old),
        ("recent", "SUCCESSFUL", recent),
        ("queued", "READY", None),
        ("running", "RUNNING", None),
    ]:
        rows[name] = DBTaskResult.objects.create(
            status=state,
            finished_at=finished,
            backend_name="default",
            args_kwargs={"args": [], "kwargs": {}},
            task_path="x.y",
            run_after=old,
            worker_ids=[],
        )
    seen("dead", 1801)
    seen("alive", 1)

    assert prune_finished_tasks() == 2
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {
        rows[name].pk for name in ("recent", "queued", "running")
    }
    assert prune_heartbeats() == 1
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["alive"]


def test_backoff_doubles_to_its_cap_and_starts_over_after_a_success():
    backoff = Backoff(1, 30)
    assert [backoff.take() for _ in range(7)] == [1, 2, 4, 8, 16, 30, 30]
    backoff.reset()
    assert backoff.take() == 1


def hold_work_folder(ready, settings_root: str) -> None:
    """Another process with work files: a folder of its own, a partial pyramid, then it waits to be killed."""
    from django.conf import settings

    settings.WORK_ROOT = settings_root
    work_files._owned.clear()
    folder = work_files.work_dir()
    (folder / "original-1").mkdir()
    (folder / "original-1" / "original.tif").write_bytes(b"x" * 1024)
    target = Path(settings.MEDIA_ROOT) / "iiif-pyramids" / "ab" / "abc.tif"
    work_files.partial_path(target).write_bytes(b"half")
    ready.set()
    time.sleep(120)


@pytest.fixture
def work_root(settings, tmp_path):
    settings.WORK_ROOT = tmp_path / "work"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.IIIF_PYRAMID_ROOT = ""
    (tmp_path / "media" / "iiif-pyramids" / "ab").mkdir(parents=True)
    return settings.WORK_ROOT


def test_work_files_of_a_killed_process_are_removed_and_a_living_ones_kept(work_root):
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    other = context.Process(target=hold_work_folder, args=(ready, str(work_root)))
    other.start()
    try:
        assert ready.wait(30)
        pyramids = work_root.parent / "media" / "iiif-pyramids" / "ab"
        foreign = pyramids / ".abc.tif.otherhost-12-aa.0123.partial"  # another host's: judged by age
        foreign.write_bytes(b"half")
        assert work_files.remove_stale_work_files() == 0  # the other process lives; the foreign file is young
        assert len(list(work_root.iterdir())) == 1 and len(list(pyramids.glob(".*.partial"))) == 2

        os.kill(other.pid, signal.SIGKILL)
        other.join(30)
        past = time.time() - 3600
        os.utime(foreign, (past, past))
        assert work_files.remove_stale_work_files() == 3  # its folder, its partial, the old foreign one
        assert list(work_root.iterdir()) == [] and list(pyramids.iterdir()) == []
    finally:
        if other.is_alive():
            other.kill()


def test_this_process_keeps_its_own_work_folder(work_root):
    folder = work_files.work_dir()
    partial = work_files.partial_path(work_root.parent / "media" / "iiif-pyramids" / "ab" / "abc.tif")
    partial.write_bytes(b"half")
    assert work_files.remove_stale_work_files() == 0
    assert folder.exists() and partial.exists()


@pytest.mark.service
def test_an_originals_copy_is_made_in_the_work_folder_not_in_tmp(db, s3_media, work_root):
    image = make_image("Kopija")
    with local_original(image) as copy:
        assert copy.is_relative_to(work_files.work_dir()) and copy.stat().st_size > 0
    assert not copy.exists() and not copy.parent.exists()
