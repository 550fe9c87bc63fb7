#!/usr/bin/env bash
# Batch throughput of `precis run`, next to the ICU ceiling measured in the same run.
#
# Not a test: run it by hand on a quiet machine. It
#   1. builds precis in release mode,
#   2. makes a folder of about 50 MB in about 8,000 files from corpora/ (paragraphs of the
#      same language drawn again and shuffled; names `xx_NNNNN.txt`, so icu_limit uses
#      locale xx), and a folder with one 100 MB file without a line break,
#   3. runs two pipelines with --jobs 1 and --jobs 2 under /usr/bin/time -v: the built-in
#      default pipeline (segment files) and Benchmarks/pipelines/summary-and-segments.yaml
#      (the same plus scoring and summary files),
#   4. runs ../shared/tools/icu-limit on the same folder (`all` and `allnw`), single core,
#   5. runs Benchmarks/scripts/file-floor.c on the same folder: the kernel's share alone
#      (read every input, write each pipeline's number of outputs per input through a
#      temporary file and a rename, no text work),
#   6. runs the summary pipeline on the one-line file,
#   7. prints a table: wall MB/s (from report.json), MB per CPU-second (user + system, the
#      unit icu-limit uses; a busy neighbour on the shared cores disturbs it far less than
#      the wall clock), CPU-seconds per MB, and peak RSS.
#
# Each figure is the median of BENCH_REPEATS runs (by MB per CPU-second). The load average
# is printed before each jobs comparison: compare jobs 1 and jobs 2 on a quiet machine.
#
# Environment: PRECIS_BENCH_DIR (default /tmp/precis-batch-bench), BENCH_FILES (8000),
# BENCH_MB (50), BENCH_REPEATS (3), PRECIS_SHARED (the folder holding tools/icu-limit;
# default ../shared beside the project), BENCH_HUGE_MB (100; 0 skips the one-line file),
# BENCH_PIPELINES ("default summary"; either or both).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=${PRECIS_BENCH_DIR:-/tmp/precis-batch-bench}
files=${BENCH_FILES:-8000}
megabytes=${BENCH_MB:-50}
repeats=${BENCH_REPEATS:-3}
pipelines=${BENCH_PIPELINES:-default summary}
summary_pipeline="$root/Benchmarks/pipelines/summary-and-segments.yaml"
huge_mb=${BENCH_HUGE_MB:-100}
shared=${PRECIS_SHARED:-}
if [ -z "$shared" ]; then
  for candidate in "$root/../shared" "$root/../../shared"; do
    if [ -d "$candidate/tools/icu-limit" ]; then shared=$(cd "$candidate" && pwd); break; fi
  done
fi

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (apt-get install -y time)" >&2
  apt-get install -y time >/dev/null
fi

echo "== building precis (release)" >&2
swift build -c release --package-path "$root" --product precis >&2
precis="$(swift build -c release --package-path "$root" --show-bin-path)/precis"

mkdir -p "$work"
input="$work/in-$files-$megabytes"
if [ ! -f "$input/.complete" ]; then
  echo "== making $input ($files files, $megabytes MB)" >&2
  rm -rf "$input"
  python3 - "$root/corpora" "$input" "$files" "$megabytes" <<'PY'
import os, random, sys
corpora, out, count, megabytes = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
random.seed(20240601)
paragraphs = {}
for lang in sorted(os.listdir(corpora)):
    folder = os.path.join(corpora, lang)
    for name in sorted(os.listdir(folder)):
        if lang == "mixed" and not name.endswith(".utf8.txt"):
            continue  # legacy encodings: icu_limit reads UTF-8 only
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        key = name.split("-")[1].split(".")[0] if lang == "mixed" else lang
        key = key if len(key) in (2, 3) else "en"
        paragraphs.setdefault(key, []).extend(p for p in text.split("\n\n") if p.strip())
