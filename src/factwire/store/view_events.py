"""The merged-event view, kept up to date by replaying merge_events only where a change reaches.

merge_events takes mentions in a fixed order (mention_order) and lets each join the first
compatible event among those filed under the blocks it searches. After some articles change,
the store replays that pass over the few mentions whose decision can differ: the changed
articles' mentions, then every later mention that searches a block of an event whose members
changed ("dirty" from the moment they changed). Every other mention would see the same events
in the same state, so it keeps its event. The blocks and order of each current mention are
stored (event_blocks) so the mentions to replay are found with indexed look-ups; the result is
the same as merging the whole corpus again (tests/test_store_views.py).
"""

from __future__ import annotations

import bisect
import heapq
import json
import sqlite3
from collections import defaultdict

from ..corpus.events_merge import advance_state, can_join, event_record, event_state, mention_index_keys, mention_query_keys, order_text
from ..records import EventMention, EventRecord


def _json_list(values) -> str:
    # one bound parameter for a set of any size: SQLite reads it back with json_each
    return json.dumps(sorted(values))


def duplicates_of(conn: sqlite3.Connection, article_ids) -> dict[str, str]:
    out = {}
    for ident in set(article_ids):
        row = conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", (ident,)).fetchone()
        if row is not None and row[0] is not None:
            out[ident] = row[0]
    return out


def _block_rows(mentions: list[EventMention], duplicates: dict[str, str]) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for m in mentions:
        article = m.evidence.article_id
        group = duplicates.get(article, article)
        ord_ = order_text(m)
        rows += [(m.id, article, "i", key, ord_) for key in sorted(mention_index_keys(m, group))]
        rows += [(m.id, article, "q", key, ord_) for key in sorted(mention_query_keys(m, group))]
    return rows


_INSERT_BLOCKS = "INSERT INTO event_blocks (mention_id, article_id, role, key, ord) VALUES (?, ?, ?, ?, ?)"


def article_mentions(conn: sqlite3.Connection, article_ids) -> list[EventMention]:
    out = []
    for ident in sorted(set(article_ids)):
        rows = conn.execute("SELECT record FROM facts WHERE kind = 'mention' AND article_id = ? ORDER BY seq", (ident,))
        out += [EventMention.model_validate_json(r[0]) for r in rows]
    return out


def index_keys_of(conn: sqlite3.Connection, article_ids) -> dict[str, set[str]]:
    """mention id -> the blocks it is filed under now, for these articles' mentions."""
    out: dict[str, set[str]] = defaultdict(set)
    rows = conn.execute(
        "SELECT mention_id, key FROM event_blocks INDEXED BY event_blocks_article"
        " WHERE article_id IN (SELECT value FROM json_each(?)) AND role = 'i'",
        (_json_list(article_ids),),
    )
    for mention_id, key in rows:
        out[mention_id].add(key)
    return out


def store_blocks(conn: sqlite3.Connection, article_ids, duplicates: dict[str, str]) -> None:
    """(Re)write the blocks of these articles' current mentions."""
    ids = sorted(set(article_ids))
    conn.executemany("DELETE FROM event_blocks WHERE article_id = ?", [(i,) for i in ids])
    conn.executemany(_INSERT_BLOCKS, _block_rows(article_mentions(conn, ids), duplicates))


def rebuild_blocks(conn: sqlite3.Connection, mentions: list[EventMention], duplicates: dict[str, str]) -> None:
    conn.execute("DELETE FROM event_blocks")
    conn.executemany(_INSERT_BLOCKS, _block_rows(mentions, duplicates))


