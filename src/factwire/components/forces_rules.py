"""How factwire_forces reads one force level out of a parsed sentence.

A force level hangs on a numeral. Either the numeral counts a force noun directly
("2,500 troops", "approximately 5,000 U.S. troops"), or it is a bare figure that a verb
relates to a force ("the number of U.S. troops in Syria is close to 900", "U.S. military
presence ... reaching 80,000", "drew U.S. Forces down to a bare minimum of 2,500").
The functions here find that anchor and the clause around it; forces.py resolves ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .forces_lexicon import ForceLexicon

# Prepositions a bare figure may sit under on its way to the verb ("close to 900",
# "a minimum of 2,500", "stood at 900"); others ("in 2003", "for 20 years") mean it is no count.
COUNT_PREPS = frozenset({"to", "from", "at", "of", "about", "around", "near", "like", "than", "over", "under", "by"})
LOCATIVE_PREPS = frozenset({"in", "to", "into", "at", "inside", "within", "across", "throughout", "on", "near", "around"})
# Clause links across which a verb shares its figure with the verb above it.
CHAINED_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl"})
# How a bare figure standing for an elided force noun attaches to its verb.
ELIDED_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "conj"})
NOUNISH = frozenset({"NOUN", "PROPN", "PRON"})
VERBISH = frozenset({"VERB", "AUX"})
MAX_HOPS = 8
# noun -> prep -> noun -> verb: farther up, the verb is not the one holding the force
GOVERNOR_HOPS = 3


@dataclass
class Anchor:
    number: Token  # the numeral that gives the count
    noun: Token  # the force noun counted, or the aggregate standing for the force ("presence")
    force: str  # normalised force noun
    verb: Token | None  # the verb the count hangs on (None for a verbless phrase)
    direct: bool  # the numeral modifies the noun itself ("2,500 troops")
    path: list[Token] = field(default_factory=list)  # tokens from the numeral up to the verb
    outer: Token | None = None  # "number"/"presence" when the force noun sits inside it
    elided: bool = False  # "... deployed to Iraq and approximately 900 to Syria": the noun is left out

    @property
    def preps(self) -> list[str]:
        return [t.lower_ for t in self.path if is_prep(t)]


def is_prep(token: Token) -> bool:
    # "down" in "drew forces down to 2,500" is tagged ADP but is a particle, not a preposition
    return token.dep_ == "prep" or (token.pos_ == "ADP" and token.dep_ not in ("advmod", "prt", "quantmod"))


def sentence(token: Token) -> Span:
    """The token's sentence; the whole Doc when no sentence boundaries are set."""
    doc = token.doc
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return token.sent
    return doc[:]


def numeral_in(span: Span) -> Token | None:
    """The numeral of a quantity mention ("more than 170,000" -> 170,000)."""
    nums = [t for t in span if t.like_num or t.tag_ == "CD" or t.pos_ == "NUM"]
    return nums[-1] if nums else None


def force_noun(token: Token, lex: ForceLexicon, armed_group_at) -> str | None:
    """The normalised force noun `token` is, or None."""
    if token.pos_ not in NOUNISH and token.pos_ != "" and token.tag_ not in ("NNS", "NN", "NNP", "NNPS"):
        return None
    low = token.lower_
    if low in lex.nouns:
        if low in ("force", "forces") and any(c.lower_ == "air" for c in token.lefts):
            return None  # "an air force" counts aircraft, not people
        return lex.nouns[low]
    if low in lex.member_nouns:
        mods = {c.lower_ for c in token.lefts}
        if token.i > 0:
            mods.add(token.doc[token.i - 1].lower_)
        if mods & lex.member_modifiers:
            return "service members"
        for prep in token.rights:
            if prep.lower_ == "of" and any(
                c.lower_ in lex.nouns or c.lower_ in lex.member_modifiers for c in prep.subtree
            ):
                return "service members"
        return None
    if armed_group_at(token):
        return "fighters"  # "75,000 Taliban": members of an armed group
    return None


def _military_modifier(token: Token, lex: ForceLexicon, actor_at) -> bool:
    for child in token.lefts:
        if child.lower_ in ("military", "troop", "armed") or child.lower_ in lex.nouns or actor_at(child):
            return True
    return False


