"""The SQLite schema of the chronicle and its migrations.

`PRAGMA user_version` holds the schema version; `migrate` applies each step above it in order, in
one transaction per step, so an old database is brought up to date on open and a new one is
created by the same path. Add a step to MIGRATIONS to change the schema; never edit a released one.
"""

from __future__ import annotations

import sqlite3

# Step 1: articles (+ FTS5), per-article records with their evidence spans, incidents.
_V1 = """
CREATE TABLE articles (
    pk            INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    canonical_url TEXT,
    url           TEXT,
    content_hash  TEXT NOT NULL,
    lang          TEXT,
    published     TEXT,
    title         TEXT,
    text          TEXT NOT NULL,
    origin        TEXT,
    relevant      INTEGER NOT NULL DEFAULT 0,
    result_json   TEXT NOT NULL,              -- the whole ArticleResult, as the extractor gave it
    extractor     TEXT,                       -- kronika version that extracted it
    ingested_at   TEXT NOT NULL
);
CREATE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='pk', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.pk, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.pk, coalesce(old.title, ''), old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, coalesce(new.title, ''), new.text);
END;

CREATE TABLE incidents (
    pk            INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,       -- stable: derived from the first member, never renumbered
    family        TEXT NOT NULL,              -- sub-event family used for linking (link/rules.py)
    event_type    TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    disorder_type TEXT,
    date          TEXT,
    day           INTEGER,                    -- date as a day number, for the candidate index
    date_min      TEXT,
    date_max      TEXT,
    time_precision INTEGER,
    country       TEXT,
    admin1        TEXT,
    location      TEXT,
    geonameid     INTEGER,
    latitude      REAL,
    longitude     REAL,
    geo_precision INTEGER,
    cell          TEXT,                       -- rounded coordinates, for the candidate index
    actor1        TEXT,
    actor2        TEXT,
    actor1_name   TEXT,
    actor2_name   TEXT,
    fatalities    INTEGER,                    -- ACLED lowest reported figure of the killed
    n_events      INTEGER NOT NULL DEFAULT 0,
    n_articles    INTEGER NOT NULL DEFAULT 0,
    figures_json  TEXT,                       -- reconciled figures per kind (link/reconcile.py)
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX incidents_candidates ON incidents(family, country, day);
CREATE INDEX incidents_cell ON incidents(family, cell, day);
CREATE INDEX incidents_date ON incidents(date);

CREATE TABLE events (
    pk            INTEGER PRIMARY KEY,
    article_pk    INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,           -- position in the article's result
    incident_pk   INTEGER REFERENCES incidents(pk) ON DELETE SET NULL,
    event_type    TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    disorder_type TEXT,
    date          TEXT,
    time_precision INTEGER,
    country       TEXT,
    admin1        TEXT,
    location      TEXT,
    geonameid     INTEGER,
    latitude      REAL,
    longitude     REAL,
    geo_precision INTEGER,
    actor1        TEXT,
    actor2        TEXT,
    actor1_name   TEXT,
    actor2_name   TEXT,
    fatalities    INTEGER,
    confidence    REAL,
    notes         TEXT,
    UNIQUE (article_pk, idx)
);
CREATE INDEX events_incident ON events(incident_pk);
CREATE INDEX events_filter ON events(date, country, event_type);

CREATE TABLE counts (
    pk            INTEGER PRIMARY KEY,
    article_pk    INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    event_pk      INTEGER REFERENCES events(pk) ON DELETE SET NULL,  -- the event it was attributed to
    kind          TEXT NOT NULL,
    value         REAL NOT NULL,
    value_max     REAL,
    qualifier     TEXT,
    subject       TEXT,
    location      TEXT,
    source        TEXT,
    UNIQUE (article_pk, idx)
);
CREATE INDEX counts_event ON counts(event_pk);

CREATE TABLE sources (
    pk            INTEGER PRIMARY KEY,
    article_pk    INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    name          TEXT NOT NULL,
    kind          TEXT,
    UNIQUE (article_pk, idx)
);
CREATE INDEX sources_name ON sources(name);

CREATE TABLE quotes (
    pk            INTEGER PRIMARY KEY,
    article_pk    INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    speaker       TEXT,
    speaker_role  TEXT,
    via           TEXT,
    UNIQUE (article_pk, idx)
);

-- Evidence spans of every record; owner is ('event'|'count'|'source'|'quote', that row's idx).
CREATE TABLE spans (
    pk            INTEGER PRIMARY KEY,
    article_pk    INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    owner         TEXT NOT NULL CHECK (owner IN ('event', 'count', 'source', 'quote')),
    owner_idx     INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    text          TEXT NOT NULL
);
CREATE INDEX spans_owner ON spans(article_pk, owner, owner_idx);
"""

