#!/usr/bin/env bash
# Records p90 thresholds for every benchmark in Benchmarks/Thresholds/, under the names that
# `swift package benchmark thresholds check` looks for.
#
# ordo-one/benchmark 1.38.1 writes `Target.split,_1_KB_de.p90.json` (spaces turned into `_`)
# but reads `Target.split, 1 KB de.p90.json` (the name as given), so a check after a plain
# update finds nothing (upstream issues 301 and 373). Benchmark names here have no `_`, so
# turning every `_` back into a space restores them.
#
# Throughput is left out: 1.38.1 stores a throughput p90 taken from the best samples and
# compares it with the worst ones, so it fails whenever timing jitters; the wall-clock p90
# carries the same information.
#
# Record on a quiet machine: wall-clock p90s taken while other builds run are too high.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf Thresholds
swift package --allow-writing-to-package-directory benchmark thresholds update --no-progress "$@"
for f in Thresholds/*.p90.json; do
  fixed="Thresholds/$(basename "$f" | tr '_' ' ')"
  python3 -c 'import json, sys; t = json.load(open(sys.argv[1])); t.pop("throughput", None); json.dump(t, open(sys.argv[2], "w"), indent=2, sort_keys=True); print(file=open(sys.argv[2], "a"))' "$f" "$fixed"
  [ "$f" = "$fixed" ] || rm "$f"
done
ls Thresholds
