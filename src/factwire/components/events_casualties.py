"""Casualty figures for events: "a senior general was killed in a drone strike" (fatalities 1),
"No U.S. personnel were killed or injured in the attack" (0 and 0), and "As a result of the
explosions, more than 100 servicemen received brain injuries" (injured at least 100).

Figures are ranges {min, max} (max None = open):
- "at least 12" min 12; "up to 12" max 12; "between 5 and 7" 5..7;
- "more than 100" min 100: the figure as written, as the reference annotation codes it
  (a strict bound, 101, would claim a precision the text does not have);
- "dozens" min 24, "hundreds" min 200 (data/event_cues.json casualty.vague_counts);
- coordinated victims add up: "killing two soldiers and a civilian" 3.

Every casualty word is also kept as a span in ``doc.spans["fw_casualties"]`` (label fatalities
or injured, kb_id_ = the event id) so that two reports of one event that give different
figures can be compared (claims.py, conflicts.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .. import docext, schema
from .events_args import MAX_CUES, MIN_CUES, children, count_of, count_range, subject
from .events_lexicon import Lexicon

if TYPE_CHECKING:
    from .events import Found

VIOLENT = ("ASSAULT",)


def _victims(tok: Token) -> Token | None:
    """Who was killed or hurt: the passive subject or the object of the verb; for a noun
    ("received injuries", "deaths"), the subject of the verb it is object of."""
    if tok.pos_ == "VERB":
        subj, passive = subject(tok)
        if passive or tok.lemma_ == "die" or _lives(tok):
            return subj
        objs = children(tok, "dobj")
        return objs[0] if objs else None
    if tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        subj, _ = subject(tok.head)
        return subj
    return tok


def _event_via_preps(tok: Token, by_token: dict[int, schema.Event]) -> schema.Event | None:
    """The event named in a PP on the casualty word (or its clause): "in the attack",
    "as a result of the explosions"."""
    heads = [tok]
    if tok.dep_ == "conj":
        heads.append(tok.head)
    if tok.pos_ == "NOUN" and tok.head.pos_ in ("VERB", "AUX"):
        heads.append(tok.head)
    for head in heads:
        for prep in children(head, "prep", "agent"):
            for sub in prep.subtree:
                if sub.i in by_token:
                    return by_token[sub.i]
    return None


def _vague(lex: Lexicon, noun: Token) -> schema.Range | None:
    """"Dozens of people", "hundreds of civilians": a lower bound from the word itself."""
    floors = lex.cues["casualty"]["vague_counts"]
    for tok in (noun, *children(noun, "nummod", "quantmod", "amod")):
        floor = floors.get(tok.lower_)
        if floor is not None:
            # "hundreds of thousands": the words multiply
            for of in children(tok, "prep"):
                for obj in children(of, "pobj"):
                    if of.lower_ == "of" and obj.lower_ in floors:
                        floor *= floors[obj.lower_]
            return schema.Range(min=int(floor), max=None)
    return None


def _bare_number(doc: Doc, tok: Token) -> schema.Range | None:
    """"35 died": the number is itself the victims' phrase."""
    if not tok.like_num:
        return None
    for span in docext.spans_covering(doc, "fw_quantities", tok):
        q = docext.by_id(docext.records(doc, "fw_quantities"), span.kb_id_ or None)
        if q is not None and q.value is not None:
            return count_range(q.value, q.bound, q.value_max)
    try:
        value = int(tok.text.replace(",", ""))
    except ValueError:
        return None
    window = doc[max(tok.sent.start, tok.i - 3):tok.i].text.lower()
    if any(cue in window for cue in MIN_CUES):
        return schema.Range(min=value, max=None)
    if any(cue in window for cue in MAX_CUES):
        return schema.Range(min=None, max=value)
    return schema.Range(min=value, max=value)