# Step 2: the incident's widest member date tolerance, so candidate lookup can skip incidents whose
# day is too far before loading their members (15, the widest, is the safe default for old rows).
_V2 = """
ALTER TABLE incidents ADD COLUMN tol INTEGER NOT NULL DEFAULT 15;
"""

# Step 3: the actor kinds and names casefolded in one column (filters.actors_folded; the kactors
# function is registered by db.connect), because SQLite's lower() and LIKE fold ASCII only: an actor
# filter must find "Поліція" from "поліція". And indexes in the lists' order (undated last, then
# date, then the row), holding the common filter columns too, so a page is an index walk instead
# of a sort of every match.
_V3 = """
ALTER TABLE events ADD COLUMN actors_fold TEXT;
ALTER TABLE incidents ADD COLUMN actors_fold TEXT;
UPDATE events SET actors_fold = kactors(actor1, actor2, actor1_name, actor2_name);
UPDATE incidents SET actors_fold = kactors(actor1, actor2, actor1_name, actor2_name);
CREATE INDEX events_order ON events((date IS NULL), date, country, event_type);
CREATE INDEX incidents_order ON incidents((date IS NULL), date, id);
"""

# Step 4: every URL an article was seen under. The same text under a new URL is not a new article
# (store.find matches it by its content hash) but the new address is worth keeping; articles
# stored before this step get their own URL as the first sighting.
_V4 = """
CREATE TABLE sightings (
    pk            INTEGER PRIMARY KEY,
    article_pk    INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    url           TEXT NOT NULL,
    canonical_url TEXT NOT NULL,
    origin        TEXT,
    seen_at       TEXT NOT NULL,
    UNIQUE (article_pk, canonical_url)
);
CREATE INDEX sightings_canonical_url ON sightings(canonical_url);
INSERT INTO sightings (article_pk, url, canonical_url, origin, seen_at)
    SELECT pk, url, canonical_url, origin, ingested_at FROM articles
    WHERE url IS NOT NULL AND canonical_url IS NOT NULL;
"""

# Step 5: each actor's side as the text gives it (extract/events/sides.py): country and, for state
# forces, the branch; exports name actors from these ("Military Forces of Russia (2000-)").
_V5 = """
ALTER TABLE events ADD COLUMN actor1_country TEXT;
ALTER TABLE events ADD COLUMN actor2_country TEXT;
ALTER TABLE events ADD COLUMN actor1_force TEXT;
ALTER TABLE events ADD COLUMN actor2_force TEXT;
"""

# Step 6: the lemma index for search (store/search.py): each article's words with their lemmas, so
# "акімат" finds "акімату". Filled from Python at insert (lemmas need the analysers); articles of
# an older database are indexed when it is opened for writing (search.backfill).
_V6 = """
CREATE VIRTUAL TABLE articles_lemmas USING fts5(lemmas, tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_lemmas_ad AFTER DELETE ON articles BEGIN
    DELETE FROM articles_lemmas WHERE rowid = old.pk;
END;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(RuntimeError):
    """The store cannot be used as asked (read-only, full, not a kronika database, too new); the
    message says why, for the user, and names the file."""


class SchemaTooNew(StoreError):
    """The database was written by a newer kronika than this one."""


def statements(script: str) -> list[str]:
    """Split a script into whole statements (trigger bodies hold semicolons)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to SCHEMA_VERSION; returns the version it had before.

    The connection must be in autocommit mode (isolation_level=None). Each step runs under
    BEGIN IMMEDIATE and re-reads the version inside it, so two processes opening a new database at
    once do not both create it."""
    before = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if before > SCHEMA_VERSION:
        raise SchemaTooNew(f"database schema version {before} is newer than this kronika's "
                           f"({SCHEMA_VERSION}); upgrade kronika")
    if before == SCHEMA_VERSION:  # up to date: no write lock (a read-only file opens too)
        return before
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version >= SCHEMA_VERSION:
                conn.execute("COMMIT")
                return before
            for stmt in statements(MIGRATIONS[version]):
                conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
