"""What an ingest changed: the incidents an article's events belong to, with their evidence.

Read by `kronika watch --notify` after each stored article, so a subscriber gets every new or
updated incident once per poll with the text spans behind it.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from .query import get_incident


def incident_ids_of_article(conn: sqlite3.Connection, article_id: str) -> list[str]:
    """Ids of the incidents the article's events are linked to, in event order."""
    rows = conn.execute(
        "SELECT i.id, min(e.idx) FROM events e JOIN articles a ON a.pk = e.article_pk "
        "JOIN incidents i ON i.pk = e.incident_pk WHERE a.id = ? GROUP BY i.id ORDER BY 2",
        (article_id,)).fetchall()
    return [r[0] for r in rows]


def incident_with_evidence(conn: sqlite3.Connection, incident_id: str) -> dict[str, Any] | None:
    """An incident with its members (as the API gives it) and each member event's evidence spans."""
    inc = get_incident(conn, incident_id)
    if inc is None:
        return None
    for ev in inc.get("events", []):
        ev["evidence"] = [
            {"start": s, "end": e, "text": t} for s, e, t in conn.execute(
                "SELECT s.start, s.end, s.text FROM spans s JOIN articles a ON a.pk = s.article_pk "
                "WHERE a.id = ? AND s.owner = 'event' AND s.owner_idx = ? ORDER BY s.pk",
                (ev["article"], ev["idx"]))]
    return inc
