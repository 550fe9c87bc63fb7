#!/usr/bin/env python3
"""Looks into single cells of ../shared/tools/eval-summary's tables.

  summary-cells.py paired PRECIS.jsonl PEER.jsonl PEER-SYSTEM
      Per group: Precis's ROUGE-2 minus the peer's, article by article (both files from
      eval-summary --outputs, Precis as system `cmd`), with the standard error of the mean
      difference, wins and losses, and the largest single loss.

  summary-cells.py words-rule [--budget 40]
      Every peer of eval-summary, its ranking made into a summary of whole sentences the
      way a summary of N words is usually made (summa's and gensim's `words=N`: best
      sentences in rank order while each brings the total closer to N), then cut at N words
      like every budget cell. This is the peers' counterpart of `precis summarize --words N`.

  summary-cells.py textrank-units BIN [--source bbc-news-summary]
      Precis's units (its sentences, quotations split) for the English articles of one
      source, with Precis's walk over the sentence graph alone as the score (with Snowball
      stems, and without); then summa's TextRank over the very same units, with its own word
      filters and with ICU words. Each
      ranking is read like a peer's under --budget-words 40 (best first until 40 words, cut
      at 40).

Needs what eval-summary needs (pip install -r ../shared/tools/eval-requirements.txt).
"""
import argparse
import collections
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from importlib.machinery import SourceFileLoader

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared"))
ev = SourceFileLoader("eval_summary", os.path.join(SHARED, "tools", "eval-summary")).load_module()
DEV = os.path.join(SHARED, "data", "summarization", "dev.jsonl")


def rows(path, system):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["system"] == system:
                out[r["id"]] = r
    return out


def paired(a):
    precis, peer = rows(a.precis, "cmd"), rows(a.peer, a.peer_system)
    groups = collections.defaultdict(list)
    for key, r in precis.items():
        if key in peer:
            groups[f"{r['lang']}/{r['source']}"].append(100 * (r["r2"] - peer[key]["r2"]))
    print("| group | n | Precis − peer | standard error | wins | losses | largest loss (share of the mean) |")
    print("|---|---|---|---|---|---|---|")
    for g, d in sorted(groups.items()):
        mean = statistics.mean(d)
        se = statistics.stdev(d) / math.sqrt(len(d)) if len(d) > 1 else float("nan")
        worst = min(d)
        print(f"| {g} | {len(d)} | {mean:+.2f} | {se:.2f} | {sum(x > 1e-9 for x in d)} | "
              f"{sum(x < -1e-9 for x in d)} | {worst:.1f} ({worst / len(d):+.2f}) |")


def closer(order, sents, budget, lang):
    chosen, used = [], 0
    for i in order:
        w = ev.count_words(sents[i], lang)
        if abs(budget - used - w) > abs(budget - used):
            break
        chosen.append(i)
        used += w
    return sorted(chosen)


def words_rule(a):
    docs = ev.load(DEV, None)
    opts = argparse.Namespace(cmd_template=None, cmd_name=None, cmd_timeout=60, seed=13,
                              budget_words=a.budget, k=3)
    names = [n for n in ev.ALL if n not in ("random", "oracle")]
    table = {}
    for name in names:
        system = ev.make_system(name, opts)
        system.prepare(docs)
        groups = collections.defaultdict(list)
        for d in docs:
            sents = d["_sents"]
            try:
                ranking, _ = system.rank(d, sents, 3)
                chosen = closer(ranking, sents, a.budget, d["lang"])
                _, texts = ev.select(list(range(len(chosen))), [sents[i] for i in chosen], 3, a.budget, d["lang"])
            except Exception:  # a failing peer scores 0 on that article, as in eval-summary
                texts = []
            sc = ev.get_scorer(d["lang"]).score("\n".join(d["_ref_sents"]), "\n".join(texts))
            groups[f"{d['lang']}/{d['source']}"].append(sc["rouge2"].fmeasure)
        table[name] = {g: 100 * statistics.mean(v) for g, v in groups.items()}
        print(name, json.dumps({g: round(v, 2) for g, v in sorted(table[name].items())}), file=sys.stderr)
    print("| group | best peer, whole sentences | R-2 |")
    print("|---|---|---|")
    for g in sorted(next(iter(table.values()))):
        best = max(table, key=lambda n: table[n].get(g, -1))
        print(f"| {g} | {best} | {table[best][g]:.2f} |")