class _Replay:
    """One replay of merge_events over the mentions a change reaches (see the module docstring)."""

    def __init__(self, conn: sqlite3.Connection, changed: set[str], old_keys: dict[str, set[str]]):
        self.conn = conn
        self.changed = changed
        self.old_keys = old_keys  # blocks the changed articles' old mentions were filed under
        self.mentions: dict[str, EventMention] = {}
        self.duplicates: dict[str, str] = {}
        self.known_articles: set[str] = set()
        self.old_event_ids: dict[str, str | None] = {}
        self.old_events: dict[str, EventRecord] = {}
        self.decided: dict[str, str] = {}  # replayed mention -> head of the event it joined
        self.joined: dict[str, list[str]] = defaultdict(list)  # head -> replayed mentions, in order
        self.ords: dict[str, str] = {}
        self.heap: list[tuple[str, str]] = []
        self.queued: set[str] = set()
        self.dirty: set[str] = set()  # heads of events whose members differ from before
        self.states: dict[str, list] = {}  # head -> [version, members taken in, merged state]
        self.versions: dict[str, int] = {}  # head -> bumped when its members change
        self.lists: dict[str, list[tuple[str, EventMention]]] = {}
        self.ikeys: dict[str, set[str]] = {}
        self.filed: dict[str, dict[str, str]] = {}
        # blocks a queued mention searches that a dirty event is filed under (all it needs to
        # look at while the event it joined before is not dirty)
        self.matched: dict[str, set[str]] = defaultdict(set)

    # --- lazily loaded stored state ---

    def mention(self, ident: str) -> EventMention:
        if ident not in self.mentions:
            row = self.conn.execute("SELECT record FROM facts WHERE id = ? AND kind = 'mention'", (ident,)).fetchone()
            self.mentions[ident] = EventMention.model_validate_json(row[0])
        return self.mentions[ident]

    def dups(self, articles) -> dict[str, str]:
        missing = set(articles) - self.known_articles
        if missing:
            self.duplicates.update(duplicates_of(self.conn, missing))
            self.known_articles |= missing
        return self.duplicates

    def old_event(self, mention_id: str) -> EventRecord | None:
        if mention_id not in self.old_event_ids:
            row = self.conn.execute(
                "SELECT p.fact_id FROM fact_parts p JOIN facts f ON f.id = p.fact_id AND f.kind = 'event' WHERE p.part_id = ?",
                (mention_id,),
            ).fetchone()
            self.old_event_ids[mention_id] = row[0] if row else None
            if row and row[0] not in self.old_events:
                record = self.conn.execute("SELECT record FROM facts WHERE id = ?", (row[0],)).fetchone()[0]
                event = EventRecord.model_validate_json(record)
                self.old_events[event.id] = event
                for m in event.mentions:
                    self.old_event_ids[m.id] = event.id
        ident = self.old_event_ids[mention_id]
        return self.old_events[ident] if ident else None

    def removed(self, m: EventMention) -> bool:
        return m.evidence.article_id in self.changed  # the old mentions of changed articles are gone

    def head_of(self, mention_id: str) -> str:
        """The head of the event this mention is in at this point of the replay."""
        if mention_id in self.decided:
            return self.decided[mention_id]
        event = self.old_event(mention_id)
        return event.mentions[0].id if event is not None else mention_id

    # --- the replay ---

    def make_dirty(self, since: str, keys: set[str]) -> None:
        """Every later mention searching these blocks must be decided again."""
        if not keys:
            return
        rows = self.conn.execute(
            "SELECT mention_id, ord, key FROM event_blocks WHERE role = 'q' AND ord > ?"
            " AND key IN (SELECT value FROM json_each(?))",
            (since, _json_list(keys)),
        )
        for mention_id, ord_, key in rows:
            self.push(mention_id, ord_)
            self.matched[mention_id].add(key)

    def push(self, mention_id: str, ord_: str) -> None:
        if mention_id not in self.queued:
            self.queued.add(mention_id)
            self.ords[mention_id] = ord_
            heapq.heappush(self.heap, (ord_, mention_id))

    def current_keys(self, mention_ids) -> set[str]:
        rows = self.conn.execute(
            "SELECT key FROM event_blocks INDEXED BY event_blocks_mention"
            " WHERE mention_id IN (SELECT value FROM json_each(?)) AND role = 'i'",
            (_json_list(mention_ids),),
        )
        return {r[0] for r in rows}

    def event_keys(self, event: EventRecord) -> set[str]:
        keys = self.current_keys([m.id for m in event.mentions if not self.removed(m)])
        for m in event.mentions:
            if self.removed(m):
                keys |= self.old_keys.get(m.id, set())
        return keys

    def member_list(self, head: str) -> list[tuple[str, EventMention]]:
        """(order, mention) of the event headed by `head` as things stand, in order."""
        if head not in self.lists:
            out: list[tuple[str, EventMention]] = []
            event = self.old_event(head)
            if event is not None and event.mentions[0].id == head:
                out = [(self.order(m), m) for m in event.mentions if not self.removed(m) and m.id not in self.decided]
            out += [(self.ords[i], self.mention(i)) for i in self.joined.get(head, [])]
            out.sort(key=lambda p: p[0])
            self.lists[head] = out
        return self.lists[head]

    def members(self, head: str, before: str | None) -> list[EventMention]:
        """The event headed by `head` in the replay so far (members ordered before `before`)."""
        found = self.member_list(head)
        end = len(found) if before is None else bisect.bisect_left(found, before, key=lambda p: p[0])
        return [m for _, m in found[:end]]

    def state(self, head: str, before: str):
        """The event's state once its members ordered before `before` joined, advanced from the
        last one asked for: the replay asks in increasing order; a change of members (decide)
        bumps the event's version and the state is made again."""
        found = self.member_list(head)
        end = bisect.bisect_left(found, before, key=lambda p: p[0])
        version = self.versions.get(head, 0)
        cached = self.states.get(head)
        if cached is None or cached[0] != version or cached[1] > end:
            first = found[0][1]
            cached = [version, 1, event_state([first], self.dups({first.evidence.article_id}))]
        for _, x in found[cached[1] : end]:
            advance_state(cached[2], x, self.dups({x.evidence.article_id}))
        cached[1] = max(cached[1], end)
        self.states[head] = cached
        return cached[2]

    def order(self, m: EventMention) -> str:
        if m.id not in self.ords:
            self.ords[m.id] = order_text(m)
        return self.ords[m.id]

    def start(self, head: str) -> str | None:
        """Where the event headed by `head` begins in the order, as things stand (None: empty)."""
        if head in self.dirty:
            members = self.members(head, None)
            return self.order(members[0]) if members else None
        event = self.old_event(head)
        return self.order(event.mentions[0]) if event is not None else self.ords.get(head)

    def index_keys(self, mention_id: str) -> set[str]:
        if mention_id not in self.ikeys:
            self.ikeys[mention_id] = self.current_keys([mention_id])
        return self.ikeys[mention_id]

    def candidates(self, query: list[str], ord_: str) -> list[tuple[str, str]]:
        """(start, head) of every event the mention at `ord_` searching `query` can meet, in order."""
        rows = self.conn.execute(
            "SELECT DISTINCT mention_id FROM event_blocks WHERE role = 'i' AND ord < ? AND key IN (SELECT value FROM json_each(?))",
            (ord_, _json_list(query)),
        ).fetchall()
        found = []
        for head in {self.head_of(r[0]) for r in rows}:
            begins = self.start(head)
            if begins is not None:
                found.append((begins, head))
        return sorted(found)

    def dirty_candidates(self, query: list[str], ord_: str) -> list[tuple[str, str]]:
        """The same, among the dirty events only."""
        found = []
        for head in self.dirty:
            filed = self.filed_under(head)
            if any(key in filed and filed[key] < ord_ for key in query):
                found.append((self.order(self.members(head, ord_)[0]), head))
        return sorted(found)

    def filed_under(self, head: str) -> dict[str, str]:
        """key -> the earliest order of a member filed under it, for the event headed by `head`."""
        if head not in self.filed:
            out: dict[str, str] = {}
            for ord_, m in self.member_list(head):
                for key in self.index_keys(m.id):
                    out.setdefault(key, ord_)  # members come in order: the first is the earliest
            self.filed[head] = out
        return self.filed[head]

    def query_keys(self, mention_id: str) -> list[str]:
        sql = "SELECT key FROM event_blocks INDEXED BY event_blocks_mention WHERE mention_id = ? AND role = 'q'"
        return [r[0] for r in self.conn.execute(sql, (mention_id,))]

    def joins(self, mention_id: str, head: str, ord_: str) -> bool:
        m = self.mention(mention_id)
        state = self.state(head, ord_)
        return can_join(m, self.dups({m.evidence.article_id}), state)

    def decide(self, mention_id: str, ord_: str) -> None:
        old_event = self.old_event(mention_id)
        unchanged = old_event is not None and not self.removed(next(x for x in old_event.mentions if x.id == mention_id))
        before = self.head_of(mention_id) if unchanged else None
        target = self.decide_unchanged(mention_id, ord_, old_event, before) if unchanged else None
        if target is None:
            target = self.decide_in_full(mention_id, ord_, old_event if unchanged else None, before)
        self.decided[mention_id] = target
        self.joined[target].append(mention_id)
        if target != before:
            for head in (target, before):
                self.versions[head] = self.versions.get(head, 0) + 1
                self.filed.pop(head, None)
            if before in self.lists:
                self.lists[before] = [p for p in self.lists[before] if p[1].id != mention_id]
            if target in self.lists:
                bisect.insort(self.lists[target], (ord_, self.mention(mention_id)), key=lambda p: p[0])
            self.dirty.update({target} | ({before} if before is not None else set()))
            keys = self.current_keys([x.id for x in self.members(target, None)])
            if unchanged:
                keys |= self.event_keys(old_event)
            self.make_dirty(ord_, keys)

    def decide_unchanged(self, mention_id: str, ord_: str, old_event: EventRecord, before: str) -> str | None:
        """The event an unchanged mention joins now, from the dirty events alone, or None when
        that needs every candidate. An event that is not dirty is in the same state as before:
        those ahead of the one the mention joined were not compatible and that one still is (if
        it is not dirty). So only dirty events ahead of it, or it, need a look."""
        matched = self.matched.get(mention_id, set())
        if before == mention_id:  # it began its event: nothing that is not dirty was compatible
            for _, head in self.dirty_candidates(matched, ord_):
                if self.joins(mention_id, head, ord_):
                    return head
            return mention_id
        old_start = self.order(old_event.mentions[0])
        for begins, head in self.dirty_candidates(matched, ord_):
            if begins > old_start:
                break
            if self.joins(mention_id, head, ord_):
                return head
        return None if before in self.dirty else before

    def decide_in_full(self, mention_id: str, ord_: str, old_event: EventRecord | None, before: str | None) -> str:
        """The first compatible event among every candidate (skipping those known not to be)."""
        old_start = self.order(old_event.mentions[0]) if old_event is not None else None
        for begins, head in self.candidates(self.query_keys(mention_id), ord_):
            if old_event is not None and head not in self.dirty:
                if head == before:
                    return head
                if begins < old_start or before == mention_id:
                    continue  # it was not compatible before, in the same state
            if self.joins(mention_id, head, ord_):
                return head
        return mention_id

    def run(self) -> tuple[dict[str, EventRecord], list[EventRecord]]:
        touched = [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT p.part_id FROM fact_parts p INDEXED BY fact_parts_article"
                " JOIN facts f ON f.id = p.fact_id AND f.kind = 'event'"
                " WHERE p.article_id IN (SELECT value FROM json_each(?))",
                (_json_list(self.changed),),
            )
        ]
        for part in touched:
            self.old_event(part)
        for event in list(self.old_events.values()):
            self.dirty.add(event.mentions[0].id)
            since = min(order_text(m) for m in event.mentions if self.removed(m))
            self.make_dirty(since, self.event_keys(event))
        for mention_id, ord_ in self.conn.execute(
            "SELECT DISTINCT mention_id, ord FROM event_blocks INDEXED BY event_blocks_article"
            " WHERE article_id IN (SELECT value FROM json_each(?))",
            (_json_list(self.changed),),
        ):
            self.push(mention_id, ord_)
        while self.heap:
            ord_, mention_id = heapq.heappop(self.heap)
            self.decide(mention_id, ord_)
        for mention_id in self.decided:
            self.old_event(mention_id)
        heads = set(self.joined) | {e.mentions[0].id for e in self.old_events.values()}
        events = []
        for head in sorted(heads):
            members = self.members(head, None)
            if members:
                events.append(event_record(members, self.dups({m.evidence.article_id for m in members})))
        return dict(self.old_events), events


def remerge(conn: sqlite3.Connection, changed: set[str], old_keys: dict[str, set[str]]) -> tuple[dict[str, EventRecord], list[EventRecord]]:
    """The stored events to replace and their replacements, after the mentions (or the copy
    groups) of `changed` articles changed. Their new blocks must already be stored; `old_keys`
    holds the blocks their old mentions were filed under."""
    return _Replay(conn, set(changed), old_keys).run()
