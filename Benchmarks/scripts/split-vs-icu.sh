#!/usr/bin/env bash
# Precis's split throughput beside ICU's single-core ceiling (icu-limit), on one folder, in one run.
#
#   Benchmarks/scripts/split-vs-icu.sh [SIZE_MB]      (default 50)
#
# Builds a multi-script folder of about SIZE_MB MB in /tmp from corpora/<lang>/ (many copies of
# every article, named `<lang>_NNNNNN.txt` so that icu-limit uses the language's locale), builds
# icu_limit with gcc into /tmp, builds precis-throughput (PrecisCore in release), then measures:
#   icu-limit: read, decode, nfc, sent (UTF-16), sentu8 (UText over UTF-8), allnw, all
#   split-floor: the library calls split with detection cannot do without (split-floor.cc)
#   Precis:    decode, decode+normalize, decode+split, decode+normalize+split, and
#              read+decode+normalize+split (reads inside the timed loop, like allnw)
# Rates are MB (10^6 bytes of UTF-8 input) per CPU-second of one thread; medians of REPEATS (5).
# The two tools take turns ROUNDS times (3), so that a machine whose speed drifts during the run
# (a shared virtual machine) slows both alike; each figure is the median over the rounds, and
# each ratio the median of the rounds' ratios.
# Then `precis split` itself (release build of the main package): the folder as one document,
# and one process per file for 200 files.
# Environment: ICU_LIMIT_SRC (path to icu_limit.c), WORK (default /tmp/precis-split-vs-icu),
# REPEATS, ROUNDS, PRECIS_CHAINS (precis-throughput's -o list), SKIP_CLI=1 (no command-line runs).
set -euo pipefail

size_mb=${1:-50}
repeats=${REPEATS:-5}
rounds=${ROUNDS:-3}
bench=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$bench/.." && pwd)
work=${WORK:-/tmp/precis-split-vs-icu}

src=${ICU_LIMIT_SRC:-}
if [ -z "$src" ]; then
  for candidate in "$root/../shared" "$root/../../shared"; do
    if [ -f "$candidate/tools/icu-limit/icu_limit.c" ]; then src="$candidate/tools/icu-limit/icu_limit.c"; break; fi
  done
fi
[ -n "$src" ] && [ -f "$src" ] || { echo "split-vs-icu: icu_limit.c not found; set ICU_LIMIT_SRC" >&2; exit 1; }

# 1. The folder: every UTF-8 article of corpora/<lang>/ (not mixed/), copied in turn until
#    the folder holds SIZE_MB MB. Kept between runs when its size and sources are unchanged.
folder="$work/corpus-${size_mb}mb"
stamp=$(cd "$root/corpora" && find . -path ./mixed -prune -o -name '*.txt' -type f -print0 | sort -z | xargs -0 cat | cksum | cut -d' ' -f1)
if [ ! -f "$folder/.stamp" ] || [ "$(cat "$folder/.stamp")" != "$stamp" ]; then
  echo "split-vs-icu: building $folder"
  rm -rf "$folder"
  mkdir -p "$folder"
  python3 - "$root/corpora" "$folder" "$size_mb" <<'PY'
import os, sys
corpora, folder, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
articles = []
for lang in sorted(os.listdir(corpora)):
    d = os.path.join(corpora, lang)
    if lang == "mixed" or not os.path.isdir(d):
        continue
    for name in sorted(os.listdir(d)):
        if name.endswith(".txt"):
            data = open(os.path.join(d, name), "rb").read()
            data.decode("utf-8")  # only UTF-8 articles
            articles.append((lang, data))
target, total, n = size_mb * 10**6, 0, 0
while total < target:
    for lang, data in articles:
        with open(os.path.join(folder, "%s_%06d.txt" % (lang, n)), "wb") as f:
            f.write(data)
        n += 1
        total += len(data)
langs = len({l for l, _ in articles})
print("split-vs-icu: %d files, %.1f MB, %d languages, %d articles" % (n, total / 1e6, langs, len(articles)))
PY
  echo "$stamp" > "$folder/.stamp"
