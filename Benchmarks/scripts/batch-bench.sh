#!/usr/bin/env bash
# Batch throughput of `precis run`, next to the ICU ceiling measured in the same run.
#
# Not a test: run it by hand on a quiet machine. It
#   1. builds precis in release mode,
#   2. makes a folder of about 50 MB in about 8,000 files from corpora/ (paragraphs of the
#      same language drawn again and shuffled; names `xx_NNNNN.txt`, so icu_limit uses
#      locale xx), and a folder with one 100 MB file without a line break,
#   3. runs the default pipeline with --jobs 1 and --jobs 2 under /usr/bin/time -v
#      (MB/s from report.json, peak RSS),
#   4. runs ../shared/tools/icu-limit on the same folder (`all` and `allnw`), single core,
#   5. prints a table.
#
# Environment: PRECIS_BENCH_DIR (default /tmp/precis-batch-bench), BENCH_FILES (8000),
# BENCH_MB (50), BENCH_REPEATS (2: the best run of each is reported), PRECIS_SHARED (the
# folder holding tools/icu-limit; default ../shared beside the project), BENCH_HUGE_MB (100;
# 0 skips the one-line file).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=${PRECIS_BENCH_DIR:-/tmp/precis-batch-bench}
files=${BENCH_FILES:-8000}
megabytes=${BENCH_MB:-50}
repeats=${BENCH_REPEATS:-2}
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

# Prints "wall_MB/s cpu_MB/s seconds peak_RSS_MB" of the best of $repeats runs (by CPU
# rate). Wall MB/s is what report.json says; CPU MB/s is input MB per second of user+system
# CPU, as icu_limit counts it, which a busy neighbour on the shared cores disturbs far less.
# Each run writes into a new folder: deleting the last run's 16,000 files first makes ext4
# search its recently deleted inodes on every create, which is not the run's own cost.
measure() {
  local jobs=$1 folder=$2 best="" run
  for ((run = 1; run <= repeats; run++)); do
    local out="$outputs/out-$jobs-$run-$$-$RANDOM"
    /usr/bin/time -v "$precis" run "$folder" --output "$out" --jobs "$jobs" --quiet 2>"$work/time-$jobs.log" || true
    local rate seconds rss cpu cpurate
    rate=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mb_per_second"])' "$out/report.json")
    seconds=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["seconds"])' "$out/report.json")
    rss=$(awk -F: '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time-$jobs.log")
    cpu=$(awk -F: '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$work/time-$jobs.log")
    cpurate=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(round(r["bytes_processed"]/1e6/float(sys.argv[2]), 2))' "$out/report.json" "$cpu")
    echo "   jobs $jobs, run $run: $rate MB/s wall ($seconds s), $cpurate MB/s per CPU-second ($cpu s CPU), peak RSS $rss MB" >&2
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) > float(sys.argv[2]) else 1)" "$cpurate" "$(echo "$best" | cut -d' ' -f2)"; then
      best="$rate $cpurate $seconds $rss"
    fi
  done
  echo "$best"
}

outputs=${BENCH_OUTPUT_DIR:-$work}
mkdir -p "$outputs"
trap 'rm -rf "$outputs"/out-*-$$-*' EXIT
find "$input" -type f -exec cat {} + >/dev/null  # warm the page cache
echo "== precis run, default pipeline" >&2
read -r rate1 cpu1 seconds1 rss1 < <(measure 1 "$input")
read -r rate2 cpu2 seconds2 rss2 < <(measure 2 "$input")

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
  echo "== precis run, one $huge_mb MB line" >&2
  read -r rateh cpuh secondsh rssh < <(repeats=1 measure 1 "$huge")
  huge_line="one ${huge_mb} MB line, --jobs 1   ${rateh} MB/s wall, ${cpuh} MB/s per CPU-second, ${secondsh} s, peak RSS ${rssh} MB"
fi

python3 - "$rate1" "$rate2" "$cpu1" "$cpu2" "$rss1" "$rss2" "$icu_all" "$icu_allnw" "$count" "$bytes" <<'PY'
import sys
r1, r2, c1, c2, m1, m2, all_, allnw, count, size = sys.argv[1:]
r1, r2, c1, c2 = float(r1), float(r2), float(c1), float(c2)
print(f"folder: {count} files, {int(size) / 1e6:.1f} MB; the built-in default pipeline and its outputs")
print("                        wall MB/s   MB/s per CPU-s   peak RSS")
print(f"precis run --jobs 1   {r1:10.2f}   {c1:14.2f}   {m1:>5} MB")
print(f"precis run --jobs 2   {r2:10.2f}   {c2:14.2f}   {m2:>5} MB   (jobs 2 / jobs 1, wall: {r2 / r1:.2f}x)")
for name, value in (("all", all_), ("allnw", allnw)):
    if value != "n/a":
        v = float(value)
        print(f"icu-limit {name:6}      {v:10.2f} per CPU-s (one core); precis per core / icu-limit {name}: "
              f"jobs 1 {c1 / v:.3f}, jobs 2 {c2 / v:.3f} (wall, per core: {r1 / v:.3f}, {r2 / 2 / v:.3f})")
PY
[ -n "$huge_line" ] && echo "$huge_line"
exit 0
