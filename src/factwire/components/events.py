"""factwire_events: who did what to whom, where and when, coded in PLOVER and ACLED.

Writes ``doc._.fw_events`` (schema.Event, ids "e1".."), and the span group ``fw_events``:
one span per trigger word of every mention, ``kb_id_`` = the event id it was resolved to
(claims read it to find the event an accusation is about).

A mention is a trigger word from data/event_triggers.tsv that passes its requirements
(events_mentions.py); its arguments come from the parse (events_args.py), its status from
the cues above it (events_status.py). Mentions of one occurrence are merged: a definite
noun ("the attack", "the withdrawal of U.S. forces") joins the earlier event of its type
that agrees on time, place and participants.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import docext, schema
from .events_args import actor_of, agent, children, first_actor_in, pobjs, pronoun_actor, subject
from .events_casualties import attach_casualties
from .events_lexicon import Lexicon, load_lexicon
from .events_frame import Found, find_extent, find_place, find_time, locative_tokens, narrative_times
from .events_mentions import Mention, find_mentions
from .events_status import reporter, source_of, status_of

GEO_FEATURES = ("country", "admin", "city", "region")
DEFINITE = ("the", "this", "that", "these", "those")
PARTICIPANT_TYPES = ("CONSULT", "AGREE", "COOPERATE", "SUPPORT")
COOPERATIVE = ("AGREE", "CONSULT", "COOPERATE", "SUPPORT", "AID", "CONCEDE")
CONFLICTUAL = ("ASSAULT", "COERCE", "SANCTION", "PROTEST", "RETREAT")
THREAT_MODES = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations", "RETREAT": "expel"}
PARTY_KINDS = ("state", "government", "military", "international_org", "armed_group")
# types whose target may be the subject of a clause they govern ("demanded that X ...")
CLAUSE_TARGET_TYPES = ("DEMAND", "DISAPPROVE", "THREATEN", "REJECT", "SUPPORT", "CONCEDE")
RECIPIENT_PREPS = ("to", "for", "against", "on", "with")
# types whose object is the actor's own forces or mission (the owner is the actor)
OWNED_THEME_TYPES = ("RETREAT", "MOBILIZE")
PARTY_PREPS = ("to", "for", "with", "between", "on", "against", "at", "of", "about", "into")


class EventExtractor:
    def __init__(self, lex: Lexicon):
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            # every rule here reads the parse; without one there is nothing to say
            doc._.fw_events, doc.spans["fw_events"] = [], []
            return doc
        mentions = find_mentions(self.lex, doc)
        located = [locative_tokens(m) for m in mentions]
        claims = Counter(t for own in located for t in own)
        # a token is claimed for a mention when some other mention's locative phrase holds it
        found = [
            self.analyse(doc, m, frozenset(t for t, n in claims.items() if n > (t in own)))
            for m, own in zip(mentions, located)
        ]
        narrative_times(self.lex, doc, found)
        events, owners = self.merge(doc, found)
        attach_casualties(self.lex, doc, found, owners, events)
        spans = []
        for f, event in zip(found, owners):
            for tok in f.mention.tokens:
                span = Span(doc, tok.i, tok.i + 1, label="EVENT")
                span.kb_id_ = event.id
                spans.append(span)
        doc._.fw_events = events
        doc.spans["fw_events"] = spans
        return doc

    # --- one mention ---

    def analyse(self, doc: Doc, m: Mention, claimed: frozenset[int] = frozenset()) -> Found:
        trig = m.trigger
        mode, acled, weapon = self.weapon(m)
        f = Found(m, trig.plover, mode, acled)
        if weapon is not None:
            f.arg_tokens.append(weapon)
        f.status = status_of(self.lex, m.main)
        self.recode(f)
        for tok, t in zip(m.tokens, m.triggers):
            if tok.pos_ == "VERB" or tok.tag_.startswith("VB"):
                self.verb_args(doc, f, tok, t)
            else:
                self.noun_args(doc, f, tok, t)
        if f.actor is None and f.plover in PARTICIPANT_TYPES:
            f.actor = self.announcer(doc, m.main)
        if f.target is None and f.plover in PARTICIPANT_TYPES + ("AID",):
            self.participant(doc, f)
        find_place(doc, f, claimed)
        if f.target is None:
            self.implied_target(doc, f)
        find_time(self.lex, doc, f)
        f.source = source_of(self.lex, doc, m.main)
        f.anaphoric = any(
            t.pos_ == "NOUN" and (any(c.lower_ in DEFINITE for c in children(t, "det")) or children(t, "poss"))
            for t in m.tokens
        ) and not any(
            t.pos_ == "VERB" and t.tag_ != "VB" and t.lemma_.lower() not in self.lex.words("casualty.kill_verbs")
            for t in m.tokens
        )
        find_extent(f)
        return f

    def recode(self, f: Found) -> None:
        """PLOVER codes some statuses as event types of their own (manual 3.10, 3.11):
        a refused or failed cooperation is REJECT; a conditional ("... unless X") or announced
        future use of force, sanctions or restrictions is THREATEN."""
        main = f.mention.main
        if f.status == "negated" and f.plover in COOPERATIVE:
            f.plover, f.mode, f.acled, f.status = "REJECT", None, None, "occurred"
            return
        conditional = any(t.lower_ == "unless" and t.dep_ == "mark" for t in main.subtree)
        reported = reporter(self.lex, main)[0] is not None
        announced = f.status == "planned" and reported and f.plover != "RETREAT"  # an announced retreat is CONCEDE-like, not a threat
        if f.plover in CONFLICTUAL and (conditional or announced):
            f.mode = THREAT_MODES.get(f.plover)
            f.plover, f.acled, f.status = "THREATEN", None, "occurred"

    def weapon(self, m: Mention) -> tuple[str | None, schema.Acled | None, Token | None]:
        """Mode and ACLED type from the weapon named on the trigger ("drone strike", "fired a
        missile", "with rockets"); the trigger row's own coding otherwise."""
        trig = m.trigger
        mode = trig.mode
        acled = schema.Acled(event_type=trig.acled_type, sub_event_type=trig.acled_sub) if trig.acled_type else None
        if trig.plover != "ASSAULT":
            return mode, acled, None
        words: list[Token] = []
        for tok in m.tokens:
            words.append(tok)
            words.extend(children(tok, "compound", "amod", "nmod", "dobj"))
            words.extend(pobjs(tok, ("with", "by")))
            subj, passive = subject(tok)
            if subj is not None and not passive:
                words.append(subj)
        for w in words:
            hit = self.lex.weapons.get(w.lower_) or self.lex.weapons.get(w.lemma_.lower())
            if hit:
                wmode, etype, sub = hit
                return mode or wmode, schema.Acled(event_type=etype, sub_event_type=sub), w
        return mode, acled, None

    def verb_args(self, doc: Doc, f: Found, tok: Token, trig) -> None:
        subj, passive = subject(tok)
        if subj is not None and any(self.lex.in_class("LIVES", o.lower_) for o in children(tok, "dobj")):
            # "13 service members gave their lives": the subject is who died, not who attacked
            f.target = f.target or actor_of(doc, subj)
            return
        actor_tok = agent(tok) if passive else subj
        if f.actor is None and actor_tok is not None:
            f.actor = actor_of(doc, actor_tok)
            if f.actor is None and not passive:
                _, who = reporter(self.lex, tok)
                f.actor = pronoun_actor(doc, actor_tok, {actor_of(doc, who)} - {None} if who is not None else set())
            if f.actor:
                f.arg_tokens.append(actor_tok)
        if f.target is None and trig.obj_role == "target":
            obj = subj if passive else next(iter(children(tok, "dobj")), None)
            if obj is not None:
                f.target = actor_of(doc, obj) or self.geo_place(doc, obj)
                f.arg_tokens.append(obj)
        elif trig.obj_role == "theme":
            f.arg_tokens.extend(children(tok, "dobj"))
            if f.plover in OWNED_THEME_TYPES:
                # "end the U.S. military involvement", "withdraw Russia's troops": whose forces
                # or mission they are is who acts, not who is acted upon
                themes = children(tok, "dobj")
                if subj is not None and not passive and self.lex.in_class("MISSION", subj.lower_):
                    themes = [subj]  # "our mission will conclude": the mission's owner ends it
                for obj in themes:
                    owner = next((m for m in children(obj, "poss", "compound", "amod", "nmod") if actor_of(doc, m)), None)
                    if owner is not None:
                        f.actor = f.actor or actor_of(doc, owner)
                        f.theme_owners.add(actor_of(doc, owner))
        if f.target is None:
            self.prep_target(doc, f, tok, trig.target_preps)
        if f.target is None:
            for dative in children(tok, "dative", "iobj"):
                f.target = actor_of(doc, dative)
        if f.actor is None and subj is None:
            # "accused Iran of attacking the tanker": the accused is the doer
            who = self.governing_actor(tok)
            f.actor = actor_of(doc, who)
            if f.actor:
                f.arg_tokens.append(who)

    def noun_args(self, doc: Doc, f: Found, tok: Token, trig) -> None:
        if f.actor is None:
            for cand in children(tok, "poss", "compound", "amod", "nmod"):
                ident = actor_of(doc, cand)
                if ident:
                    f.actor = ident
                    f.arg_tokens.append(cand)
                    break
        if f.actor is None:
            for by in pobjs(tok, ("by",)):
                f.actor = actor_of(doc, by)
                f.arg_tokens.append(by)
        for of in pobjs(tok, ("of",)):
            ident = actor_of(doc, of)
            if trig.of_role == "target" and f.target is None:
                f.target = ident or self.geo_place(doc, of)
                f.arg_tokens.append(of)
            elif trig.of_role == "actor" and f.actor is None:
                f.actor = ident
                f.arg_tokens.append(of)
        if f.target is None:
            self.prep_target(doc, f, tok, trig.target_preps)
        if f.actor is None:
            who = self.governing_actor(tok)
            f.actor = actor_of(doc, who)
            if f.actor:
                f.arg_tokens.append(who)

    def announcer(self, doc: Doc, tok: Token) -> str | None:
        """A state or organisation announcing talks or a deal is taken as a party to it."""
        verb, who = reporter(self.lex, tok)
        if verb is None or who is None or verb.lemma_.lower() in ("believe", "think"):
            return None
        ident = actor_of(doc, who)
        actor = docext.by_id(docext.records(doc, "fw_actors"), ident)
        return ident if actor is not None and actor.kind in PARTY_KINDS else None

    def participant(self, doc: Doc, f: Found) -> None:
        """The other party of talks, a deal or aid, named inside the trigger's own arguments."""
        skip = {t.i for t in f.arg_tokens}
        exclude = {f.actor} if f.actor else set()
        for tok in f.mention.tokens:
            for child in tok.children:
                ok = child.dep_ in ("dobj", "dative", "acl", "pobj") or (
                    child.dep_ == "prep" and child.lower_ in PARTY_PREPS
                ) or (child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in ("help", "support", "assist"))
                if not ok:
                    continue
                ident, at = first_actor_in(doc, child, exclude, skip)
                if ident:
                    f.target = ident
                    return

    def governing_actor(self, tok: Token) -> Token | None:
        """The doer of an event noun named by the clause it sits in: "X stepped up attacks",
        "X was behind a drone strike", "X was blamed for the assassination"."""
        head = tok.head
        if tok.dep_ == "dobj" and head.lemma_.lower() in self.lex.words("light_verbs") | {"step"}:
            subj, passive = subject(head)
            return subj if not passive else None
        if tok.dep_ in ("pobj", "pcomp") and head.dep_ == "prep":
            verb = head.head
            if head.lower_ == "behind" and verb.lemma_ == "be":
                return next(iter(children(verb, "nsubj")), None)
            if head.lower_ in ("for", "of") and verb.lemma_.lower() in self.lex.words("claims.accuse"):
                subj, passive = subject(verb)
                return subj if passive else next(iter(children(verb, "dobj")), None)
            if head.lower_ == "for" and verb.lower_ in self.lex.words("claims.responsible"):
                return next(iter(children(verb.head, "dobj", "nsubj")), None)
        return None

    def implied_target(self, doc: Doc, f: Found) -> None:
        """The party acted upon when the trigger names none directly (PLOVER codes one):
        the subject of a demanded or condemned clause ("demanded that the US cancel"), the
        owner of what is accepted or rejected ("rejected a US offer", "North Korea's demand"),
        the recipient inside a complement ("offered to hand over to Britain", "aid to
        Mozambique"), else the country, region or city the event is placed in ("lifted a
        curfew in Montenegro")."""
        exclude = ({f.actor} | f.theme_owners) - {None}
        skip = {t.i for t in f.arg_tokens}
        for tok in f.mention.tokens:
            if f.plover in CLAUSE_TARGET_TYPES:
                for comp in children(tok, "ccomp"):
                    subj, _ = subject(comp)
                    ident = actor_of(doc, subj)
                    if ident and ident not in exclude:
                        f.target = ident
                        return
            themes = children(tok, "dobj") + [o for o in pobjs(tok, ("of",)) if tok.pos_ == "NOUN"]
            for xcomp in children(tok, "xcomp"):
                for obj in children(xcomp, "dobj", "dative"):
                    ident = actor_of(doc, obj)
                    if ident and ident not in exclude:
                        f.target = ident
                        return
                themes.extend(children(xcomp, "dobj"))
                self.prep_target(doc, f, xcomp, RECIPIENT_PREPS)
                if f.target is not None:
                    return
            for theme in themes:
                ident = actor_of(doc, theme)
                if ident is None:
                    ident, _ = next(
                        ((i, a) for o in pobjs(theme, ("from", "by", "of", "to", "for", "against", "on", "with")) for i, a in [first_actor_in(doc, o, exclude, skip)] if i),
                        (None, None),
                    )
                if ident and ident not in exclude:
                    f.target = ident
                    return
        if f.place is not None and f.plover not in ("ASSAULT",):
            place = docext.by_id(docext.records(doc, "fw_places"), f.place)
            if place is not None and place.feature in GEO_FEATURES:
                f.target = f.place

    def prep_target(self, doc: Doc, f: Found, tok: Token, preps) -> None:
        skip = {t.i for t in f.arg_tokens}
        for obj in pobjs(tok, preps):
            ident, at = first_actor_in(doc, obj, {f.actor} if f.actor else set(), skip)
            if ident is None:
                ident = self.geo_place(doc, obj) or docext.place_id_at(doc, obj)
            if ident:
                f.target = ident
                f.arg_tokens.append(obj)
                return

    def geo_place(self, doc: Doc, tok: Token) -> str | None:
        ident = docext.place_id_at(doc, tok)
        place = docext.by_id(docext.records(doc, "fw_places"), ident)
        return ident if place is not None and place.feature in GEO_FEATURES else None

    # --- mentions -> events ---

    def merge(self, doc: Doc, found: list[Found]) -> tuple[list[schema.Event], list[schema.Event]]:
        events: list[schema.Event] = []
        last_sent: dict[str, int] = {}
        owners: list[schema.Event] = []
        times = {t.id: t.value for t in docext.records(doc, "fw_times")}
        for f in found:
            target = self.antecedent(doc, f, events, last_sent, times) if f.anaphoric else None
            if target is None:
                target = schema.Event(
                    id=f"e{len(events) + 1}",
                    type=f.plover,
                    mode=f.mode,
                    acled=f.acled,
                    actor=f.actor,
                    target=f.target,
                    place=f.place,
                    time=f.time,
                    status=f.status,
                    fatalities=f.fatalities,
                    injured=f.injured,
                    source=f.source,
                    evidence=docext.evidence(doc, f.start, f.end),
                )
                events.append(target)
            else:
                # the source stays the first report's
                for name in ("mode", "acled", "actor", "target", "place", "time"):
                    if getattr(target, name) is None and getattr(f, name) is not None:
                        setattr(target, name, getattr(f, name))
            last_sent[target.id] = f.sent_start
            owners.append(target)
        return events, owners

    def antecedent(self, doc: Doc, f: Found, events, last_sent, times) -> schema.Event | None:
        sent_index = {s.start: i for i, s in enumerate(doc.sents)}
        best, best_score = None, -1
        mine = {f.actor, f.target} - {None}
        for event in events:
            if event.type != f.plover or event.status in ("predicted", "planned", "hypothetical", "negated"):
                continue
            if f.own_time and event.time is None:
                continue
            a, b = times.get(f.time or ""), times.get(event.time or "")
            if a and b and not (a.startswith(b) or b.startswith(a)):
                continue
            score = 2 * bool(a and b) + bool(f.mode and f.mode == event.mode) + bool(mine & {event.actor, event.target})
            if score == 0:
                # a bare "the attack" refers back only to something said just before
                gap = sent_index[f.sent_start] - sent_index.get(last_sent.get(event.id, -1), -10)
                if mine or f.own_time or not 0 <= gap <= 2:
                    continue
            if score >= best_score:
                best, best_score = event, score
        return best


@Language.factory(
    "factwire_events",
    requires=["doc._.fw_actors", "doc._.fw_places", "doc._.fw_times"],
    assigns=["doc._.fw_events", "doc.spans"],
)
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(load_lexicon())