langs = sorted(paragraphs)
mean = megabytes * 1_000_000 / count
for i in range(count):
    lang = langs[i % len(langs)]
    target = random.uniform(0.3, 1.7) * mean
    pool, parts, size = paragraphs[lang], [], 0
    while size < target:
        p = random.choice(pool)
        parts.append(p)
        size += len(p.encode()) + 2
    folder = os.path.join(out, lang, "%03d" % (i // 200))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "%s_%05d.txt" % (lang, i)), "w", encoding="utf-8") as f:
        f.write("\n\n".join(parts) + "\n")
open(os.path.join(out, ".complete"), "w").close()
PY
fi
bytes=$(find "$input" -name '*.txt' -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
count=$(find "$input" -name '*.txt' -type f | wc -l)
echo "   $count files, $bytes bytes" >&2

# Prints "wall_MB/s cpu_MB/s seconds peak_RSS_MB cpu_seconds" of the median of $repeats runs
# (by CPU rate). Wall MB/s is what report.json says; CPU MB/s is input MB per second of
# user+system CPU, as icu_limit counts it.
# Each run writes into a new folder: deleting the last run's 16,000 files first makes ext4
# search its recently deleted inodes on every create, which is not the run's own cost.
measure() {
  local jobs=$1 folder=$2 pipeline=$3 runs="" run
  local args=()
  [ "$pipeline" = summary ] && args=(--pipeline "$summary_pipeline")
  for ((run = 1; run <= repeats; run++)); do
    local out="$outputs/out-$jobs-$run-$$-$RANDOM"
    /usr/bin/time -v "$precis" run "$folder" "${args[@]}" --output "$out" --jobs "$jobs" --quiet 2>"$work/time-$jobs.log" || true
    local rate seconds rss cpu cpurate
    rate=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mb_per_second"])' "$out/report.json")
    seconds=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["seconds"])' "$out/report.json")
    rss=$(awk -F: '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time-$jobs.log")
    cpu=$(awk -F: '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$work/time-$jobs.log")
    cpurate=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(round(r["bytes_processed"]/1e6/float(sys.argv[2]), 2))' "$out/report.json" "$cpu")
    echo "   $pipeline, jobs $jobs, run $run: $rate MB/s wall ($seconds s), $cpurate MB/s per CPU-second ($cpu s CPU), peak RSS $rss MB" >&2
    runs+="$cpurate $rate $seconds $rss $cpu"$'\n'
  done
  # The median run by CPU rate.
  printf '%s' "$runs" | sort -n | awk -v n="$repeats" 'NR == int((n + 1) / 2) {print $2, $1, $3, $4, $5}'
}

outputs=${BENCH_OUTPUT_DIR:-$work}
mkdir -p "$outputs"
trap 'rm -rf "$outputs"/out-*-$$-*' EXIT
find "$input" -type f -exec cat {} + >/dev/null  # warm the page cache
declare -A result
for pipeline in $pipelines; do
  echo "== precis run, $pipeline pipeline (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  result[$pipeline-1]=$(measure 1 "$input" "$pipeline")
  result[$pipeline-2]=$(measure 2 "$input" "$pipeline")
done

icu_all="n/a"
icu_allnw="n/a"
if [ -n "$shared" ]; then
  echo "== icu-limit on the same folder" >&2
  gcc -O2 -o "$work/icu_limit" "$shared/tools/icu-limit/icu_limit.c" $(pkg-config --cflags --libs icu-uc icu-i18n)
  "$work/icu_limit" -r 3 -o all,allnw "$input" | tee "$work/icu-limit.txt" >&2
  icu_all=$(awk '$1 == "all" {print $2}' "$work/icu-limit.txt")
  icu_allnw=$(awk '$1 == "allnw" {print $2}' "$work/icu-limit.txt")
else
  echo "== icu-limit not found (set PRECIS_SHARED); skipped" >&2
fi

# The file-system floor: the default pipeline writes 3 files per input (segments TSV and
# JSONL, skeleton), the summary pipeline 4 (and the summary).
echo "== file-system floor on the same folder (read, then N files per input: temporary, rename)" >&2
gcc -O2 -o "$work/file-floor" "$root/Benchmarks/scripts/file-floor.c"
floor_dir="$outputs/floor-$$"
mkdir -p "$floor_dir"
floor3=$("$work/file-floor" "$input" "$floor_dir" 3 3 | awk '{print $NF}')
floor4=$("$work/file-floor" "$input" "$floor_dir" 4 3 | awk '{print $NF}')
rm -rf "$floor_dir"

huge_line=""
if [ "$huge_mb" -gt 0 ]; then
  huge="$work/huge-$huge_mb"
  if [ ! -f "$huge/.complete" ]; then
    echo "== making a $huge_mb MB file without a line break" >&2
    mkdir -p "$huge"
    python3 - "$input" "$huge/one-line.txt" "$huge_mb" <<'PY'
import os, sys
source, target, megabytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = b""
for folder in ("de", "en", "fr", "ru"):
    for dirpath, _, names in sorted(os.walk(os.path.join(source, folder))):
        for name in sorted(names)[:20]:
            text += open(os.path.join(dirpath, name), "rb").read().replace(b"\n", b" ")
# Whole copies of the text until the size is reached (a little over it), so no UTF-8
# sequence is split.
with open(target, "wb") as f:
    written = 0
    while written < megabytes * 1_000_000:
        f.write(text)
        written += len(text)
open(os.path.join(os.path.dirname(target), ".complete"), "w").close()
PY
  fi
  huge_pipeline=$(echo "$pipelines" | awk '{print $NF}')
  echo "== precis run, one $huge_mb MB line, $huge_pipeline pipeline" >&2
  read -r rateh cpuh secondsh rssh cpush < <(repeats=1 measure 1 "$huge" "$huge_pipeline")
  read -r _ cpu_ordinary _ _ _ <<<"${result[$huge_pipeline-1]}"
  huge_bytes=$(stat -c %s "$huge/one-line.txt")
  huge_line=$(python3 -c '
import sys
rate, cpu, seconds, rss, ordinary, size, name = sys.argv[1:]
print(f"one {float(size) / 1e6:.0f} MB line, {name}, --jobs 1: {rate} MB/s wall, {cpu} MB/s per CPU-second "
      f"({float(cpu) / float(ordinary):.2f}x the folder'"'"'s per-MB speed), {seconds} s, peak RSS {rss} MB "
      f"({float(rss) * 2**20 / float(size):.1f}x the file)")' "$rateh" "$cpuh" "$secondsh" "$rssh" "$cpu_ordinary" "$huge_bytes" "$huge_pipeline")
fi

table=()
for pipeline in $pipelines; do table+=("$pipeline" ${result[$pipeline-1]} ${result[$pipeline-2]}); done
python3 - "$icu_all" "$icu_allnw" "$count" "$bytes" "$floor3" "$floor4" "${table[@]}" <<'PY'
import sys
all_, allnw, count, size, floor3, floor4 = sys.argv[1:7]
rows = sys.argv[7:]
print(f"folder: {count} files, {int(size) / 1e6:.1f} MB; medians of the runs")
print("pipeline  jobs   wall MB/s   MB per CPU-s   CPU-s per MB   peak RSS")
icu = {name: float(v) for name, v in (("all", all_), ("allnw", allnw)) if v != "n/a"}
for k in range(0, len(rows), 11):
    name = rows[k]
    r1, c1, _, m1, _ = rows[k + 1:k + 6]
    r2, c2, _, m2, _ = rows[k + 6:k + 11]
    r1, c1, r2, c2 = float(r1), float(c1), float(r2), float(c2)
    print(f"{name:8}     1  {r1:10.2f}   {c1:12.2f}   {1 / c1:12.4f}   {m1:>5} MB")
    print(f"{name:8}     2  {r2:10.2f}   {c2:12.2f}   {1 / c2:12.4f}   {m2:>5} MB   jobs 2 / jobs 1, wall: {r2 / r1:.2f}x")
    for icu_name, v in icu.items():
        print(f"{'':8}        per core / icu-limit {icu_name} ({v:.2f} MB per CPU-s): jobs 1 {c1 / v:.3f}, "
              f"jobs 2 {c2 / v:.3f}")
    floor = float(floor4 if name == "summary" else floor3)
    files = 4 if name == "summary" else 3
    print(f"{'':8}        file-system floor ({files} files per input, no text work): {floor:.2f} MB per CPU-s, "
          f"{1 / floor:.4f} CPU-s per MB")
    if "all" in icu:
        budget = 1 / (0.6 * icu["all"])
        print(f"{'':8}        0.6x icu-limit all allows {budget:.4f} CPU-s per MB; the floor plus ICU's own "
              f"decode, NFC, sentence and word passes (all) take {1 / floor + 1 / icu['all']:.4f}")
PY
[ -n "$huge_line" ] && echo "$huge_line"
exit 0
