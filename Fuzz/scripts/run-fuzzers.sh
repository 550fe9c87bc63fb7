#!/usr/bin/env bash
# Builds the fuzz targets and runs each for SECONDS: run-fuzzers.sh SECONDS [TARGET…]
# Corpora live in /tmp/precis-fuzz/<target>/corpus, seeded from the repository; crash files
# go to /tmp/precis-fuzz/<target>/ and are kept. Exits non-zero when any target crashed.
set -uo pipefail

usage() { echo "usage: $0 SECONDS [fuzz-decode|fuzz-normalize|fuzz-split|fuzz-split-srx|fuzz-srx|fuzz-merge-readers|fuzz-round-trip|fuzz-pipeline-file …]" >&2; exit 2; }
[[ $# -ge 1 && $1 =~ ^[0-9]+$ ]] || usage
seconds=$1; shift
all=(fuzz-decode fuzz-normalize fuzz-split fuzz-split-srx fuzz-srx fuzz-merge-readers fuzz-round-trip fuzz-pipeline-file)
targets=("$@"); [[ ${#targets[@]} -gt 0 ]] || targets=("${all[@]}")

fuzz_dir=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$fuzz_dir/.." && pwd)
work=${PRECIS_FUZZ_DIR:-/tmp/precis-fuzz}
mkdir -p "$work"
flags=(-c debug --package-path "$fuzz_dir" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)

# Seeds: small files (libFuzzer's -max_len keeps inputs short anyway).
seed() { # folder…
  local from
  for from in "$@"; do
    [[ -d $from ]] || continue
    find "$from" -type f -size -64k -print0 | while IFS= read -r -d '' f; do
      cp "$f" "$corpus/seed-$(printf '%s' "$f" | cksum | cut -d' ' -f1)"
    done
  done
}

failed=0
for target in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $target "* ]] || usage
  echo "== $target: building"
  # A failed build must not leave an older binary to be fuzzed in its place.
  swift build "${flags[@]}" --product "$target" >"$work/build-$target.log" 2>&1
  build_status=$?
  grep -E "error:|Build complete|Build of product" "$work/build-$target.log" | head -20
  if [[ $build_status -ne 0 ]]; then
    echo "$target: build failed (log $work/build-$target.log)" >&2
    failed=1
    continue
  fi
  bin=$(swift build "${flags[@]}" --show-bin-path)/$target
  [[ -x $bin ]] || { echo "$target: no binary at $bin" >&2; failed=1; continue; }
  out="$work/$target"; corpus="$out/corpus"
  mkdir -p "$corpus"
  case $target in
    fuzz-srx) seed "$root/../shared/data/srx" "$root/Sources/PrecisCore/Segmentation/Rules" ;;
    fuzz-pipeline-file) seed "$root/pipelines" ;;
    fuzz-merge-readers) seed "$root/Tests" "$root/examples" ;;
    *) seed "$root/corpora" ;;
  esac
  echo "== $target: running ${seconds}s, corpus $corpus"
  log="$out/run-$(date +%Y%m%d-%H%M%S).log"
  (cd "$out" && "$bin" -max_total_time="$seconds" -max_len=8192 -timeout=20 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$out/" "$corpus") >"$log" 2>&1
  status=$?
  grep -aE "^(#[0-9]+.*DONE|Done [0-9]+ runs)" "$log" | tail -2
  grep -aE "^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)" "$log"
  if [[ $status -ne 0 ]]; then
    failed=1
    echo "!! $target failed (exit $status); log $log" >&2
    grep -aE "ERROR|property violated|Fatal error|artifact_prefix|Test unit written" "$log" | head -10 >&2
  fi
done
exit $failed
