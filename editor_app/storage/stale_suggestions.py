"""Open suggestions whose text changed under them close themselves.

When an article's text changes (another suggestion accepted, a replace, the editor's
typing), an open suggestion whose `before` no longer stands where it pointed can no
longer be accepted: it is marked `stale` in the same operation, so the list never offers
a fix that would land on text it was not made for.
"""

from __future__ import annotations

from editor_app.model.alignment import RunMap, diff_runs
from editor_app.storage.suggestion_packs import PackFilter, read_packed, unpack

STALE = "stale"


def close_stale(db, journal, raw: str, article: dict) -> None:
    """Mark stale the open suggestions inside the article that no longer fit its text."""
    text = article["corrected_text"]
    if text is None:
        return  # the raw span itself: every suggestion made for it still fits
    base, end = article["start_offset"], article["end_offset"]
    span = raw[base:end]
    inside = [s for s in _open_in(db, article["document_id"]) if base <= s[1] and s[2] <= end]
    if not inside:
        return
    mapping = RunMap(diff_runs(text, span))
    stale = []
    for suggestion_id, start, _end, before in inside:
        at = mapping.text_position(start - base, len(text), len(span))
        if text[at : at + len(before)] != before:
            stale.append(suggestion_id)
    if stale:
        unpack(db, [article["document_id"]])
        for suggestion_id in stale:
            journal.update("suggestions", {"id": suggestion_id}, {"status": STALE})


def _open_in(db, document_id: int) -> list[tuple[int, int, int, str]]:
    """(id, start, end, before) of the document's open suggestions, packed ones too."""
    stored = db.execute(
        'SELECT id, start, "end", before FROM suggestions '
        "WHERE document_id = ? AND status = 'open'",
        [document_id],
    ).fetchall()
    packed = read_packed(db, PackFilter(document_id=document_id))
    return [tuple(row) for row in stored] + [(s.id, s.start, s.end, s.before) for s in packed]
