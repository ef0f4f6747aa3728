"""Opinion nouns after a light verb, for factwire_quotes' indirect speech (quotes_indirect.py):
"voiced concerns about the plan", "took a stance against the deal", "raised questions over ...",
"made the case for ...", "took aim at ...". The verb carries no meaning of its own; the noun
names a stance and its preposition introduces what the stance is about. PolNeAR counts these as
attributions with the verb's subject as the source.

Only verbs whose subject holds the stance count ("voice", "express", "raise", "take", "offer",
"make", "air", "register", "lodge", "share"); with "face", "draw", "receive", "get" ("faced
questions about", "drew criticism for") the subject is the stance's target, not its holder, so
they are left out of the list (speech_verbs.yaml: light_verbs).

Also the naming use of "call" ("a group called Black Votes Matter", "a group that calls itself
...") which gives a name, not a view, and is no attribution."""

from __future__ import annotations

from spacy.tokens import Token

from .quotes_cues import SUBJECT_DEPS, Lexicon

# the words of a light-verb phrase that may stand between the verb and its opinion noun's
# preposition, when the parser hangs the preposition on the verb ("took aim at", "took issue with")
VERB_PREPS = {"at", "with", "to", "against", "over", "about", "on", "for", "of"}


def _pobj_span(prep: Token) -> tuple[int, int] | None:
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return None
    return obj.left_edge.i, prep.right_edge.i + 1


def light_verb_report(verb: Token, lex: Lexicon) -> tuple[tuple[int, int], tuple[int, int], Token] | None:
    """(cue token range, content token range, holder) of "<light verb> <opinion noun> <prep> X",
    or None. The cue runs from the verb to the preposition ("voiced concerns about"); the content
    is the preposition's object, or the noun's that-clause ("made the case that ..."). Needs an
    active verb with a subject: "concerns were raised" names no holder and the noun alone
    ("concerns about X") is too often the author's own framing."""
    if verb.pos_ not in ("VERB", "AUX") or lex.lemma(verb) not in lex.light_verbs:
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None and verb.dep_ == "xcomp":
        # "sought to make the case that ...": the subject of the verb it complements
        subject = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or (subject.lower_ in ("it", "there", "this", "that", "which", "what") and verb.dep_ != "relcl"):
        return None
    clear = made_clear(verb, lex)
    if clear is not None:
        return clear[0], clear[1], subject
    noun = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    # a speech verb ("voice", "express") takes any stance noun ("voiced support for"); the others
    # only an opinion noun ("offered support to the rebels" is aid, not a view)
    nouns = lex.opinion_nouns | (lex.stance_nouns if lex.lemma(verb) in lex.object_cues else frozenset())
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns:
        return None
    # "made the case that ...": the noun's own clause
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp") and child.left_edge.lower_ == "that" and child.left_edge.dep_ == "mark":
            return (verb.i, noun.i + 1), (child.left_edge.i, child.right_edge.i + 1), subject
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in lex.stance_preps | VERB_PREPS), None)
    if prep is None:
        # "took aim at X", "took issue with X": the parser hangs the preposition on the verb
        prep = next((c for c in verb.rights if c.dep_ == "prep" and c.i == noun.right_edge.i + 1 and c.lower_ in VERB_PREPS), None)
    if prep is None:
        return None
    content = _pobj_span(prep)
    if content is None:
        return None
    return (verb.i, prep.i + 1), content, subject


def made_clear(verb: Token, lex: Lexicon) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "made (it) clear (that) X": a statement, its clause the content; the cue runs from the
    verb to "clear". The parser hangs the clause on "clear" (advcl/ccomp) or on the verb."""
    if lex.lemma(verb) != "make":
        return None
    clear = next((c for c in verb.rights if c.lower_ == "clear" and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")), None)
    if clear is None:
        return None
    clause = next((c for c in clear.rights if c.dep_ in ("advcl", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        clause = next((c for c in verb.rights if c.dep_ == "ccomp" and c.i > clear.i and c.pos_ in ("VERB", "AUX")), None)
    if clause is None or not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return None  # "made clear his opposition": no clause
    return (verb.i, clear.i + 1), (clause.left_edge.i, clause.right_edge.i + 1)


REFLEXIVES = {"itself", "himself", "herself", "themselves", "ourselves", "myself", "yourself"}


def naming_call(verb: Token, lex: Lexicon) -> bool:
    """ "a website called Real News", "a group that calls itself X": "call" as naming. A reduced
    relative (past participle modifying a noun) or a reflexive object gives a name, not a stance;
    "who has called the notion a hoax" (a finite verb with an object) stays a cue."""
    if lex.lemma(verb) != "call":
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ in ("agent", "prep") and c.lower_ in ("by", "for") for c in verb.children):
        return True
    return any(c.dep_ in ("dobj", "nsubj") and c.lower_ in REFLEXIVES for c in verb.rights)
