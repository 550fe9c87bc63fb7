#!/usr/bin/env bash
# Summary speed: articles of 1, 10, 100, 300 and 1,000 paragraphs built from corpora/, each
# summarised by the release `precis` on one core; prints ms per article (best of RUNS) and the
# tokenise and score times that `summarize --timing` reports, then fits the growth exponent
# of the total time against the sentence count (log-log least squares).
#
#   swift build -c release && Benchmarks/scripts/summary-bench.sh [RUNS]
#
# Not a test: timings depend on the machine. The paragraphs cycle through the body paragraphs
# (lines of 300+ characters) of every UTF-8 article in corpora/, so the text mixes scripts; the
# 1,000-paragraph article is about 450 KB and 2,600 sentences. `total ms` is the process's
# wall time (start-up included); `in-process ms` sums the stage times `--timing` reports.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
precis=.build/release/precis
[ -x "$precis" ] || { echo "summary-bench: build first: swift build -c release" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Body paragraphs of the UTF-8 corpora, one per line.
find corpora -name '*.txt' ! -path '*mixed/encodings-*' | sort | while read -r f; do
  awk 'length($0) >= 300' "$f"
done > "$work/paragraphs"
count=$(wc -l < "$work/paragraphs")

printf '%-11s %9s %10s %10s %14s %12s %10s\n' paragraphs bytes sentences "total ms" "in-process ms" "tokenise ms" "score ms"
: > "$work/fit"
for n in 1 10 100 300 1000; do
  article="$work/article-$n.txt"
  awk -v n="$n" -v c="$count" 'NR <= c { p[NR] = $0 } END { for (i = 0; i < n; i++) { print p[(i % c) + 1]; print "" } }' \
    "$work/paragraphs" > "$article"
  best=""; tok=""; sco=""; segs=""
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    taskset -c 0 "$precis" summarize --lang en --timing "$article" > /dev/null 2> "$work/timing"
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then
      best=$ms
      tok=$(sed -n 's/.*tokenise \([0-9.]*\) ms.*/\1/p' "$work/timing")
      sco=$(sed -n 's/.*score \([0-9.]*\) ms.*/\1/p' "$work/timing")
      segs=$(sed -n 's/.*; \([0-9]*\) segments.*/\1/p' "$work/timing")
      inproc=$(grep -o '[0-9.]* ms' "$work/timing" | awk '{ t += $1 } END { printf "%.1f", t }')
    fi
  done
  printf '%-11s %9s %10s %10.1f %14s %12s %10s\n' "$n" "$(wc -c < "$article")" "$segs" "$(echo "$best / 1000" | bc -l)" \
    "$inproc" "$tok" "$sco"
  echo "$segs $inproc" >> "$work/fit"
done
awk '{ x = log($1); y = log($2); n++; sx += x; sy += y; sxx += x * x; sxy += x * y }
     END { printf "growth exponent (in-process ms vs sentences, 10..1,000 paragraphs): %.2f\n", (n * sxy - sx * sy) / (n * sxx - sx * sx) }' \
  <(tail -n 4 "$work/fit")
