"""The event record being built from one mention (Found), and where, when and over which
characters it happened: locative PPs, time expressions on the clause or above it, the
evidence extent."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .. import docext, schema
from .events_args import children, clause_tokens, np_extent, place_in, pobjs, time_in
from .events_lexicon import Lexicon
from .events_mentions import Mention

# an attack whose target is a state itself took place in that state
STATE_TARGET_TYPES = frozenset(["ASSAULT"])
LOC_PREPS = ("in", "at", "near", "inside", "outside", "across", "around", "into", "throughout", "over", "from", "to", "on")


@dataclass
class Found:
    """One mention with its arguments, before mentions are merged into events."""

    mention: Mention
    plover: str
    mode: str | None
    acled: schema.Acled | None
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    time: str | None = None
    status: str = "occurred"
    fatalities: schema.Range | None = None
    injured: schema.Range | None = None
    source: str | None = None
    start: int = 0
    end: int = 0
    own_time: bool = False
    anaphoric: bool = False
    arg_tokens: list[Token] = field(default_factory=list)
    theme_owners: set[str | None] = field(default_factory=set)  # owners of moved forces / ended missions

    @property
    def sent_start(self) -> int:
        return self.mention.main.sent.start


def locative_tokens(m: Mention) -> set[int]:
    """Tokens of the own locative phrases of a mention told in a relative clause ("a deal ...
    which he invited the Taliban to discuss at Camp David"): a side story whose place is its own.
    A complement's place may be the governing event's too ("agreed to postpone the demonstration
    in Baku", "rejected a call for forces to be deployed in East Timor"), so it is not claimed."""
    # an infinitive parsed as a relative clause ("a call for forces to be deployed in X") is a
    # complement
    if not any(a.dep_ == "relcl" and not any(c.lower_ == "to" for c in children(a, "aux"))
               for a in [m.main, *m.main.ancestors]):
        return set()
    return {t.i for tok in m.tokens for obj in pobjs(tok, LOC_PREPS) for t in obj.subtree}


def find_place(doc: Doc, f: Found, claimed: frozenset[int] = frozenset()) -> None:
    """`claimed`: tokens of other mentions' own locative phrases, not this one's to take."""
    m = f.mention
    skip: set[int] = set()
    for tok in m.tokens:
        for obj in pobjs(tok, LOC_PREPS):
            ident, at = place_in(doc, obj, skip)
            if ident:
                f.place = ident
                f.arg_tokens.append(obj)
                return
    for tok in f.arg_tokens:
        ident = docext.place_id_at(doc, tok)
        if ident:
            f.place = ident
            return
    if _target_is_a_state(doc, f):
        # "the terrorists who attacked us on 9/11", "the forces that attacked this country": an
        # attack on a state itself happened on its soil, which a place named elsewhere in the
        # sentence ("went to Afghanistan to get the terrorists who ...") is not evidence of
        return
    for tok in m.tokens:
        if tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children):
            f.place = docext.place_id_at(doc, tok.head)
            if f.place:
                return
        # a noun's place may sit on the clause that carries it: "killed in a strike near X"
        if tok.pos_ == "NOUN" and tok.head.pos_ in ("VERB", "AUX") or tok.head.dep_ == "prep":
            verb = tok.head.head if tok.head.dep_ == "prep" else tok.head
            for obj in pobjs(verb, ("in", "at", "near", "inside", "outside")):
                ident, at = place_in(doc, obj, {t.i for t in m.tokens})
                if ident:
                    f.place = ident
                    return
    # the nearest place named in the same sentence
    if "fw_places" in doc.spans:
        sent = m.main.sent
        # "a deal ... which he invited the Taliban to discuss at Camp David": a place in another
        # mention's own locative phrase is that event's
        near = [s for s in doc.spans["fw_places"] if sent.start <= s.start < sent.end and s.kb_id_ and s.root.i not in claimed]
        if near:
            best = min(near, key=lambda s: abs(s.start - m.main.i))
            f.place = best.kb_id_

def _target_is_a_state(doc: Doc, f: Found) -> bool:
    if f.target is None or f.plover not in STATE_TARGET_TYPES:
        return False
    actor = docext.by_id(docext.records(doc, "fw_actors"), f.target)
    if actor is None or actor.kind != "state":
        return False
    # the state itself ("us", "this country", "Iraq"), not a noun it qualifies ("U.S. troops")
    sent = f.mention.main.sent
    spans = [s for name in ("fw_actors", "fw_actor_refs") for s in doc.spans.get(name, [])]
    return any(
        s.kb_id_ == f.target and sent.start <= s.start < sent.end and s.root.dep_ in ("dobj", "pobj", "nsubjpass")
        for s in spans
    )


def find_time(lex: Lexicon, doc: Doc, f: Found) -> None:
    m = f.mention
    skip: set[int] = set()
    for tok in m.tokens:
        ident, at = time_in(doc, clause_tokens(tok, skip))
        if ident:
            f.time, f.own_time = ident, True
            f.arg_tokens.append(at)
            return
    for tok in m.tokens:
        # "killed three soldiers and wounded four others on Sunday": a conjoined predicate
        # with no subject of its own tells the same occurrence, and its time is the event's
        for conj in children(tok, "conj"):
            if conj.pos_ == "VERB" and not children(conj, "nsubj", "nsubjpass"):
                ident, at = time_in(doc, clause_tokens(conj, skip))
                if ident:
                    f.time, f.own_time = ident, True
                    return
    # the nearest time on a clause above: "tensions escalated in January 2020 after X was killed"
    cur, prev = m.main, m.main
    for _ in range(8):
        if cur.dep_ == "ROOT" or cur.head is cur:
            break
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and cur.tag_ in ("VBD", "VBZ", "VBP"):
            break  # "invaded Iraq in 2003, and ... troops fought insurgents": the date is the first clause's
        prev, cur = cur, cur.head
        if f.status in ("planned", "predicted", "hypothetical") and cur.lemma_.lower() in lex.words("reporting_verbs"):
            break
        for child in cur.children:
            if child.i == prev.i or child.dep_ in ("ccomp", "relcl", "conj", "advcl", "parataxis", "xcomp"):
                continue
            ident, at = time_in(doc, child.subtree)
            if ident:
                f.time = ident
                return

def find_extent(f: Found) -> None:
    m = f.mention
    sent = m.main.sent
    start = min(t.idx for t in m.tokens)
    end = max(t.idx + len(t) for t in m.tokens)
    for tok in f.arg_tokens:
        if tok is None or not (sent.start <= tok.i < sent.end):
            continue
        s, e = np_extent(tok)
        if tok.dep_ in ("pobj", "pcomp") and tok.head.dep_ in ("prep", "agent"):
            s = min(s, tok.head.idx)
        start, end = min(start, s), max(end, e)
    f.start, f.end = start, end

def narrative_times(lex: Lexicon, doc: Doc, found: list[Found]) -> None:
    """A past event told with no date of its own, right after a dated one in the same
    paragraph, takes that date when its sentence opens with words that tie it to the one
    before ("... in January 2020. In response, Iran fired ..."); sentences are otherwise
    not assumed to follow each other in time."""
    links = lex.words("time_links")
    for prev, f in zip(found, found[1:]):
        opening = f.mention.main.sent.text.lower().lstrip("\"'“‘ ")
        if not any(opening.startswith(cue) for cue in links):
            continue
        if f.time is not None or prev.time is None or f.status != "occurred" or prev.status != "occurred":
            continue
        if f.mention.main.tag_ not in ("VBD", "VBN") or "\n" in doc.text[prev.mention.main.idx:f.mention.main.idx]:
            continue
        sent = f.mention.main.sent
        if "fw_times" in doc.spans and any(sent.start <= s.start < sent.end for s in doc.spans["fw_times"]):
            continue
        if sent.start - prev.mention.main.sent.end > 0 and prev.mention.main.sent.end != sent.start:
            continue
        f.time = prev.time
