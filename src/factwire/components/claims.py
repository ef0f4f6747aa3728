"""factwire_claims: who blames whom for an event, who denies it, who doubts it.

Writes ``doc._.fw_claims`` (schema.Claim, ids "c1".."). A claim is a cue (data/event_cues.json
"claims") whose scope holds an event mention from factwire_events (span group "fw_events"):

- accuses: "X was blamed for E", "accused X of E", "held X responsible for E", "believe X was behind E"
- asserts: "X claimed responsibility for E"
- denies:  "denied E", "rejected the accusations", "X had nothing to do with E"
- doubts:  "questioned whether E", "doubted that E", "cast doubt on E"

The source is whoever makes the claim: the active subject or "by" agent of the cue, else the
speaker of the reporting verb above it ("Officials say they believe ...": the officials).

- asserts (a figure): when reports of one event give casualty figures that cannot both hold
  ("officials said 20 were killed in the attack, while the Taliban said 35 died in it"), each
  figure becomes a claim about the event, sourced to whoever reports it, so the figures can be
  compared (conflicts.py: kind "count"). The event itself keeps the first figure.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import docext, schema
from .events_args import actor_of, children, subject
from .events_casualties import disjoint, figure_at
from .events_lexicon import Lexicon, load_lexicon
from .events_status import nothing_to_do_with, reporter

ClaimHit = tuple[str, Token, Token | None, Token | None, Token]  # stance, cue, event token, source token, left anchor


class ClaimExtractor:
    def __init__(self, lex: Lexicon):
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            doc._.fw_claims = []
            return doc
        events = {}
        if "fw_events" in doc.spans:
            for span in doc.spans["fw_events"]:
                for i in range(span.start, span.end):
                    events[i] = span.kb_id_ or None
        claims: list[schema.Claim] = []
        seen: set[tuple[int, str | None]] = set()
        for tok in doc:
            hit = self.match(tok, events)
            if hit is None:
                continue
            stance, cue, event_tok, source_tok, anchor = hit
            about = events.get(event_tok.i) if event_tok is not None else None
            if about is None and stance == "denies":
                # "rejected the accusations": the denial answers the last accusation
                prior = [c for c in claims if c.stance in ("accuses", "asserts") and c.about]
                about = prior[-1].about if prior else None
            if about is None or (cue.i, about) in seen:
                continue
            seen.add((cue.i, about))
            sent = cue.sent
            start = max(sent.start_char, min(anchor.left_edge.idx, cue.idx))
            last = event_tok if event_tok is not None else cue
            end = max(last.idx + len(last), cue.idx + len(cue))
            claims.append(
                schema.Claim(
                    id=f"c{len(claims) + 1}",
                    about=about,
                    source=actor_of(doc, source_tok),
                    stance=stance,
                    evidence=docext.evidence(doc, start, min(end, sent.end_char)),
                )
            )
        claims.extend(self.figure_claims(doc, len(claims)))
        doc._.fw_claims = claims
        return doc

    def figure_claims(self, doc: Doc, taken: int) -> list[schema.Claim]:
        """One claim per casualty figure of an event that another report of it contradicts."""
        reports: dict[tuple[str, str], list[tuple[Token, schema.Range]]] = {}
        for span in doc.spans["fw_casualties"] if "fw_casualties" in doc.spans else []:
            rng = figure_at(self.lex, doc, span.root)
            if rng is not None and span.kb_id_:
                reports.setdefault((span.kb_id_, span.label_), []).append((span.root, rng))
        out: list[schema.Claim] = []
        for (about, _kind), figures in reports.items():
            clash = [
                (tok, rng) for tok, rng in figures if any(disjoint(rng, other) for _, other in figures)
            ]
            for tok, _rng in clash:
                _, who = reporter(self.lex, tok)
                # the figure's own clause, from whoever reports it: "the Taliban said 35 died in the attack"
                own = [t for t in tok.subtree if not any(t in c.subtree for c in children(tok, "advcl", "ccomp", "parataxis", "punct", "cc", "conj"))]
                first = who.left_edge if who is not None and who.sent == tok.sent else min(own, key=lambda t: t.i)
                start = min(first.idx, min(t.idx for t in own))
                end = max(t.idx + len(t) for t in own)
                out.append(
                    schema.Claim(
                        id=f"c{taken + len(out) + 1}",
                        about=about,
                        source=actor_of(doc, who),
                        stance="asserts",
                        evidence=docext.evidence(doc, start, min(end, tok.sent.end_char)),
                    )
                )
        return out

    # --- cues ---

    def event_in(self, root: Token | None, events: dict[int, str | None]) -> Token | None:
        if root is None:
            return None
        for tok in root.subtree:
            if events.get(tok.i):
                return tok
        return None

    def pp(self, tok: Token, prep: str) -> Token | None:
        for child in children(tok, "prep"):
            if child.lower_ == prep:
                return child
        return None

    def speaker(self, tok: Token, topmost: bool) -> Token | None:
        _, who = reporter(self.lex, tok, topmost=topmost)
        return who

    def match(self, tok: Token, events: dict[int, str | None]) -> ClaimHit | None:
        lemma = tok.lemma_.lower()
        words = self.lex.words
        if tok.pos_ == "VERB" and lemma in words("claims.accuse"):
            return self.accusation(tok, events)
        if tok.lower_ in words("claims.responsible") and tok.pos_ in ("ADP", "ADJ"):
            return self.responsibility(tok, events)
        if tok.pos_ == "NOUN" and tok.lower_ in words("claims.assert_nouns") and tok.head.lemma_.lower() in words("claims.assert_verbs"):
            event_tok = self.event_in(self.pp(tok, "for"), events)
            if event_tok is not None:
                subj, _ = subject(tok.head)
                return "asserts", tok.head, event_tok, subj, subj or tok.head
        if tok.pos_ == "VERB" and lemma in words("claims.deny_verbs"):
            return self.denial(tok, events)
        if tok.dep_ == "prep" and nothing_to_do_with(tok):
            event_tok = self.event_in(tok, events)
            if event_tok is not None:
                verb, who = reporter(self.lex, tok)
                subj = who
                if subj is None:
                    subj, _ = subject(tok.head.head if tok.head.pos_ == "VERB" else tok.head)
                return "denies", tok, event_tok, subj, subj or tok
        if lemma in words("claims.doubt_verbs") and tok.pos_ == "VERB":
            scope = children(tok, "ccomp", "dobj", "xcomp")
            event_tok = next((e for s in scope for e in [self.event_in(s, events)] if e is not None), None)
            if event_tok is not None:
                subj, _ = subject(tok)
                return "doubts", tok, event_tok, subj, subj or tok
        if tok.pos_ == "NOUN" and tok.lower_ in words("claims.doubt_nouns"):
            for prep in ("on", "about", "over"):
                event_tok = self.event_in(self.pp(tok, prep), events)
                if event_tok is not None:
                    subj, _ = subject(tok.head) if tok.head.pos_ == "VERB" else (None, False)
                    return "doubts", tok, event_tok, subj, subj or tok
        return None

    def accusation(self, tok: Token, events) -> ClaimHit | None:
        subj, passive = subject(tok)
        objs = children(tok, "dobj")
        event_tok = None
        for prep in ("for", "of", "in", "over"):
            event_tok = event_tok or self.event_in(self.pp(tok, prep), events)
        if event_tok is None:
            # "blamed the attack on X"
            event_tok = next((e for o in objs for e in [self.event_in(o, events)] if e is not None), None)
        if event_tok is None:
            # "held X responsible for E": leave it to the "responsible" cue
            return None
        if passive:
            accused = subj
            agents = [o for a in children(tok, "agent") for o in children(a, "pobj")]
            source = agents[0] if agents else self.speaker(tok, topmost=True)
        else:
            accused = objs[0] if objs else None
            source = subj
        anchor = accused if accused is not None and (source is None or accused.i < source.i) else (source or tok)
        return "accuses", tok, event_tok, source, anchor

    def responsibility(self, tok: Token, events) -> ClaimHit | None:
        """"X was behind E", "X is responsible for E", "held X responsible for E"."""
        if tok.lower_ == "behind":
            verb = tok.head
            if verb.lemma_ != "be":
                return None
            event_tok = self.event_in(tok, events)
        else:
            verb = tok.head
            event_tok = self.event_in(self.pp(tok, "for"), events)
        if event_tok is None:
            return None
        if verb.lemma_.lower() in ("hold", "consider", "deem", "find"):
            subj, passive = subject(verb)
            source = None if passive else subj
            anchor = subj or verb
        else:
            source = self.speaker(verb, topmost=True)
            anchor = source or next(iter(children(verb, "nsubj")), None) or verb
        return "accuses", tok, event_tok, source, anchor

    def denial(self, tok: Token, events) -> ClaimHit | None:
        objs = children(tok, "dobj", "ccomp", "xcomp")
        lemma = tok.lemma_.lower()
        if lemma != "deny" and not any(o.lower_ in self.lex.words("claims.deny_objects") or o.dep_ == "ccomp" for o in objs):
            # "rejected the proposal" is a refusal, not a denial
            return None
        event_tok = next((e for o in objs for e in [self.event_in(o, events)] if e is not None), None)
        if event_tok is None and not any(o.lower_ in self.lex.words("claims.deny_objects") for o in objs):
            return None
        subj, passive = subject(tok)
        source = None if passive else subj
        if source is None:
            source = self.speaker(tok, topmost=False)
        return "denies", tok, event_tok, source, source or tok


@Language.factory("factwire_claims", requires=["doc._.fw_events"], assigns=["doc._.fw_claims"])
def make_claims(nlp: Language, name: str) -> ClaimExtractor:
    return ClaimExtractor(load_lexicon())
