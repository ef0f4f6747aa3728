-- factwire store, schema version 1 (docs/store.md describes every table and column).
-- Filter columns: `types` is '|key|key|' (lower case), `actors` and `places` are lower-case
-- names joined by '|', `countries` is '|ISO3|ISO3|'; dates are YYYY-MM-DD (a partial date is
-- widened to the days it covers).

CREATE TABLE articles (
    pk          INTEGER PRIMARY KEY,          -- stable rowid: article_fts rows share it
    id          TEXT NOT NULL UNIQUE,          -- the article key (input id, or sha256[:16])
    version     INTEGER NOT NULL,              -- current version number (1, 2, ...)
    sha256      TEXT NOT NULL,                 -- sha256 of the current version's text
    title       TEXT,
    url         TEXT,
    outlet      TEXT,
    published   TEXT,
    language    TEXT,
    duplicate_of TEXT,                         -- corpus view: an earlier article this one copies
    ingested_at TEXT NOT NULL,                 -- UTC ISO time the current version was stored
    counts      TEXT NOT NULL,                 -- JSON {kind: number of facts}
    types       TEXT NOT NULL,
    date_lo     TEXT,
    date_hi     TEXT,
    actors      TEXT NOT NULL,
    countries   TEXT NOT NULL,
    places      TEXT NOT NULL
);
CREATE INDEX articles_sha256 ON articles(sha256);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_date ON articles(date_lo);

CREATE TABLE article_versions (
    article_id    TEXT NOT NULL REFERENCES articles(id),
    version       INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    ingested_at   TEXT NOT NULL,
    superseded_at TEXT,                        -- NULL for the current version
    report        TEXT NOT NULL,               -- the Report JSON (schema.py)
    PRIMARY KEY (article_id, version)
);
CREATE INDEX article_versions_sha256 ON article_versions(sha256);

CREATE VIRTUAL TABLE article_fts USING fts5(title, text);   -- rowid = articles.pk

CREATE TABLE facts (
    pk         INTEGER PRIMARY KEY,            -- stable rowid: fact_fts rows share it
    id         TEXT NOT NULL UNIQUE,           -- global id (records.py)
    kind       TEXT NOT NULL CHECK (kind IN ('mention', 'event', 'force', 'quote', 'claim', 'conflict')),
    scope      TEXT NOT NULL CHECK (scope IN ('article', 'corpus')),
    article_id TEXT REFERENCES articles(id) ON DELETE CASCADE,   -- NULL for corpus facts
    seq        INTEGER NOT NULL,               -- order within its article / the corpus view
    types      TEXT NOT NULL,
    date_lo    TEXT,
    date_hi    TEXT,
    actors     TEXT NOT NULL,
    countries  TEXT NOT NULL,
    places     TEXT NOT NULL,
    record     TEXT NOT NULL                   -- the record's JSON (records.py model of its kind)
);
CREATE INDEX facts_kind_date ON facts(kind, date_lo);
CREATE INDEX facts_article ON facts(article_id);
CREATE INDEX facts_scope ON facts(scope);

CREATE VIRTUAL TABLE fact_fts USING fts5(text);             -- rowid = facts.pk

-- Corpus facts: the article facts each one is made of (merged event -> its mentions,
-- corpus conflict -> its items), and so the articles it draws on.
CREATE TABLE fact_parts (
    fact_id    TEXT NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    part_id    TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (fact_id, part_id)
);
CREATE INDEX fact_parts_part ON fact_parts(part_id);
CREATE INDEX fact_parts_article ON fact_parts(article_id);

CREATE TABLE store_state (
    key   TEXT PRIMARY KEY,                    -- 'views_stale': '1' while corpus views lag the articles
    value TEXT NOT NULL
);
INSERT INTO store_state (key, value) VALUES ('views_stale', '0');