def figure(lex: Lexicon, doc: Doc, victims: Token) -> schema.Range | None:
    """How many the victim phrase counts, adding up coordinated victims."""
    parts = [victims]
    for conj in victims.conjuncts:
        if conj.i > victims.i and conj.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            parts.append(conj)
    ranges = [_vague(lex, p) or count_of(doc, p) or _bare_number(doc, p) for p in parts]
    if any(r is None for r in ranges):
        return ranges[0] if len(parts) == 1 else None
    if len(ranges) == 1:
        return ranges[0]
    lo = [r.min for r in ranges if r is not None]
    hi = [r.max for r in ranges if r is not None]
    return schema.Range(
        min=sum(v for v in lo if v is not None) if all(v is not None for v in lo) else None,
        max=sum(v for v in hi if v is not None) if all(v is not None for v in hi) else None,
    )


def _lives(tok: Token) -> bool:
    """"gave their lives", "lost their lives": a verb of dying by its object."""
    return any(o.lower_ in ("life", "lives") for o in children(tok, "dobj"))


def casualty_word(lex: Lexicon, tok: Token) -> str | None:
    """"fatalities" or "injured" when `tok` reports harm ("killed", "deaths", "wounded",
    "gave their lives")."""
    lemma, lower = tok.lemma_.lower(), tok.lower_
    if tok.pos_ == "VERB" and lemma in lex.words("casualty.life_verbs") and _lives(tok):
        return "fatalities"
    if tok.pos_ == "VERB" and lemma in lex.words("casualty.kill_verbs"):
        return "fatalities"
    if tok.pos_ == "VERB" and lemma in lex.words("casualty.injure_verbs"):
        return "injured"
    if tok.pos_ == "NOUN" and lower in lex.words("casualty.kill_nouns"):
        return "fatalities"
    if tok.pos_ == "NOUN" and lower in lex.words("casualty.injure_nouns"):
        return "injured"
    return None


def figure_at(lex: Lexicon, doc: Doc, tok: Token) -> schema.Range | None:
    """The figure a casualty word reports (None when it names no count)."""
    victims = _victims(tok)
    return figure(lex, doc, victims) if victims is not None else None


def disjoint(a: schema.Range, b: schema.Range) -> bool:
    """Two figures that cannot both be right ("20 killed" and "35 died"; not "at least 20" and "35")."""
    lo_a, hi_a = a.min if a.min is not None else 0, a.max if a.max is not None else float("inf")
    lo_b, hi_b = b.min if b.min is not None else 0, b.max if b.max is not None else float("inf")
    return hi_a < lo_b or hi_b < lo_a


def _set(event: schema.Event, kind: str, rng: schema.Range | None) -> None:
    if rng is not None and getattr(event, kind) is None:
        setattr(event, kind, rng)


def attach_casualties(lex: Lexicon, doc: Doc, found: list["Found"], owners: list[schema.Event], events: list[schema.Event]) -> None:
    by_token: dict[int, schema.Event] = {}
    for f, event in zip(found, owners):
        for tok in f.mention.tokens:
            by_token[tok.i] = event
    sent_of = {}
    for k, sent in enumerate(doc.sents):
        for tok in sent:
            sent_of[tok.i] = k
    # violent events in text order, to find "the last violent event" before a casualty report
    violent = sorted(
        ((min(t.i for t in f.mention.tokens), ev) for f, ev in zip(found, owners) if ev.type in VIOLENT),
        key=lambda p: p[0],
    )
    spans: list[Span] = []
    for tok in doc:
        kind = casualty_word(lex, tok)
        if kind is None:
            continue
        event = by_token.get(tok.i) or _event_via_preps(tok, by_token)
        if event is None and tok.dep_ == "conj" and not children(tok, "nsubj", "nsubjpass"):
            event = by_token.get(tok.head.i)  # "killed three soldiers and wounded four others"
        if event is None and not any(sent_of[i] == sent_of[tok.i] for i in by_token):
            # a sentence that reports only harm ("Five soldiers were wounded.") continues the
            # last violent event of the sentence before
            before = [ev for i, ev in violent if i < tok.i and sent_of[tok.i] - sent_of[i] == 1]
            event = before[-1] if before else None
        if event is None or event.type not in VIOLENT:
            continue
        rng = figure_at(lex, doc, tok)
        if rng is None:
            continue
        _set(event, kind, rng)
        span = Span(doc, tok.i, tok.i + 1, label=kind)
        span.kb_id_ = event.id
        spans.append(span)
    doc.spans["fw_casualties"] = spans
