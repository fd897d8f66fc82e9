#!/usr/bin/env python3
"""Writes the dated test corpus of `tifa corpus` and the counts it must give.

Usage: scripts/make-corpus.py [OUT_DIR]   (default: tests/data/corpus)

The documents are generated, not collected: each mixes sentences of ordinary prose (written for
this corpus, holding no Party term) with Party phrases planted from a table below, in English
or Chinese, over the years 2018-2024, with trends built in ("self-reform" gives way to
"self-revolution" in 2021; "new quality productive forces" appears in 2023), and two phrases we
made up ("green lighthouse pilots", 数智赋能基层) planted from 2023 for `--emerging` to find. Because every
planted phrase is known, so is every count: the script writes them beside the corpus, and the
tests assert that `tifa corpus` finds exactly these. A fixed seed makes the output the same on
every run.

Files written:
  watchwords.jsonl       360 documents: {"id", "date", "outlet", "text"}
  watchwords.csv         the same documents as CSV (id,date,outlet,text)
  expected-by-year.csv   period,term,unit,occurrences,nested,documents,official,media,mt
"""
import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

SEED = 20241205
YEARS = range(2018, 2025)
DOCS_PER_YEAR = 360 // len(YEARS) + 1

# (entry id, form, language, kind, nested entry ids, first year, last year, weight by year offset)
PHRASES = [
    ("two-upholds", "the Two Upholds", "en", "official", [], 2018, 2024, lambda k: 2),
    ("two-upholds", "the two safeguards", "en", "media", [], 2018, 2024, lambda k: 1),
    ("two-upholds", "the two maintenances", "en", "mt", [], 2019, 2024, lambda k: 1),
    ("two-establishments", "the Two Establishments", "en", "official", [], 2018, 2024, lambda k: k),
    ("self-revolution", "self-reform", "en", "official", [], 2018, 2020, lambda k: 3),
    ("self-revolution", "self-revolution", "en", "official", [], 2021, 2024, lambda k: k),
    ("new-quality-productive-forces", "new quality productive forces", "en", "official", [], 2023, 2024, lambda k: 4),
    ("common-prosperity", "common prosperity", "en", "official", [], 2018, 2024, lambda k: 1 + (k >= 3) * 3),
    ("xi-jinping-thought", "Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era", "en", "official",
     ["new-era", "socialism-with-chinese-characteristics"], 2018, 2024, lambda k: 1),
    ("two-upholds", "两个维护", "zh", "official", [], 2018, 2024, lambda k: 2),
    ("two-establishments", "两个确立", "zh", "official", [], 2021, 2024, lambda k: 3),
    ("self-revolution", "自我革命", "zh", "official", [], 2018, 2024, lambda k: 1 + k // 2),
    ("new-quality-productive-forces", "新质生产力", "zh", "official", [], 2023, 2024, lambda k: 4),
    ("common-prosperity", "共同富裕", "zh", "official", [], 2018, 2024, lambda k: 2),
    ("xi-jinping-thought", "习近平新时代中国特色社会主义思想", "zh", "official",
     ["new-era", "socialism-with-chinese-characteristics"], 2018, 2024, lambda k: 1),
    # Two phrases we made up, in no dictionary and no real document, planted from 2023 on: what
    # `tifa corpus --emerging` must find (the entry id None keeps them out of the counts).
    (None, "green lighthouse pilots", "en", "official", [], 2023, 2024, lambda k: 3),
    (None, "数智赋能基层", "zh", "official", [], 2023, 2024, lambda k: 3),
]

# Ordinary prose, ours: no Party terms, so every count comes from the planted phrases.
PROSE = {
    "en": [
        "The morning train was late again, and the platform filled with people holding coffee.",
        "A local bakery has started selling bread made with rye from the valley.",
        "Rain is expected over the weekend, with clearer skies by Monday afternoon.",
        "The library will extend its opening hours during the examination period.",
        "Volunteers repainted the fence around the playground on Saturday.",
        "Ticket prices for the autumn concert series were announced this week.",
        "The river path is closed near the old mill while the bridge is repaired.",
        "A new cycling lane links the station with the university campus.",
    ],
    "zh": [
        "今天早上的火车又晚点了，站台上挤满了拿着咖啡的人。",
        "一家小面包店开始出售用山谷里的黑麦做的面包。",
        "周末预计有雨，周一下午天气转晴。",
        "考试期间图书馆将延长开放时间。",
        "志愿者们星期六重新粉刷了操场周围的栅栏。",
        "秋季音乐会的票价本周公布。",
        "旧磨坊附近的河边小路因修桥暂时关闭。",
        "一条新的自行车道把车站和大学校园连了起来。",
    ],
}
OUTLETS = ["Evening Courier", "Harbour Weekly", "Valley Times"]
# Sentences a phrase is planted in (ours, holding no Party term): several, so that a phrase's
# neighbours vary as in real text and `--emerging` can tell where it ends.
FRAMES = {
    "en": ["Speakers returned to {} during the meeting.", "The report mentions {} twice.",
           "Officials discussed {} at length.", "Several speakers praised {}."],
    "zh": ["会上，发言者再次谈到{}。", "报告两次提到{}。", "与会者围绕{}交换了意见。", "几位发言者称赞了{}。"],
}


def document(rng, year, lang):
    """One document: prose sentences with phrases planted between them, and its counts."""
    phrases = [p for p in PHRASES if p[2] == lang and p[5] <= year <= p[6]]
    sentences = rng.sample(PROSE[lang], k=rng.randint(2, 4))
    planted = []
    for p in phrases:
        weight = p[7](year - p[5])
        for _ in range(rng.choices([0, 1, 2], weights=[3, max(weight, 1), 1])[0]):
            planted.append(p)
    # A gated (media or MT) form counts by the document rule only beside an ungated term:
    # every document with one also has the official "Two Upholds" or 两个维护.
    if any(p[3] != "official" for p in planted) and not any(p[3] == "official" and p[0] == "two-upholds" for p in planted):
        planted.append(next(p for p in PHRASES if p[2] == lang and p[0] == "two-upholds" and p[3] == "official"))
    rng.shuffle(planted)
    parts = list(sentences)
    for p in planted:
        frame = rng.choice(FRAMES[lang])
        parts.insert(rng.randint(0, len(parts)), frame.format(p[1]))
    text = (" " if lang == "en" else "").join(parts)
    return text, planted


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/data/corpus")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    docs = []
    # (year, term, unit) -> counts
    table = defaultdict(lambda: {"occurrences": 0, "nested": 0, "documents": 0, "official": 0, "media": 0, "mt": 0})
    n = 0
    for year in YEARS:
        for i in range(DOCS_PER_YEAR):
            lang = "zh" if i % 3 == 0 else "en"
            text, planted = document(rng, year, lang)
            n += 1
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            docs.append({"id": f"doc-{n:04d}", "date": date, "outlet": OUTLETS[n % len(OUTLETS)], "text": text})
            unit = "characters" if lang == "zh" else "words"
            seen = set()
            for p in planted:
                if p[0] is None:
                    continue
                cell = table[(str(year), p[0], unit)]
                cell["occurrences"] += 1
                cell[p[3]] += 1
                seen.add(p[0])
                for nested in p[4]:
                    table[(str(year), nested, unit)]["nested"] += 1
                    seen.add(nested)
            for term in seen:
                table[(str(year), term, unit)]["documents"] += 1
    with open(out / "watchwords.jsonl", "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(out / "watchwords.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "date", "outlet", "text"])
        for d in docs:
            w.writerow([d["id"], d["date"], d["outlet"], d["text"]])
    with open(out / "expected-by-year.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        cols = ["occurrences", "nested", "documents", "official", "media", "mt"]
        w.writerow(["period", "term", "unit", *cols])
        for key in sorted(table):
            w.writerow([*key, *(table[key][c] for c in cols)])
    print(f"make-corpus: {len(docs)} documents, {len(table)} period x term rows in {out}")


if __name__ == "__main__":
    main()