fi

# 2. icu_limit, built as its README says, into /tmp (never committed).
mkdir -p "$work"
gcc -O2 -o "$work/icu_limit" "$src" $(pkg-config --cflags --libs icu-uc icu-i18n)

# The floor of split with detection: the library calls the design makes, and nothing else
# (split-floor.cc says which). Built with the C++ compiler; CLD2 from libcld2-dev.
c++ -O2 -std=c++17 -o "$work/split-floor" "$bench/scripts/split-floor.cc" \
  $(pkg-config --cflags --libs icu-uc icu-i18n) -lcld2

# 3. precis-throughput, with PrecisCore in release.
build() {  # build DIR PRODUCT: one line when it works, the end of the log when it does not
  if ! (cd "$1" && swift build -c release --product "$2" > "$work/build-$2.log" 2>&1); then
    tail -n 30 "$work/build-$2.log" >&2
    echo "split-vs-icu: building $2 failed (log: $work/build-$2.log)" >&2
    exit 1
  fi
  tail -n 1 "$work/build-$2.log"
}
build "$bench" precis-throughput
tool="$bench/.build/release/precis-throughput"

# 4. Both, one after the other (not at once: they would share the cores), taking turns.
rm -f "$work"/icu-round*.txt "$work"/floor-round*.txt "$work"/precis-round*.txt
for round in $(seq 1 "$rounds"); do
  echo
  echo "== round $round of $rounds: icu-limit ($src)"
  "$work/icu_limit" -r "$repeats" -o read,decode,nfc,sent,sentu8,allnw,all "$folder" | tee "$work/icu-round$round.txt"
  echo
  echo "== round $round of $rounds: split-floor"
  "$work/split-floor" -r "$repeats" "$folder" | tee "$work/floor-round$round.txt"
  echo
  echo "== round $round of $rounds: precis-throughput"
  "$tool" -r "$repeats" ${PRECIS_CHAINS:+-o "$PRECIS_CHAINS"} "$folder" | tee "$work/precis-round$round.txt"
done
# Medians over the rounds, in the tools' own layout (name, MB/s).
python3 - "$work" "$rounds" <<'PY'
import statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
for tool in ("icu", "floor", "precis"):
    values = {}
    for r in range(1, rounds + 1):
        for line in open(f"{work}/{tool}-round{r}.txt"):
            parts = line.split()
            if len(parts) >= 2:
                try:
                    rate = float(parts[1])
                except ValueError:
                    continue
                values.setdefault(parts[0], []).append(rate)
    with open(f"{work}/{tool}.txt", "w") as out:
        for name, rates in values.items():
            out.write(f"{name} {statistics.median(rates):.1f}\n")
PY

