#!/usr/bin/env python3
"""Regenerate data/lexicon/hi_common.tsv: Hindi words that are (almost) never part of a name.

Pattern rules use it to tell a name word from an ordinary word after a title or before a suffix.
Source: the training split of IL-NER Hindi (IIIT Hyderabad, CDAC Noida, IIIT Bhubaneswar;
Bhashini), CC-BY-4.0. Only word counts are kept, never sentences; the dev split is not read.

Usage (from the project root):
    python3 scripts/lexicon/gen_common_words.py ../shared/corpus/ner/il-ner/hindi-train.conll
"""

import os
import sys
import unicodedata
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "data", "lexicon", "hi_common.tsv")
MIN_COUNT = 2
MAX_NAME_SHARE = 0.03
LIMIT = 9000


def normalise(word):
    """The project's normalisation for Devanagari: nukta letters decomposed, zero-width removed."""
    word = "".join(c for c in word if c not in "\u200b\u200c\u200d\u2060\ufeff\u00ad")
    out = []
    for c in word:
        d = unicodedata.decomposition(c)
        if "093C" in d:
            out.append(unicodedata.normalize("NFD", c))
        else:
            out.append(c)
    return "".join(out)


def main():
    path = sys.argv[1]
    total, named = Counter(), Counter()
    for line in open(path, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 2 or not cols[0].strip():
            continue
        word, tag = normalise(cols[0]), cols[-1]
        if not any("\u0900" <= c <= "\u097f" for c in word):
            continue
        total[word] += 1
        if tag[:2] in ("B-", "I-") and tag[2:] in ("NEP", "NEL", "NEO"):
            named[word] += 1
    words = [w for w, n in total.items() if n >= MIN_COUNT and named[w] / n <= MAX_NAME_SHARE]
    words.sort(key=lambda w: (-total[w], w))
    # Direction and position words that precede names without being part of them ("पूर्वी शहर",
    # "उत्तरी गिलान"); curated by the newslens team. Lexicon names that contain them
    # ("उत्तर प्रदेश") are matched whole by the lexicon, not by these rules.
    extra = ["पूर्वी", "पश्चिमी", "उत्तरी", "दक्षिणी", "पूर्व", "पश्चिम", "उत्तर", "दक्षिण", "मध्य", "निकटवर्ती", "पड़ोसी"]
    words = [w for w in extra if w not in words] + words
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Hindi words that are almost never part of a person, place or organisation name.\n")
        f.write("# Source: word counts from the IL-NER Hindi training split (IIIT Hyderabad, CDAC Noida,\n")
        f.write("# IIIT Bhubaneswar; Bhashini): words seen at least %d times and inside a name at most\n" % MIN_COUNT)
        f.write("# %d%% of the time, most frequent first.\n" % int(MAX_NAME_SHARE * 100))
        f.write("# Licence: CC-BY-4.0 (IL-NER). Regenerate: python3 scripts/lexicon/gen_common_words.py\n")
        f.write("#   ../shared/corpus/ner/il-ner/hindi-train.conll\n")
        f.write("# word\n")
        for w in words[:LIMIT + len(extra)]:
            f.write(w + "\n")
    print(f"wrote {OUT}: {min(len(words), LIMIT)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