def resolve_force(noun: Token, lex: ForceLexicon, armed_group_at, actor_at) -> tuple[Token, str, Token | None] | None:
    """(force noun token, normalised noun, outer aggregate) for a subject/object noun, or None."""
    for cand in [noun, *[c for c in noun.children if c.dep_ in ("appos", "conj")]]:
        found = force_noun(cand, lex, armed_group_at)
        if found:
            return cand, found, None
        if cand.lower_ in lex.aggregates:
            # "the number of U.S. troops", "troop presence"
            for inner in cand.subtree:
                if inner.i == cand.i:
                    continue
                inner_force = force_noun(inner, lex, armed_group_at)
                if inner_force and (inner.head.i == cand.i or inner.head.head.i == cand.i):
                    return inner, inner_force, cand
                if inner.lower_ == "troop" and inner.head.i == cand.i:
                    return cand, "troops", None
            if _military_modifier(cand, lex, actor_at):
                return cand, "forces", None
    return None


def governing_verb(token: Token) -> Token | None:
    """The verb a noun is an argument of, directly or through one PP ("deployment of 5,000 troops")."""
    cur = token
    for _ in range(GOVERNOR_HOPS):
        if cur.head.i == cur.i:
            return cur if cur.pos_ in VERBISH else None
        cur = cur.head
        if cur.pos_ in VERBISH:
            return cur
    return None


def find_anchor(num: Token, lex: ForceLexicon, armed_group_at, actor_at) -> Anchor | None:
    """The force this numeral counts, by the dependency parse."""
    head = num.head
    if num.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod", "npadvmod") and head.pos_ in NOUNISH and head.i != num.i:
        found = force_noun(head, lex, armed_group_at)
        if found:
            return Anchor(num, head, found, governing_verb(head), True)
        if head.lower_ not in lex.measure_nouns:
            return None  # "30 militants" counts something else
    path: list[Token] = []
    cur = num
    chained = 0
    for _ in range(MAX_HOPS):
        if cur.head.i == cur.i:
            return None
        came_from, cur = cur, cur.head
        path.append(cur)
        if is_prep(cur):
            if cur.lower_ not in COUNT_PREPS:
                return None
            continue
        if cur.pos_ in VERBISH:
            roles = ["nsubj", "nsubjpass"]
            if any(p.lower_ in ("to", "from", "at") for p in path) or cur.lemma_.lower() in lex.target_words:
                roles.append("dobj")  # "drew U.S. Forces down to 2,500"
            for child in cur.children:
                if child.dep_ in roles and child.i != came_from.i:
                    hit = resolve_force(child, lex, armed_group_at, actor_at)
                    if hit:
                        noun, name, outer = hit
                        return Anchor(num, noun, name, cur, False, path, outer)
            if cur.dep_ in CHAINED_DEPS and chained < 1:
                chained += 1
                continue
            return None
        if cur.pos_ in NOUNISH:
            if came_from.lower_ == "of" or came_from.dep_ == "prep":
                hit = resolve_force(cur, lex, armed_group_at, actor_at)
                if hit:  # "a force of 5,000"
                    noun, name, outer = hit
                    return Anchor(num, noun, name, governing_verb(cur), True, path, outer)
            if cur.lower_ not in lex.measure_nouns:
                return None
            continue
        # adjectives and adverbs on the way: "close to 900", "down to"
    return None


def elided_anchor(num: Token, earlier: list[Anchor]) -> Anchor | None:
    """A bare figure standing for a force noun named earlier in the sentence, as in the lists of
    War Powers reports: "approximately 2,500 ... personnel remain in Iraq; approximately 900 are in
    Syria". Only taken with a locative phrase of its own, so a stray figure is not read as troops."""
    head = num.head
    if num.dep_ == "conj" and head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head  # "are in Iraq and 900 in Syria" is sometimes parsed as a conjunct of "in"
    if head.i == num.i:
        return None
    sent = sentence(num)
    before = [a for a in earlier if sent.start <= a.number.i < num.i]
    if not before:
        return None
    prev = max(before, key=lambda a: a.number.i)
    of_verb = head.pos_ in VERBISH and num.dep_ in ELIDED_DEPS
    # "2,500 troops in Iraq and 900 in Syria": a conjunct of the force noun itself
    of_noun = num.dep_ == "conj" and head.i == prev.noun.i
    if not (of_verb or of_noun):
        return None
    holders = [num, head] if of_verb else [num]
    if not any(p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS for h in holders for p in h.children):
        return None
    verb = head if of_verb else prev.verb
    return Anchor(num, prev.noun, prev.force, verb, False, [verb] if verb is not None else [], prev.outer, elided=True)


