"""factwire_forces: force levels -- who has how many of what, where, as of when.

A force level is a quantity (from factwire_quantities) that counts a force noun
("2,500 troops") or that a verb relates to a force ("the number of U.S. troops in Syria is
close to 900"). For each one this component resolves the owner (actor), the place, the time
and the status, and writes `doc._.fw_forces`: `schema.Force` records with ids f1.. in text order.
Word lists live in data/force_nouns.yaml; finding the force a figure counts in forces_rules.py,
its status and dating phrase in forces_status.py, its place in forces_place.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import schema
from ..docext import actor_id_at, evidence, records
from .forces_lexicon import DEFAULT_PATH, ForceLexicon
from .forces_place import PlaceFinder
from .forces_status import count_role, force_status, own_phrase
from .forces_rules import (
    Anchor,
    change_ends,
    clause_tokens,
    elided_anchor,
    find_anchor,
    find_anchor_unparsed,
    is_prep,
    is_casualty_count,
    numeral_in,
    owner_tokens,
    sentence,
)

# Actors that can own forces when found only by context (not a modifier of the force noun).
OWNER_KINDS = frozenset({"state", "government", "military", "armed_group", "international_org"})
POSSESSIVES = frozenset({"its", "their", "our"})
CONCRETE_DATE = re.compile(r"^\d{4}")


@Language.factory(
    "factwire_forces",
    requires=["doc._.fw_quantities", "doc._.fw_actors", "doc._.fw_places", "doc._.fw_times"],
    assigns=["doc._.fw_forces"],
    default_config={"lexicon_path": None},
)
def make_forces(nlp: Language, name: str, lexicon_path: str | None) -> "ForcesComponent":
    return ForcesComponent(ForceLexicon.load(Path(lexicon_path) if lexicon_path else DEFAULT_PATH))


class ForcesComponent:
    def __init__(self, lexicon: ForceLexicon):
        self.lex = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.fw_forces = _Reader(doc, self.lex).forces()
        return doc


class _Reader:
    """One document's records, indexed, and the rules applied to them."""

    def __init__(self, doc: Doc, lex: ForceLexicon):
        self.doc = doc
        self.lex = lex
        self.actors = {a.id: a for a in records(doc, "fw_actors")}
        self.places = {p.id: p for p in records(doc, "fw_places")}
        self.times = {t.id: t for t in records(doc, "fw_times")}
        self.quantities = {q.id: q for q in records(doc, "fw_quantities")}
        self.time_spans = sorted(doc.spans["fw_times"], key=lambda s: s.start) if "fw_times" in doc.spans else []
        self.where = PlaceFinder(doc, self.places)
        article = doc._.fw_article
        self.published: str | None = getattr(article, "published", None)

    # --- lookups -------------------------------------------------------------------

    def actor_at(self, token: Token) -> str | None:
        return actor_id_at(self.doc, token)

    def armed_group_at(self, token: Token) -> str | None:
        ident = actor_id_at(self.doc, token)
        actor = self.actors.get(ident) if ident else None
        return ident if actor is not None and actor.kind == "armed_group" else None

    def actor_country(self, ident: str | None) -> str | None:
        actor = self.actors.get(ident) if ident else None
        return actor.country if actor else None

    def place_country(self, ident: str | None) -> str | None:
        place = self.places.get(ident) if ident else None
        return place.country if place else None

    def in_time(self, token: Token) -> bool:
        return any(s.start <= token.i < s.end for s in self.time_spans)

    # --- the whole document ------------------------------------------------------------

    def forces(self) -> list[schema.Force]:
        if "fw_quantities" not in self.doc.spans:
            return []
        parsed = self.doc.has_annotation("DEP")
        found: list[tuple[int, schema.Force]] = []
        anchors: list[Anchor] = []
        seen: set[int] = set()
        self.numerals = self._quantity_numerals()
        for span in sorted(self.doc.spans["fw_quantities"], key=lambda s: (s.start, s.end)):
            quantity = self.quantities.get(span.kb_id_)
            num = numeral_in(span)
            if quantity is None or quantity.value is None or num is None or num.i in seen or self.in_time(num):
                continue
            ends = change_ends(span) if quantity.bound == "range" else None
            if ends:  # "cut from 3,000 to 2,500" is two levels, not a range of doubt
                items = [(n, self.doc[n.i : n.i + 1], schema.Count(value=v, bound="exact")) for n, v in ends]
            else:
                items = [(num, span, schema.Count(value=quantity.value, bound=quantity.bound, value_max=quantity.value_max))]
            for figure, where, count in items:
                if count.value < self.lex.min_count:
                    continue  # "two soldiers" are people in a story, not a force level
                anchor = self._anchor(figure, parsed, anchors)
                if anchor is None or is_casualty_count(anchor, self.lex):
                    continue
                seen.add(figure.i)
                anchors.append(anchor)
                found.append((where.start_char, self._force(anchor, where, count)))
        found.sort(key=lambda pair: pair[0])
        out = []
        for n, (_, force) in enumerate(found, start=1):
            force.id = f"f{n}"
            out.append(force)
        return out

    def _anchor(self, num: Token, parsed: bool, earlier: list[Anchor]) -> Anchor | None:
        if not parsed:
            return find_anchor_unparsed(num, self.lex, self.armed_group_at)
        anchor = find_anchor(num, self.lex, self.armed_group_at, self.actor_at)
        if anchor is None:
            return elided_anchor(num, earlier)
        if not anchor.direct and num.dep_ == "conj" and anchor.verb is not None and num.head.i == anchor.verb.i:
            anchor.elided = True  # "deployed to Iraq and approximately 900 to Syria"
        return anchor

    def _quantity_numerals(self) -> list[Token]:
        nums = [numeral_in(s) for s in self.doc.spans["fw_quantities"]]
        return [n for n in nums if n is not None and not self.in_time(n)]

    def _force(self, anchor: Anchor, span: Span, count: schema.Count) -> schema.Force:
        owner = self._owner(anchor)
        owner_country = self.actor_country(owner)
        place, place_tokens = self.where.place(anchor, owner_country)
        status = force_status(anchor, self.lex, self.numerals)
        time = self._time(anchor, status)
        if status == "current" and time is not None and self._before_publication(self.times[time].value):
            status = "past"
        if status == "current" and time is not None and self._after_publication(self.times[time].value):
            time = None  # "will withdraw its troops by 2022": a deadline, not when the level held
        return schema.Force(
            id="f0",
            owner=owner,
            owner_country=owner_country,
            force=anchor.force,
            count=count,
            place=place,
            place_country=self.place_country(place),
            time=time,
            status=status,
            evidence=self._evidence(anchor, span, place_tokens),
        )

    # --- owner ---------------------------------------------------------------------------

    def _owner(self, anchor: Anchor) -> str | None:
        group = self.armed_group_at(anchor.noun)
        if group:
            return group  # "75,000 Taliban": the group counts its own fighters
        for token in owner_tokens(anchor):
            ident = self.actor_at(token)
            if ident:
                return ident
        # "the United States will keep 2,500 troops": the subject of the verb holding them
        verb = anchor.verb
        for _ in range(3):
            if verb is None:
                break
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any(s.i == anchor.noun.i or (anchor.outer is not None and s.i == anchor.outer.i) for s in subjects):
                break
            for subj in subjects:
                ident = self._actor_in(subj)
                if ident:
                    return ident
            if subjects or verb.dep_ not in ("xcomp", "advcl", "conj"):
                break
            verb = verb.head
        return self._context_owner(anchor)

    def _actor_in(self, noun: Token) -> str | None:
        for token in [noun, *noun.subtree]:
            ident = self.actor_at(token)
            if ident:
                return ident
        return None

    def _context_owner(self, anchor: Anchor) -> str | None:
        """A state-like subject earlier in the sentence; after "its"/"their", the previous one's."""
        sent = sentence(anchor.noun)
        earlier = [t for t in sent if t.i < anchor.noun.i and t.dep_ in ("nsubj", "nsubjpass")]
        for subj in reversed(earlier):
            ident = self._actor_in(subj)
            if ident and self.actors.get(ident) is not None and self.actors[ident].kind in OWNER_KINDS:
                return ident
        if any(t.lower_ in POSSESSIVES for t in clause_tokens(anchor)) and sent.start > 0:
            previous = sentence(self.doc[sent.start - 1])
            for subj in (t for t in previous if t.dep_ in ("nsubj", "nsubjpass")):
                ident = self._actor_in(subj)
                if ident and self.actors.get(ident) is not None and self.actors[ident].kind in OWNER_KINDS:
                    return ident
        # "Obama revised his plans, saying about 5,500 troops would remain": a leader speaks
        # of their own country's troops; weaker than any state-like subject, so tried last
        for subj in reversed(earlier):
            ident = self._actor_in(subj)
            actor = self.actors.get(ident) if ident else None
            if actor is not None and actor.kind == "person" and actor.country is not None:
                return ident
        return None

    # --- time and status -------------------------------------------------------------------

    def _time(self, anchor: Anchor, status: str) -> str | None:
        own = {t.i for t in own_phrase(anchor)}
        mine = [s for s in self.time_spans if s.start in own and self._concrete(s.kb_id_)]
        if mine:  # "down from 2,000 in 2018": the date inside the figure's own phrase
            return min(mine, key=lambda s: abs(s.start - anchor.number.i)).kb_id_
        if count_role(anchor, self.lex) == "from":
            return None  # the clause's date is when the change happened, not when this level held
        clause = clause_tokens(anchor)
        lo, hi = min(t.i for t in clause), max(t.i for t in clause)
        # a date inside another figure's "from" phrase belongs to that figure
        others = {d.i for t in clause if t.lower_ == "from" and is_prep(t) and t.i not in own for d in t.subtree}
        dated = [
            s for s in self.time_spans
            if lo <= s.start and s.end <= hi + 1 and s.start not in others and self._concrete(s.kb_id_)
        ]
        if dated:
            return min(dated, key=lambda s: abs(s.start - anchor.number.i)).kb_id_
        if status not in ("current", "planned") or self.published is None:
            return None
        # as of the publication date: a mention that resolves to it ("said Thursday", "today")
        sent = sentence(anchor.number)
        now = [s for s in self.time_spans if self._is_now(s.kb_id_)]
        same = [s for s in now if sent.start <= s.start < sent.end]
        exact = [s for s in now if self.times[s.kb_id_].value == self.published]
        pick = same or exact
        return pick[0].kb_id_ if pick else None

    def _concrete(self, ident: str) -> bool:
        time = self.times.get(ident)
        return time is not None and time.type == "DATE" and bool(time.value) and bool(CONCRETE_DATE.match(time.value))

    def _is_now(self, ident: str) -> bool:
        time = self.times.get(ident)
        if time is None or not self._concrete(ident) or self.published is None:
            return False
        value = time.value or ""
        return value.startswith(self.published) or (len(value) >= 7 and self.published.startswith(value))

    def _after_publication(self, value: str | None) -> bool:
        if not value or not self.published or not CONCRETE_DATE.match(value):
            return False
        return value[:10] > self.published[: len(value[:10])]

    def _before_publication(self, value: str | None) -> bool:
        if not value or not self.published or not CONCRETE_DATE.match(value):
            return False
        return value[:4] < self.published[:4]

    # --- evidence --------------------------------------------------------------------------

    def _evidence(self, anchor: Anchor, span: Span, place_tokens: list[Token]) -> schema.Span:
        tokens: list[Token] = list(span)
        if anchor.elided:
            # "approximately 900 to Syria", "approximately 900 are in Syria"
            num = anchor.number
            tokens += list(num.subtree)
            if num.dep_ != "conj":
                tokens += [num.head, *place_tokens]
            return evidence(self.doc, min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens))
        first_verb = next((t for t in anchor.path if t.pos_ in ("VERB", "AUX")), None)
        same_clause = anchor.direct or first_verb is None or (anchor.verb is not None and first_verb.i == anchor.verb.i)
        if same_clause:
            for noun in (anchor.noun, anchor.outer):
                if noun is not None:
                    tokens.append(noun)
                    for left in noun.lefts:
                        tokens += list(left.subtree)
            if anchor.outer is not None:
                tokens += [t for t in anchor.outer.subtree if anchor.outer.i <= t.i <= anchor.noun.i]
            tokens += [t for t in place_tokens if t.head.i == anchor.noun.i or t.head.head.i == anchor.noun.i]
            tokens += [t for t in place_tokens if anchor.verb is not None and abs(t.i - anchor.verb.i) < 8]
        verb = first_verb or anchor.verb
        if verb is not None and abs(verb.i - anchor.number.i) <= 12:
            tokens.append(verb)
            tokens += [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
            tokens += [t for t in anchor.path if min(verb.i, anchor.number.i) <= t.i <= max(verb.i, anchor.number.i)]
        sent = sentence(anchor.number)
        tokens = [t for t in tokens if sent.start <= t.i < sent.end]
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        return evidence(self.doc, start, end)
