"""Type stubs of newsalign: the Rust library's functions, each returning a command's JSON report."""

import datetime
from typing import Any, Iterable, Mapping, Optional, Tuple, Union

Record = Mapping[str, Any]
"""An article record (CONTRACT.md): ``id`` and ``text``, optionally ``lang``, ``published``,
``title`` and ``url``; other keys are ignored."""

Article = Union[str, Record]
"""An article's text (its id is then the argument's name) or its record."""

Date = Union[str, datetime.date]
"""``YYYY-MM-DD`` (a timestamp starting with one is accepted) or a ``datetime.date``."""

class InputError(ValueError):
    """An input newsalign cannot use; the message is the command line's one-line error."""

def align(
    left: Article,
    right: Article,
    *,
    published: Optional[Date] = None,
    lang_left: Optional[str] = None,
    lang_right: Optional[str] = None,
) -> dict[str, Any]:
    """Aligns the sentences of two versions of a story and compares their facts.

    ``published`` is the reference for relative dates of an article without a date;
    ``lang_left`` / ``lang_right`` ("fr" or "en") apply when an article states no language.
    Returns the report of ``newsalign align --format json``. Raises InputError on bad input.
    """

def split(text: Article, *, lang: Optional[str] = None) -> dict[str, Any]:
    """Cleans an article and splits it into sentences, marking boilerplate as noise.

    Returns one line of ``newsalign split --format jsonl``: id, lang, sentences (start and end
    byte offsets into the UTF-8 text, text, noise). Raises InputError on bad input.
    """

def facts(text: Article, *, lang: Optional[str] = None, published: Optional[Date] = None) -> dict[str, Any]:
    """Extracts numbers, dates and named entities with cross-language keys.

    Returns one line of ``newsalign facts --format jsonl``: id, lang, facts. Raises InputError
    on bad input.
    """

def sketch(record: Record) -> dict[str, Any]:
    """The dedup sketch of one article (the map step of a distributed dedup, docs/dedup.md).

    Returns one line of ``newsalign sketch``: id, lang, exact, bands and the other fields of
    the sketch format, 64-bit keys as hex strings. Raises InputError on bad input.
    """

def dedup(records: Iterable[Union[Record, str]]) -> dict[str, Any]:
    """Finds exact copies, near copies and translations in a corpus, on all cores.

    ``records`` holds record dicts or their JSON lines. Returns the report of
    ``newsalign dedup --format json``: ``{"pairs": [{"a", "b", "relation", "score"}],
    "clusters": [[id, ...]]}``. Raises InputError on the first bad record ("records:N") and on a
    repeated id.
    """

def verify(
    sketches: Iterable[Union[Mapping[str, Any], str]],
    candidates: Optional[Iterable[Union[Tuple[str, str], Mapping[str, str]]]] = None,
) -> dict[str, Any]:
    """The verification step of a distributed dedup: ``newsalign dedup --sketches``
    (``--candidates`` when given) on sketches made by :func:`sketch`.

    ``candidates`` holds id pairs, ``(a, b)`` or ``{"a": ..., "b": ...}``; without them the
    whole corpus is searched. Returns the dedup report. Raises InputError on a bad sketch, a
    repeated id, or a candidate naming an unknown id.
    """

def candidates(sketches: Iterable[Union[Mapping[str, Any], str]]) -> list[Tuple[str, str]]:
    """The candidate pairs a one-process dedup of these sketches verifies (exact hash, near-copy
    band, sentence-link band for translations): ``newsalign dedup --sketches --emit-candidates``.

    Returns ``(a, b)`` id pairs, ``a`` before ``b`` in the order given. Raises InputError on a
    bad sketch or a repeated id.
    """

__all__ = ["InputError", "align", "candidates", "dedup", "facts", "sketch", "split", "verify"]
