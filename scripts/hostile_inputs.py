#!/usr/bin/env python3
"""Writes hostile inputs for the measurements of docs/limits.md.

    python3 scripts/hostile_inputs.py line SIZE_BYTES OUT [SEED]   # one line of random French words, one in ten a number
    python3 scripts/hostile_inputs.py dense SIZE_BYTES OUT SEED fr|en  # sentences dense with figures, dates and names
    python3 scripts/hostile_inputs.py variant IN OUT [SEED]        # IN with one figure in three changed

A `variant` of a `line` aligns with it (the same words), so `align` compares the two in full;
two `line`s of different seeds share no figure and are left unpaired.
"""
import random
import re
import sys

FR_WORDS = ("le la les de des un une et est dans pour avec sur par ministre gouvernement président ville pays "
            "année mois semaine annonce selon rapport hausse baisse prix euros millions habitants lundi mardi "
            "janvier mai").split()


def line(size, out, seed):
    random.seed(seed)
    written = 0
    with open(out, "w") as f:
        while written < size:
            words = [str(random.randint(1, 100000)) if random.random() < 0.1 else random.choice(FR_WORDS)
                     for _ in range(10000)]
            chunk = " ".join(words) + " "
            f.write(chunk)
            written += len(chunk)


DENSE = {
    "fr": dict(
        words="le la les de des un une et est dans pour avec sur par a annoncé ministre gouvernement président selon hausse baisse".split(),
        months="janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
        days="lundi mardi mercredi jeudi vendredi samedi dimanche".split(),
        units=["euros", "millions d'euros", "%", "kilomètres", "habitants", "tonnes", "milliards de dollars"],
        names=["Paris", "Macron", "Chine", "ONU", "Berlin", "Angela Merkel", "Londres", "Washington",
               "Emmanuel Macron", "OTAN", "Japon", "Brésil", "Dupont", "Martin", "Moscou"]),
    "en": dict(
        words="the a of in to and is for with on by announced minister government president according rise fall".split(),
        months="January February March April May June July August September October November December".split(),
        days="Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
        units=["euros", "million euros", "%", "kilometres", "inhabitants", "tonnes", "billion dollars"],
        names=["Paris", "Macron", "China", "UN", "Berlin", "Angela Merkel", "London", "Washington",
               "Emmanuel Macron", "NATO", "Japan", "Brazil", "Dupont", "Martin", "Moscow"]),
}


def dense(size, out, seed, lang):
    random.seed(seed)
    v = DENSE[lang]
    parts, n = [], 0
    while n < size:
        s = []
        for _ in range(random.randint(4, 14)):
            r = random.random()
            if r < 0.2:
                w = f"{random.randint(1, 5000)} {random.choice(v['units'])}"
            elif r < 0.3:
                w = f"{random.randint(1, 28)} {random.choice(v['months'])} {random.randint(1950, 2030)}"
            elif r < 0.36:
                w = random.choice(v["days"])
            elif r < 0.5:
                w = random.choice(v["names"])
            elif r < 0.56:
                w = str(random.randint(1000, 2999))
            else:
                w = random.choice(v["words"])
            s.append(w)
        t = " ".join(s)
        t = t[0].upper() + t[1:] + "."
        parts.append(t)
        n += len(t) + 1
        if random.random() < 0.15:
            parts.append("\n\n")
    with open(out, "w") as f:
        f.write(" ".join(parts).replace(" \n\n ", "\n\n"))


def variant(src, out, seed):
    """Copies `src` a megabyte at a time (cut after a space), adding 1 to a third of its figures."""
    random.seed(seed)
    bump = lambda m: str(int(m.group()) + 1) if random.random() < 0.3 else m.group()
    with open(src) as f, open(out, "w") as g:
        rest = ""
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                g.write(re.sub(r"\d+", bump, rest))
                break
            chunk = rest + chunk
            cut = chunk.rfind(" ") + 1
            chunk, rest = chunk[:cut], chunk[cut:]
            g.write(re.sub(r"\d+", bump, chunk))


if __name__ == "__main__":
    if sys.argv[1] == "variant":
        variant(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 1)
        sys.exit(0)
    kind, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    if kind == "line":
        line(size, out, seed)
    else:
        dense(size, out, seed, sys.argv[5])
