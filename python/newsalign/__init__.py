"""newsalign: compare French and English news articles.

Deduplicate a corpus across the two languages, align the sentences of two versions of a story,
and flag the numbers, dates and names on which they disagree. Every function returns the JSON
report of the matching ``newsalign`` command (``--format json``) as plain Python objects, runs
with the GIL released (threads run in parallel), and raises :class:`InputError` (a
``ValueError``) with the command's one-line message on bad input.
"""

from ._native import InputError, align, candidates, dedup, facts, sketch, split, verify

__all__ = ["InputError", "align", "candidates", "dedup", "facts", "sketch", "split", "verify"]