def budget_score(docs, ranked, budget=40):
    """ROUGE-2 of rankings (sentences, indices best first) read like a peer's under a budget."""
    out = []
    for did, (sents, ranking) in ranked.items():
        d = docs[did]
        _, texts = ev.select(ranking, sents, 3, budget, d["lang"])
        out.append(ev.get_scorer(d["lang"]).score("\n".join(d["_ref_sents"]), "\n".join(texts))["rouge2"].fmeasure)
    return 100 * statistics.mean(out)


def textrank_units(a):
    from summa.preprocessing import textcleaner as tc
    import icu

    docs = {d["id"]: d for d in ev.load(DEV, ["en"], [a.source])}
    walk_only = ("graph-weight: 1\n    standfirst-sentences: 0\n    position-weight: 0\n    centrality-weight: 1\n"
                 "    length-weight: 0\n    frequency-weight: 0\n    quoted-weight: 1\n    redundancy: 0\n")
    work = tempfile.mkdtemp(prefix="summary-cells-")
    for name, extra in (("walk", ""), ("walk-unstemmed", "stemming: false\n    ")):
        with open(os.path.join(work, name + ".yaml"), "w") as f:
            f.write("version: 1\nstages:\n  - kind: normalize\n  - kind: split\n  - kind: classify\n"
                    f"  - kind: score\n    {extra}{walk_only}outputs:\n  - format: summary\n")
    for d in docs.values():
        with open(os.path.join(work, d["id"] + ".txt"), "w", encoding="utf-8") as f:
            f.write(d["text"])

    def run(d, name):
        p = subprocess.run([a.bin, "summarize", "--pipeline", os.path.join(work, name + ".yaml"), "--lang", "en",
                            "--ratio", "1", "--format", "json", os.path.join(work, d["id"] + ".txt")],
                           capture_output=True, text=True, check=True)
        units = json.loads(p.stdout)["sentences"]
        scores = [u["score"] for u in units]
        return d["id"], ([u["text"] for u in units], sorted(range(len(units)), key=lambda i: (-scores[i], i)))

    with ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        walk = dict(pool.map(lambda d: run(d, "walk"), docs.values()))
        unstemmed = dict(pool.map(lambda d: run(d, "walk-unstemmed"), docs.values()))

    word_iter = icu.BreakIterator.createWordInstance(icu.Locale("en"))

    def icu_words(s):
        word_iter.setText(s)
        out, start = [], word_iter.first()
        for end in word_iter:
            if 200 <= word_iter.getRuleStatus() < 500:
                out.append(s[start:end].lower())
            start = end
        return out

    def over_icu_words(sents):
        # summa's stop words and stemmer (set by eval-summary's SummaTextRank before it filters).
        return [" ".join(tc.STEMMER.stem(w) for w in icu_words(s) if w not in tc.STOPWORDS) for s in sents]

    summa = ev.SummaTextRank()

    def textrank(sents):
        return summa.rank({"lang": "en"}, sents, 3)[0]

    print(f"{len(walk)} articles of {a.source}; units from {a.bin}; --budget-words 40, ROUGE-2:")
    print(f"  Precis's walk alone:                    {budget_score(docs, walk):.2f}")
    print(f"  the same without Snowball stems:        {budget_score(docs, unstemmed):.2f}")
    ranked = {k: (s, textrank(s)) for k, (s, _) in walk.items()}
    print(f"  summa's TextRank, its own word filters: {budget_score(docs, ranked):.2f}")
    own_filter, tc.filter_words = tc.filter_words, over_icu_words
    try:
        ranked = {k: (s, textrank(s)) for k, (s, _) in walk.items()}
    finally:
        tc.filter_words = own_filter
    print(f"  summa's TextRank over ICU words      : {budget_score(docs, ranked):.2f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("paired")
    p.add_argument("precis")
    p.add_argument("peer")
    p.add_argument("peer_system")
    w = sub.add_parser("words-rule")
    w.add_argument("--budget", type=int, default=40)
    t = sub.add_parser("textrank-units")
    t.add_argument("bin")
    t.add_argument("--source", default="bbc-news-summary")
    a = ap.parse_args()
    {"paired": paired, "words-rule": words_rule, "textrank-units": textrank_units}[a.command](a)


if __name__ == "__main__":
    main()
