#!/usr/bin/env python3
"""Runs `precis stream` under PySpark (local mode) over corpora/ and checks the segments
against what `precis run` writes for the same files.

Run by hand, not by CI:

    pip install pyspark          # Java 17 or later must be installed
    swift build                  # or: swift build -c release
    python3 examples/pyspark/stream_corpora.py [--precis PATH] [--partitions N]

Each document becomes one JSON line {"path", "text"}; Spark pipes every partition through
one `precis stream` process (RDD.pipe) and parses the JSON lines it prints. The script then
runs `precis run corpora --output TMP` and compares each document's segments (id, text,
start, end) with TMP/NAME.segments.jsonl. Exit status 0 when every document matches.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def find_precis():
    for config in ("release", "debug"):
        path = os.path.join(ROOT, ".build", config, "precis")
        if os.access(path, os.X_OK):
            return path
    sys.exit("precis is not built; run `swift build` first or pass --precis PATH")


def base_name(path):
    """The name precis gives outputs: the path without its last extension."""
    slash = path.rfind("/")
    dot = path.rfind(".")
    if dot <= slash + 1:
        return path
    return path[:dot]


def documents(corpora):
    """(relative path, text) of every UTF-8 file under corpora, sorted by path.

    `precis run` also reads legacy encodings (it detects them); a stream document is text
    already, so files that are not UTF-8 are left out of the comparison."""
    found, skipped = [], []
    for folder, _, names in os.walk(corpora):
        for name in names:
            if name.startswith("."):
                continue
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, corpora).replace(os.sep, "/")
            data = open(full, "rb").read()
            if data.startswith(b"\xef\xbb\xbf"):
                data = data[3:]
            try:
                found.append((rel, data.decode("utf-8")))
            except UnicodeDecodeError:
                skipped.append(rel)
    found.sort(key=lambda d: d[0].encode())
    return found, sorted(skipped)


def segments_of_run(output, path):
    name = os.path.join(output, base_name(path) + ".segments.jsonl")
    with open(name, encoding="utf-8") as f:
        return [
            {k: s[k] for k in ("id", "text", "start", "end")}
            for s in (json.loads(line) for line in f if line.strip())
        ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--precis", default=None, help="the precis executable")
    parser.add_argument("--corpora", default=os.path.join(ROOT, "corpora"))
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    precis = os.path.abspath(args.precis or find_precis())

    docs, skipped = documents(args.corpora)
    lines = [json.dumps({"path": p, "text": t}, ensure_ascii=False) for p, t in docs]

    # Local mode talks to itself only: keep Spark on the loopback address.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession  # imported late so --help works without pyspark

    spark = (
        SparkSession.builder.master(args.master)
        .appName("precis-stream")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        rdd = spark.sparkContext.parallelize(lines, args.partitions)
        command = shlex.join([precis, "stream", "--outputs", "none"])
        results = rdd.pipe(command, checkCode=True).map(json.loads).collect()
    finally:
        spark.stop()

    with tempfile.TemporaryDirectory(prefix="precis-pyspark-") as output:
        subprocess.run(
            [precis, "run", args.corpora, "--output", output, "--quiet"], check=False
        )
        by_path = {r.get("path"): r for r in results}
        errors = [r for r in results if "error" in r]
        mismatched = []
        segments = 0
        for path, _ in docs:
            result = by_path.get(path)
            if result is None or "error" in result:
                mismatched.append((path, "no result" if result is None else result["error"]))
                continue
            streamed = result["segments"]
            written = segments_of_run(output, path)
            segments += len(streamed)
            if streamed != written:
                first = next(
                    (i for i, (a, b) in enumerate(zip(streamed, written)) if a != b),
                    min(len(streamed), len(written)),
                )
                mismatched.append((path, f"segment {first} differs"))

    print(
        f"{len(docs)} documents in {args.partitions} partitions through `precis stream` "
        f"under PySpark ({args.master}): {len(results)} results, {segments} segments, "
        f"{len(errors)} error lines"
    )
    if skipped:
        print(f"left out (not UTF-8; `precis run` detects their encoding): {', '.join(skipped)}")
    for path, why in mismatched:
        print(f"MISMATCH {path}: {why}")
    print(
        "segments equal to precis run's for every document"
        if not mismatched and len(results) == len(docs)
        else f"{len(mismatched)} documents differ"
    )
    return 0 if not mismatched and len(results) == len(docs) else 1


if __name__ == "__main__":
    sys.exit(main())
