-- factwire store, schema version 2: what the corpus views need to be updated one article at a
-- time instead of recomputed from the whole corpus (docs/store.md, "Corpus views").

-- Near-duplicate detection: each article's shingles and its MinHash LSH band values.
CREATE TABLE article_shingles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    shingles   BLOB NOT NULL                   -- hashed word 5-grams: little-endian uint64 array
);
CREATE TABLE article_bands (
    band       INTEGER NOT NULL,               -- 0 .. LSH_BANDS-1
    value      BLOB NOT NULL,                  -- the band's MinHash values
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX article_bands_value ON article_bands(band, value);
CREATE INDEX article_bands_article ON article_bands(article_id);

-- Event merging: the blocks each current event mention is filed under ('i') and searches ('q'),
-- and its place in the order mentions are merged in (ord: sorts like events_merge.mention_order).
CREATE TABLE event_blocks (
    mention_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('i', 'q')),
    key        TEXT NOT NULL,
    ord        TEXT NOT NULL
);
CREATE INDEX event_blocks_key ON event_blocks(role, key, ord);
CREATE INDEX event_blocks_mention ON event_blocks(mention_id);
CREATE INDEX event_blocks_article ON event_blocks(article_id);

-- Force-count conflicts: the comparison block of each force level (owner, place, kind, status, month).
CREATE TABLE force_blocks (
    force_id   TEXT NOT NULL,
    article_id TEXT NOT NULL,
    block      TEXT NOT NULL
);
CREATE INDEX force_blocks_block ON force_blocks(block);
CREATE INDEX force_blocks_article ON force_blocks(article_id);
CREATE INDEX force_blocks_force ON force_blocks(force_id);

-- Corpus conflicts: what each was computed from ('event:<merged event id>' or 'force:<block>').
CREATE TABLE view_sources (
    fact_id TEXT PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
    source  TEXT NOT NULL
);
CREATE INDEX view_sources_source ON view_sources(source);

-- Articles written whose corpus views are not updated yet (the views catch up on the next
-- write or open).
CREATE TABLE view_pending (
    article_id TEXT PRIMARY KEY
);

-- The tables above start empty: rebuild every view once.
UPDATE store_state SET value = '1' WHERE key = 'views_stale';
