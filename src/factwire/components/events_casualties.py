"""Casualty figures for events: "a senior general was killed in a drone strike" (fatalities 1),
"No U.S. personnel were killed or injured in the attack" (0 and 0), and "As a result of the
explosions, more than 100 servicemen received brain injuries" (injured at least 100)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from .. import schema
from .events_args import children, count_of, subject
from .events_lexicon import Lexicon

if TYPE_CHECKING:
    from .events import Found

VIOLENT = ("ASSAULT",)


def _victims(tok: Token) -> Token | None:
    """Who was killed or hurt: the passive subject or the object of the verb; for a noun
    ("received injuries", "deaths"), the subject of the verb it is object of."""
    if tok.pos_ == "VERB":
        subj, passive = subject(tok)
        if passive or tok.lemma_ == "die":
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


def _set(event: schema.Event, kind: str, rng: schema.Range | None) -> None:
    if rng is not None and getattr(event, kind) is None:
        setattr(event, kind, rng)


def attach_casualties(lex: Lexicon, doc: Doc, found: list["Found"], owners: list[schema.Event], events: list[schema.Event]) -> None:
    kill_verbs = lex.words("casualty.kill_verbs")
    injure_verbs = lex.words("casualty.injure_verbs")
    kill_nouns = lex.words("casualty.kill_nouns")
    injure_nouns = lex.words("casualty.injure_nouns")
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
    for tok in doc:
        lemma, lower = tok.lemma_.lower(), tok.lower_
        if tok.pos_ == "VERB" and lemma in kill_verbs | injure_verbs:
            kind = "fatalities" if lemma in kill_verbs else "injured"
        elif tok.pos_ == "NOUN" and lower in kill_nouns | injure_nouns:
            kind = "fatalities" if lower in kill_nouns else "injured"
        else:
            continue
        event = by_token.get(tok.i) or _event_via_preps(tok, by_token)
        if event is None and not any(sent_of[i] == sent_of[tok.i] for i in by_token):
            # a sentence that reports only harm ("Five soldiers were wounded.") continues the
            # last violent event of the sentence before
            before = [ev for i, ev in violent if i < tok.i and sent_of[tok.i] - sent_of[i] == 1]
            event = before[-1] if before else None
        if event is None or event.type not in VIOLENT:
            continue
        victims = _victims(tok)
        if victims is None:
            continue
        _set(event, kind, count_of(doc, victims))