# 5. The command line, built in release in the main package (SKIP_CLI=1 skips this): the whole
#    folder as one 50 MB document, and `precis split` once per file for the first 200 files,
#    which process start dominates. CPU seconds (user + system) from /usr/bin/time.
cli_stream=""
cli_per_file=""
if [ -z "${SKIP_CLI:-}" ]; then
  echo
  echo "== precis split (command line)"
  build "$root" precis
  cli="$root/.build/release/precis"
  cat "$folder"/*.txt > "$work/all.txt"
  /usr/bin/time -f '%U %S' -o "$work/cli-time.txt" "$cli" split "$work/all.txt" > /dev/null
  bytes=$(stat -c %s "$work/all.txt")
  cli_stream=$(awk -v b="$bytes" '{ printf "%.1f", b / 1e6 / ($1 + $2) }' "$work/cli-time.txt")
  echo "one document of $((bytes / 1000000)) MB: $cli_stream MB/s"
  ls "$folder" | awk '/\.txt$/ && ++n <= 200' > "$work/first200.txt"
  first_bytes=$(cd "$folder" && xargs cat < "$work/first200.txt" | wc -c)
  /usr/bin/time -f '%U %S' -o "$work/cli-files-time.txt" bash -c \
    'cd "$1" && while read -r f; do "$2" split "$f" > /dev/null; done < "$3"' _ "$folder" "$cli" "$work/first200.txt"
  cli_per_file=$(awk -v b="$first_bytes" '{ printf "%.1f MB/s, %.1f ms of CPU per file", b / 1e6 / ($1 + $2), ($1 + $2) * 1000 / 200 }' "$work/cli-files-time.txt")
  echo "200 files, one process each: $cli_per_file"
fi

# 6. The figures to quote.
median() { awk -v op="$2" '$1 == op { print $2 }' "$1"; }
# The median over the rounds of Precis's figure over icu-limit's allnw in the same round.
ratio() {  # ratio CHAIN [TOOL]: TOOL's figure (precis, or floor) over allnw
  python3 - "$work" "$rounds" "$1" "${2:-precis}" <<'PY'
import statistics, sys
work, rounds, chain, tool = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def rate(path, name):
    for line in open(path):
        parts = line.split()
        if len(parts) >= 2 and parts[0] == name:
            return float(parts[1])
    return None
ratios = []
for r in range(1, rounds + 1):
    a, b = rate(f"{work}/{tool}-round{r}.txt", chain), rate(f"{work}/icu-round{r}.txt", "allnw")
    if a is not None and b:
        ratios.append(a / b)
print("%.2f (rounds: %s)" % (statistics.median(ratios), " ".join("%.2f" % x for x in ratios)) if ratios else "-")
PY
}
allnw=$(median "$work/icu.txt" allnw)
all=$(median "$work/icu.txt" all)
sent=$(median "$work/icu.txt" sent)
sentu8=$(median "$work/icu.txt" sentu8)
split=$(median "$work/precis.txt" decode+normalize+split)
readsplit=$(median "$work/precis.txt" read+decode+normalize+split)
echo
echo "== summary (MB/s, medians, one core, $folder)"
printf '%-52s %8s\n' "icu-limit allnw (read+decode+NFC+sentences)" "$allnw"
printf '%-52s %8s\n' "icu-limit all (allnw + word breaks)" "$all"
printf '%-52s %8s\n' "icu-limit sent (sentence breaks over UTF-16)" "$sent"
printf '%-52s %8s\n' "icu-limit sentu8 (sentence breaks, UText over UTF-8)" "$sentu8"
printf '%-52s %8s\n' "split-floor (the design's library calls alone)" "$(median "$work/floor.txt" floor)"
printf '%-52s %8s\n' "Precis decode+normalize+split (in memory)" "$split"
printf '%-52s %8s\n' "Precis read+decode+normalize+split" "$readsplit"
detect=$(median "$work/precis.txt" decode+normalize+detect+split)
readdetect=$(median "$work/precis.txt" read+decode+normalize+detect+split)
[ -n "$detect" ] && printf '%-52s %8s\n' "Precis decode+normalize+detect+split (in memory)" "$detect"
[ -n "$readdetect" ] && printf '%-52s %8s\n' "Precis read+decode+normalize+detect+split" "$readdetect"
[ -n "$cli_stream" ] && printf '%-52s %8s\n' "precis split, the folder as one document (CLI)" "$cli_stream"
[ -n "$cli_per_file" ] && echo "precis split, one process per file (CLI): $cli_per_file"
echo "ratio split-floor / icu-limit allnw: $(ratio floor floor)"
echo "ratio Precis read+decode+normalize+split / icu-limit allnw: $(ratio read+decode+normalize+split)"
echo "ratio Precis decode+normalize+split (in memory) / icu-limit allnw: $(ratio decode+normalize+split)"
[ -n "$readdetect" ] && echo "ratio Precis read+decode+normalize+detect+split / icu-limit allnw: $(ratio read+decode+normalize+detect+split)"
echo "ratio sentu8 / sent (UText over UTF-8 vs UTF-16): $(awk -v a="$sentu8" -v b="$sent" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
