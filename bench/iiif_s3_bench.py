"""Benchmark of the IIIF image service with media in S3 against local media (not a test; run by hand).

    scripts/seaweedfs.sh start
    .venv/bin/python bench/iiif_s3_bench.py [--megapixels 150] [--workers 4] [--threads 2] [--concurrency 8]

Uses the sample of bench/iiif_bench.py (drawn there if missing) and SeaweedFS as the S3 server, in a
bucket of its own that it removes at the end. For each storage (local files, then S3) it ingests the
sample into a throwaway site, starts gunicorn, times the first tile of the never-seen image (with S3
that includes fetching the pyramid into the node's empty read-through cache), then fetches every tile
twice (cold, warm) and prints tiles/s and p50/p99 latency side by side.
"""

import argparse
import http.client
import os
import shutil
import subprocess
import time
import uuid

import boto3
from botocore.config import Config
from iiif_bench import PYTHON, REPO, WORK, fetch_all, sample_image, site_env, start_gunicorn, stop, tile_paths, wait_for

ENDPOINT = f"http://127.0.0.1:{os.environ.get('SEAWEEDFS_S3_PORT', '8333')}"
ACCESS_KEY = os.environ.get("SEAWEEDFS_ACCESS_KEY", "archive-dev")
SECRET_KEY = os.environ.get("SEAWEEDFS_SECRET_KEY", "archive-dev-secret")


def s3_client():
    return boto3.client(
        "s3",
        endpoint_url=ENDPOINT,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}),
    )


def site(name: str, port: int, bucket: str | None) -> dict:
    env = site_env(port)
    folder = WORK / f"site-{name}"
    shutil.rmtree(folder, ignore_errors=True)
    env.update(ARCHIVE_VAR_DIR=str(folder), MEDIA_ROOT=str(folder / "media"))
    if bucket:
        env.update(
            S3_BUCKET=bucket, S3_ENDPOINT_URL=ENDPOINT, S3_ACCESS_KEY_ID=ACCESS_KEY, S3_SECRET_ACCESS_KEY=SECRET_KEY
        )
    return env


def ingest(source, env: dict) -> float:
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=REPO, env=env, check=True)
    started = time.perf_counter()
    subprocess.run(
        [PYTHON, "manage.py", "ingest_image", str(source), "--identifier", "bench", "--public"],
        cwd=REPO,
        env=env,
        check=True,
    )
    return time.perf_counter() - started


def first_tile_ms(port: int) -> float:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    started = time.perf_counter()
    connection.request("GET", "/iiif/3/bench/0,0,256,256/256,/0/default.jpg")
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f"first tile answered {response.status}")
    return (time.perf_counter() - started) * 1000


def measure(name: str, source, port: int, bucket: str | None, options) -> dict:
    env = site(name, port, bucket)
    ingest_seconds = ingest(source, env)
    # A web node that has never seen the image: with S3, its read-through cache is empty.
    if bucket:
        shutil.rmtree(WORK / f"site-{name}" / "media" / "iiif-pyramids", ignore_errors=True)
    process = start_gunicorn(env, port, options.workers, options.threads)
    try:
        wait_for(port, "/iiif/3/no-such-image/info.json")
        first = first_tile_ms(port)
        header = subprocess.run(["vipsheader", str(source)], capture_output=True, text=True).stdout
        width, height = (int(n) for n in header.split(":")[1].split()[0].split("x"))
        paths = tile_paths(width, height)
        passes = [fetch_all(port, "/iiif/3/bench/", paths, options.concurrency) for _ in ("cold", "warm")]
    finally:
        stop(process)
    return {"ingest": ingest_seconds, "first": first, "passes": passes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megapixels", type=int, default=150)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--port", type=int, default=8783)
    options = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    source = sample_image(options.megapixels)
    bucket = f"bench-{uuid.uuid4().hex[:12]}"
    client = s3_client()
    client.create_bucket(Bucket=bucket)
    try:
        results = {
            "local": measure("local", source, options.port, None, options),
            "s3": measure("s3", source, options.port, bucket, options),
        }
    finally:
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for entry in page.get("Contents", []):
                client.delete_object(Bucket=bucket, Key=entry["Key"])
        client.delete_bucket(Bucket=bucket)
    print(f"\n{options.workers} workers x {options.threads} threads, concurrency {options.concurrency}")
    print(f"{'':6} {'ingest s':>9} {'first tile ms':>14} {'pass':5} {'tiles/s':>8} {'p50 ms':>7} {'p99 ms':>7}")
    for name, result in results.items():
        for label, run in zip(("cold", "warm"), result["passes"], strict=True):
            print(
                f"{name:6} {result['ingest']:9.1f} {result['first']:14.0f} {label:5} {run.per_second:8.0f} "
                f"{run.p50_ms:7.1f} {run.p99_ms:7.1f}"
            )


if __name__ == "__main__":
    main()