def change_ends(span: Span) -> list[tuple[Token, float]] | None:
    """The two ends of a change that came as one range ("from 3,000 to 2,500"), with their values."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before != "from" and span[0].lower_ != "from":
        return None
    if not any(t.lower_ == "to" for t in span):
        return None  # "from between 2,000 and 3,000" is a range after all
    nums = [t for t in span if t.like_num and any(c.isdigit() for c in t.text)]
    if len(nums) != 2:
        return None
    try:
        return [(t, float(t.text.replace(",", ""))) for t in nums]
    except ValueError:
        return None


def find_anchor_unparsed(num: Token, lex: ForceLexicon, armed_group_at) -> Anchor | None:
    """Without a parse: the first force noun within a few tokens right of the numeral."""
    doc = num.doc
    for i in range(num.i + 1, min(len(doc), num.i + 5)):
        tok = doc[i]
        found = force_noun(tok, lex, armed_group_at)
        if found:
            return Anchor(num, tok, found, None, True)
        if tok.is_punct or tok.pos_ in VERBISH or tok.lower_ in COUNT_PREPS:
            return None
    return None


def clause_root(anchor: Anchor) -> Token | None:
    """The highest verb of the clause the count belongs to."""
    verbs = [t for t in anchor.path if t.pos_ in VERBISH]
    if verbs:
        return verbs[-1]
    return anchor.verb


def clause_tokens(anchor: Anchor) -> list[Token]:
    root = clause_root(anchor)
    if root is None:
        return list(sentence(anchor.noun))
    return list(root.subtree)


def is_casualty_count(anchor: Anchor, lex: ForceLexicon) -> bool:
    """True when the clause counts dead, wounded, captured or trained people, not a deployment."""
    cues: list[Token] = []
    for child in anchor.noun.children:
        if child.dep_ in ("amod", "relcl", "acl", "compound"):
            cues.append(child)
            if child.dep_ in ("relcl", "acl"):
                cues += [c for c in child.children if c.dep_ in ("dobj", "attr", "acomp", "oprd", "nsubjpass", "agent")]
    # a bare figure under "killing" counts victims, whoever the subject is
    cues += [t for t in anchor.path if t.pos_ in VERBISH]
    verb = anchor.verb
    if verb is not None:
        cues.append(verb)
        cues += [c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp", "oprd", "agent")]
    return any(c.lemma_.lower() in lex.casualty or c.lower_ in lex.casualty for c in cues)


def owner_tokens(anchor: Anchor) -> list[Token]:
    """Modifier tokens of the force noun, nearest first ("5,000 U.S. troops" -> U.S.)."""
    out: list[Token] = []
    if anchor.direct and anchor.number.i < anchor.noun.i:
        # "5,000 U.S. troops": the words between count and noun (also without a parse)
        out += [anchor.noun.doc[i] for i in range(anchor.noun.i - 1, anchor.number.i, -1)]
    for noun in (anchor.noun, anchor.outer):
        if noun is None:
            continue
        for left in reversed(list(noun.lefts)):
            out += [t for t in left.subtree if t.i != anchor.number.i and not t.like_num]
        for prep in noun.rights:
            if prep.lower_ == "of":
                # "the number of troops in Iraq": Iraq is where they are, not whose they are
                where = {t.i for p in prep.subtree if p.lower_ in LOCATIVE_PREPS and p.dep_ == "prep" for t in p.subtree}
                out += [t for t in prep.subtree if t.i not in where]
    return out


def locative_pobjs(heads: list[Token], preps: frozenset[str]) -> list[Token]:
    """Objects of locative prepositions attached to `heads`, in that order."""
    out: list[Token] = []
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                out += [c for c in prep.children if c.dep_ == "pobj"]
    return out


def in_sentence_before(doc: Doc, token: Token, sentences: int) -> tuple[int, int]:
    """Character range from `sentences` sentences before `token`'s up to the token."""
    sent = sentence(token)
    start = sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = sentence(doc[start - 1]).start
    return doc[start].idx, token.idx


PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")


def paragraph_start(text: str, end: int) -> int:
    """Character offset where the paragraph holding offset `end` starts (after the last blank line)."""
    start = 0
    for match in PARAGRAPH_BREAK.finditer(text, 0, end):
        start = match.end()
    return start
