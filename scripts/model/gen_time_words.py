#!/usr/bin/env python3
"""Writes data/model/time-words.tsv: Hindi names of weekdays and months, which the learned
tagger never lets begin a name (the IL-NER training split hardly has any, so the model cannot
learn that "गुरुवार को" is a time, not a place).

Source: Unicode CLDR via babel (wide day and month names, locale hi), plus the common spelling
variants of the Hindi press listed below. Usage: python3 scripts/model/gen_time_words.py
"""
import babel
from babel.dates import get_day_names, get_month_names

# Spellings the Hindi press uses besides CLDR's (anusvara/half-nasal and nukta-less forms).
VARIANTS = ["फरवरी", "सितम्बर", "अक्तूबर", "नवम्बर", "दिसम्बर", "जुलायी"]

words = list(get_day_names("wide", locale="hi").values())
words += list(get_month_names("wide", locale="hi").values())
words += [v for v in VARIANTS if v not in words]
with open("data/model/time-words.tsv", "w", encoding="utf-8") as out:
    out.write("# Hindi weekday and month names: the learned tagger never starts a name with one.\n")
    out.write(f"# Source: Unicode CLDR (babel {babel.__version__}, locale hi, wide day and month names)\n")
    out.write("# plus press spelling variants listed in the script. Licence: Unicode License v3 (CLDR).\n")
    out.write("# Regenerate: python3 scripts/model/gen_time_words.py\n")
    out.write("# word\n")
    for w in words:
        out.write(w + "\n")
