"""Finding event mentions: trigger words that pass their lexicon requirements, grouped when
several words describe one occurrence ("killed in a U.S. drone strike", "advise and assist")."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .. import docext
from .events_args import children, coarse_pos, subject
from .events_lexicon import Lexicon, Trigger

ACTIVE_KINDS = frozenset({"military", "armed_group", "state", "government"})


@dataclass
class Mention:
    tokens: list[Token]
    triggers: list[Trigger]
    main: Token = field(init=False)
    trigger: Trigger = field(init=False)

    def __post_init__(self) -> None:
        # the most specific word leads: one with a mode, else the first
        order = sorted(zip(self.tokens, self.triggers), key=lambda p: (p[1].mode is None, p[0].i))
        self.main, self.trigger = order[0]

    @property
    def plover(self) -> str:
        return self.trigger.plover


def _word_in(lex: Lexicon, cls: str, tok: Token) -> bool:
    if cls == "ANY":
        return True
    if cls == "ACTOR":
        # "met Macron", "fought the Taliban" -- not "met the target"
        return docext.actor_id_at(tok.doc, tok) is not None or lex.in_class("PERSONS", tok.lower_)
    if cls == "PLACE":
        # "jets struck Gaza": a named place as the object
        return docext.place_id_at(tok.doc, tok) is not None
    return lex.in_class(cls, tok.lower_) or lex.in_class(cls, tok.lemma_)


def _objects(tok: Token) -> list[Token]:
    """The object and the words that say what it is: "5 million dollars of aid", "aid deliveries",
    "part of a stronghold", "martial law"."""
    objs = children(tok, "dobj", "obj", "attr")
    subj, passive = subject(tok)
    if passive and subj is not None:
        objs.append(subj)
    # "evacuating over 120,000 citizens": the parser takes the quantity's "over" for a preposition;
    # a counted noun after it is still the object
    for p in children(tok, "prep"):
        if p.lower_ in ("over", "about", "around", "some"):
            objs.extend(o for o in children(p, "pobj") if children(o, "nummod"))
    for obj in list(objs):
        objs.extend(children(obj, "conj", "compound", "amod"))
        for of in children(obj, "prep"):
            if of.lower_ == "of":
                objs.extend(children(of, "pobj"))
    return objs


def _actor_kind(doc: Doc, tok: Token) -> str | None:
    ident = docext.actor_id_at(doc, tok)
    actor = docext.by_id(docext.records(doc, "fw_actors"), ident)
    return actor.kind if actor is not None else None


def requirement_met(lex: Lexicon, doc: Doc, tok: Token, trig: Trigger) -> bool:
    if not trig.requires:
        return True
    for req in trig.requires:
        cls = req.values[0] if req.values else "ANY"
        if req.slot == "obj":
            objs = _objects(tok)
            if any(_word_in(lex, cls, o) for o in objs) if cls != "ANY" else bool(children(tok, "dobj")):
                return True
        elif req.slot == "subj":
            subj, passive = subject(tok)
            if cls == "ANY":
                if (subj is not None and not passive) or children(tok, "agent"):
                    return True
            elif subj is not None and not passive:
                if _word_in(lex, cls, subj) or _actor_kind(doc, subj) in ("military", "armed_group"):
                    return True
        elif req.slot == "subjword":
            # "our mission will conclude": the subject's own word only (a military actor that
            # "concluded" something is not ending its mission)
            subj, passive = subject(tok)
            if subj is not None and not passive and _word_in(lex, cls, subj):
                return True
        elif req.slot == "compound":
            mods = children(tok, "compound", "amod", "nmod", "npadvmod")
            if any(_word_in(lex, cls, m) for m in mods):
                return True
        elif req.slot == "prep":
            if any(p.lower_ in req.values and children(p, "pobj", "pcomp") for p in children(tok, "prep")):
                return True
        elif req.slot == "prt":
            if any(p.lower_ in req.values for p in children(tok, "prt")):
                return True
        elif req.slot == "support":
            head = tok.head
            if tok.dep_ == "pobj":
                head = head.head
            verbs = set(req.values) or lex.words("support_verbs")
            if tok.dep_ in ("dobj", "pobj", "nsubjpass", "conj") and head.lemma_.lower() in verbs:
                return True
            # "a deal cut by my predecessor", "the agreement reached in Doha": the support verb as a
            # reduced relative on the noun is the same light-verb construction, passivised
            if any(a.tag_ == "VBN" and a.lemma_.lower() in verbs for a in children(tok, "acl")):
                return True
        elif req.slot == "ccomp":
            # "declared that China must drop barriers": a demand made by statement
            for comp in children(tok, "ccomp"):
                if any(a.lower_ in req.values for a in children(comp, "aux")):
                    return True
        elif req.slot == "xcomp":
            if children(tok, "xcomp"):
                return True
        elif req.slot == "subjof":
            # "the strike killed four people": a noun is an event when it is what did the harm
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in req.values:
                return True
    return False


def tally(lex: Lexicon, tok: Token) -> bool:
    """"2,448 Americans killed, 20,722 more wounded": a bare participle (no auxiliary) told of
    its own counted victims, with no doer and no attack named, sums up losses over time; it
    is not one occurrence (and its victims are not its actors)."""
    if tok.tag_ != "VBN" or tok.lemma_.lower() not in lex.words("casualty.kill_verbs") | lex.words("casualty.injure_verbs"):
        return False
    if children(tok, "agent", "aux", "auxpass"):
        return False  # "killed by a mine", "were killed": an occurrence
    for prep in children(tok, "prep"):
        # "wounded in the attack", "killed near Kabul" name an occurrence; "after 20 years" only a span of time
        if not any(docext.spans_covering(tok.doc, "fw_times", o) for o in children(prep, "pobj")):
            return False
    if tok.dep_ == "conj" and tok.head is not tok and tok.head.tag_ == "VBN":
        return tally(lex, tok.head)  # "killed, 20,722 more wounded": the conjunct is part of the tally
    subj = children(tok, "nsubj", "nsubjpass")
    if subj:
        victim = subj[0]
    elif tok.dep_ in ("acl", "amod", "appos"):
        victim = tok.head
    else:
        return False
    return any(c.like_num or c.dep_ == "nummod" for c in victim.subtree if c.i < victim.i) or victim.like_num


def skipped(lex: Lexicon, tok: Token) -> bool:
    """Mentions that are not reports of an occurrence: wishes and demands ("want all forces to
    withdraw"), topics of talk ("said little about withdrawing"), noun modifiers, casualty
    tallies."""
    if tally(lex, tok):
        return True
    if tok.dep_ == "compound" and tok.head.lower_ not in lex.words("compound_heads"):
        # "attack helicopter", "combat mission": modifiers; but "mediation effort" is the mediation
        return True
    if tok.dep_ == "amod" and tok.pos_ == "VERB":
        return True  # "the long-threatened invasion"
    if any(a.lower_ in ("must", "should") for a in children(tok, "aux")):
        return True  # a requirement stated, not an occurrence (the statement is a DEMAND)
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head  # "called on Arabs to unite and mobilize": the conjunct shares the governor
    if tok.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "pobj", "dobj"):
        head = tok.head
        if tok.dep_ in ("pcomp", "pobj") and head.dep_ == "prep":
            if head.lower_ in lex.words("topic_preps") and head.head.lemma_.lower() in lex.words("topic_heads"):
                return True
            if tok.dep_ == "pcomp" and head.lower_ in ("about", "on", "over"):
                return True
        if tok.dep_ in ("xcomp", "ccomp", "advcl", "acl"):
            if head.lemma_.lower() in lex.words("skip_governors"):
                return True
            # "to help Iraq fight X": purpose of purpose
            if head.dep_ in ("xcomp", "ccomp", "advcl") and head.lemma_.lower() in ("help", "enable", "allow"):
                return True
    return False


def find_mentions(lex: Lexicon, doc: Doc) -> list[Mention]:
    found: list[tuple[Token, Trigger]] = []
    for tok in doc:
        pos = coarse_pos(tok)
        if pos is None:
            continue
        if pos == "VERB" and tok.lower_ in ("talks", "negotiations") and not children(tok, "dobj"):
            pos = "NOUN"  # a frequent tagger slip: "that talks on X have ended"
        rows = lex.candidates(tok.lemma_, pos) or lex.candidates(tok.lower_, pos)
        trig = next((t for t in rows if requirement_met(lex, doc, tok, t)), None)
        if trig is None or skipped(lex, tok):
            continue
        found.append((tok, trig))
    return group(found, lex.words("casualty.kill_verbs") | lex.words("casualty.injure_verbs"))


def _linked(a: Token, b: Token, result_verbs: frozenset[str] = frozenset()) -> bool:
    """a hangs directly off b: as its argument, through one preposition, or as a conjunct;
    or a is the harm b did, told as a participle clause ("ambushed a patrol, killing two")."""
    if a.head == b and a.dep_ in ("advcl", "xcomp", "conj") and a.tag_ == "VBG" and a.lemma_.lower() in result_verbs:
        return not children(a, "nsubj", "nsubjpass")
    if a.head == b and a.dep_ not in ("advcl", "ccomp", "relcl", "parataxis"):
        # conjoined clauses with their own subject are separate occurrences
        return not (a.dep_ == "conj" and children(a, "nsubj", "nsubjpass"))
    if a.head.dep_ in ("prep", "agent") and a.head.lower_ in ("in", "by", "during", "with", "from", "of"):
        verb = a.head.head
        # "killed or injured in the attack": the PP hangs off the last conjunct
        return verb == b or (verb.dep_ == "conj" and verb.head == b)
    return False


def group(found: list[tuple[Token, Trigger]], result_verbs: frozenset[str] = frozenset()) -> list[Mention]:
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (a, ta) in enumerate(found):
        for j, (b, tb) in enumerate(found):
            if i != j and ta.plover == tb.plover and _linked(a, b, result_verbs):
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(found)):
        groups.setdefault(root(i), []).append(i)
    mentions = [Mention([found[i][0] for i in idx], [found[i][1] for i in idx]) for idx in groups.values()]
    return sorted(mentions, key=lambda m: min(t.i for t in m.tokens))
