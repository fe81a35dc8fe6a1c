#!/usr/bin/env python3
"""Regenerate data/lexicon/en_words.tsv: the most frequent English words, lower-cased.

A capitalised word that stands alone and is an ordinary English word ("Attendance", "Results",
"Women") is more likely a heading or sentence start than a name, unless the lexicon knows it.
Source: the Python package wordfreq (Robyn Speer et al.), whose word lists are redistributable
under CC-BY-SA 4.0. One-word names the lexicon already knows (countries, cities, people) are left out.

Usage (from the project root):
    pip install wordfreq==3.1.1
    python3 scripts/lexicon/gen_en_words.py
"""

import os
import sys

import wordfreq
from wordfreq import top_n_list

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LEXICON = os.path.join(ROOT, "data", "lexicon")
OUT = os.path.join(LEXICON, "en_words.tsv")
COUNT = 12000


def known_names():
    names = set()
    for f in ("countries.tsv", "cities.tsv", "india.tsv", "regions.tsv", "organizations.tsv", "people.tsv"):
        for line in open(os.path.join(LEXICON, f), encoding="utf-8"):
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            for field in cols[3:5]:
                for form in field.split("|"):
                    if " " not in form.strip():
                        names.add(form.strip().lower())
    return names


def main():
    names = known_names()
    words = [w for w in top_n_list("en", COUNT) if w.isalpha() and w.isascii() and len(w) > 1 and w not in names]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# The most frequent English words (lower-cased), minus one-word names the lexicon knows.\n")
        f.write(f"# Source: wordfreq {wordfreq.__version__ if hasattr(wordfreq, '__version__') else '3.1.1'} top_n_list('en', {COUNT}) (Robyn Speer et al.).\n")
        f.write("# Licence: CC-BY-SA 4.0 (wordfreq data).\n")
        f.write("# Regenerate: pip install wordfreq==3.1.1 && python3 scripts/lexicon/gen_en_words.py\n")
        f.write("# word\n")
        for w in words:
            f.write(w + "\n")
    print(f"wrote {OUT}: {len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
