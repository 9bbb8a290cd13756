#!/usr/bin/env python3
"""Generates data/common-words-en.txt and data/common-words-fr.txt: the words of each language
that its spelling dictionary lists only in lower case, folded as newsalign folds text (accents
removed, lower case, œ/æ spelled out), one a line, sorted by bytes.

A capitalised word made only of such words ("Clinique", "Trauma Surgery") is a common word
set as a title, not a name: its absence from the other version is no omission of a fact. A word
the dictionary also lists capitalised ("Bell", "Paris", "Pierre") stays a possible name.

Sources (Debian packages, installed with `apt-get install wamerican hunspell-fr-classical`):
  - English: SCOWL's `american-english` word list (package `wamerican`; SCOWL licence, permissive).
  - French: Dicollecte's hunspell dictionary, "classique" variant (package `hunspell-fr-classical`;
    MPL-2.0): its entries, and the regular plural of each noun and adjective (the affix rules
    are not applied otherwise).
Run: python3 scripts/gen_common_words.py [--en PATH] [--fr PATH] [--out data]
"""
import argparse
import os
import re
import unicodedata

WORD = re.compile(r"^[a-z]{2,}$")


def fold(text):
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return text.lower().replace("œ", "oe").replace("æ", "ae")


def common(entries):
    """Folded words listed in lower case and never capitalised."""
    lower, capital = set(), set()
    for entry in entries:
        if not entry or not entry[0].isalpha():
            continue
        folded = fold(entry)
        if not WORD.match(folded):
            continue
        (capital if entry[0].isupper() else lower).add(folded)
    return sorted(lower - capital, key=lambda w: w.encode())


def english(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if "'" not in line]


def plural(word):
    """The regular French plural of a noun or adjective (the .dic lists singulars)."""
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith(("eau", "au", "eu")):
        return word + "x"
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


def french(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()[1:]  # the first line is the entry count
    out = []
    for line in lines:
        word = re.split(r"[/\s]", line, maxsplit=1)[0]
        out.append(word)
        if word[:1].islower() and ("po:nom" in line or "po:adj" in line):
            out.append(plural(word))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--en", default="/usr/share/dict/american-english")
    ap.add_argument("--fr", default="/usr/share/hunspell/fr.dic")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data"))
    args = ap.parse_args()
    for lang, words in (("en", common(english(args.en))), ("fr", common(french(args.fr)))):
        path = os.path.join(args.out, f"common-words-{lang}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(words) + "\n")
        print(f"{path}: {len(words)} words")


if __name__ == "__main__":
    main()
