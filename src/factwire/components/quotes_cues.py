"""Reporting cues and their speakers: the lexicon (data/speech_verbs.yaml) and the token rules.

A cue is a reporting verb ("said", "warned") or a prepositional phrase ("according to"); its
speaker is the verb's subject (or passive agent, or the object of "according to"). With a
dependency parse the rules read it; without one (a blank pipeline) they fall back to adjacency.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

DATA = Path(__file__).resolve().parents[1] / "data" / "speech_verbs.yaml"

SUBJECT_DEPS = {"nsubj", "csubj"}
# Left dependents that belong to a speaker's name phrase ("Navy Gen. Frank Mackenzie", "Iranian officials").
NAME_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "flat", "case", "npadvmod", "quantmod", "punct"}
RELATIVE = {"who", "that", "which", "whom"}
SENTENCE_END = {".", "!", "?"}
CLOSING_MARKS = set("\u201d\"\u00bb'\u2019")
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you"}


@dataclass(frozen=True)
class Lexicon:
    speech: frozenset[str]
    cognitive: frozenset[str]
    adjacent_only: frozenset[str]
    no_complement: frozenset[str]
    particles: dict[str, str]
    prepositional: tuple[tuple[str, ...], ...]
    forms: dict[str, str]  # inflected form -> lemma, for docs without a lemmatizer
    object_cues: frozenset[str] = frozenset()
    object_preps: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()  # "claim", "statement": cues with a that-clause
    raising: frozenset[str] = frozenset()  # "seems to", "is expected to": the subject and infinitive are the content
    as_cues: frozenset[str] = frozenset()  # "sees X as Y": a stance with an object and its "as" predicate
    lemmas: frozenset[str] = frozenset()  # every cue lemma the forms map to
    stance_nouns: frozenset[str] = frozenset()  # "his attacks on X": a possessor's stance towards an object
    stance_preps: frozenset[str] = frozenset()
    needs_predicate: frozenset[str] = frozenset()  # "find": an object cue only with a predicate or clause
    addressed: frozenset[str] = frozenset()  # "spoke to reporters": "to"/"with" names the listener
    stance_adjectives: frozenset[str] = frozenset()  # "is confident that", "are wary of": a held state
    impersonal_adjectives: frozenset[str] = frozenset()  # "it is clear that ...": no holder named
    needs_infinitive: frozenset[str] = frozenset()  # "tell": an object cue only with an infinitive or clause
    light_verbs: frozenset[str] = frozenset()  # "voiced concerns about X": a verb whose subject holds the noun's stance
    opinion_nouns: frozenset[str] = frozenset()  # the stance nouns after a light verb

    def lemma(self, token: Token) -> str:
        lemma = token.lemma_.lower() if token.lemma_ else ""
        if lemma and (lemma in self.lemmas or token.lower_ not in self.forms):
            return lemma
        # the lemmatizer misreads some cue forms ("hopes" -> "hop"): the lexicon's own
        # inflections of its cue lemmas decide for words it lists
        return self.forms.get(token.lower_, lemma or token.lower_)


def _inflections(lemma: str) -> set[str]:
    # Over-generating is harmless: the forms are only looked up for words already in the text.
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", stem + "ing", stem + "ed"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # admitted, quipped
    return forms


def load_lexicon(path: Path = DATA) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    speech = frozenset(data["speech"])
    cognitive = frozenset(data["cognitive"])
    forms: dict[str, str] = {}
    objects = frozenset(data.get("object_cues") or ())
    raising = frozenset(data.get("raising") or ())
    as_cues = frozenset(data.get("as_cues") or ())
    for lemma in speech | cognitive | objects | raising | as_cues:
        for form in _inflections(lemma):
            forms.setdefault(form, lemma)
    for lemma, irregular in (data.get("irregular") or {}).items():
        for form in irregular:
            forms[form] = lemma
    return Lexicon(
        speech=speech,
        cognitive=cognitive,
        adjacent_only=frozenset(data.get("adjacent_only") or ()),
        no_complement=frozenset(data.get("no_complement") or ()),
        particles=dict(data.get("needs_particle") or {}),
        prepositional=tuple(tuple(p) for p in data.get("prepositional") or ()),
        forms=forms,
        object_cues=objects,
        object_preps=frozenset(data.get("object_preps") or ()),
        nouns=frozenset(data.get("noun_cues") or ()),
        raising=raising,
        as_cues=as_cues,
        lemmas=frozenset(forms.values()),
        stance_nouns=frozenset(data.get("stance_nouns") or ()),
        stance_preps=frozenset(data.get("stance_preps") or ()),
        addressed=frozenset(data.get("addressed") or ()),
        needs_predicate=frozenset(data.get("needs_predicate") or ()),
        stance_adjectives=frozenset(data.get("stance_adjectives") or ()),
        impersonal_adjectives=frozenset(data.get("impersonal_adjectives") or ()),
        needs_infinitive=frozenset(data.get("needs_infinitive") or ()),
        light_verbs=frozenset(data.get("light_verbs") or ()),
        opinion_nouns=frozenset(data.get("opinion_nouns") or ()),
    )


def has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def _verbal(token: Token) -> bool:
    # Without a tagger every word may be a verb; with one, "the report" is not a cue.
    return not token.doc.has_annotation("POS") or token.pos_ in ("VERB", "AUX")


def _particle_ok(token: Token, lemma: str, lex: Lexicon) -> bool:
    particle = lex.particles.get(lemma)
    if particle is None:
        return True
    doc = token.doc
    return any(c.lower_ == particle for c in token.children) or (
        token.i + 1 < len(doc) and doc[token.i + 1].lower_ == particle
    )


def verb_cue(token: Token, lex: Lexicon, role: str) -> bool:
    """Is `token` a reporting verb for `role`: "adjacent" (next to a direct quotation),
    "governing" (above a quoted fragment), "complement" (with a clausal complement) or "object"
    (a speech act whose content is its object or infinitive)?"""
    if not token.is_alpha or not _verbal(token):
        return False
    lemma = lex.lemma(token)
    if role == "complement":
        ok = (lemma in lex.speech or lemma in lex.cognitive) and lemma not in lex.no_complement
        ok = ok and lemma not in lex.adjacent_only
    elif role == "object":
        ok = lemma in lex.object_cues
    elif role == "raising":
        ok = lemma in lex.raising
    elif role == "as":
        ok = lemma in lex.as_cues
    elif role == "governing":
        ok = lemma in lex.speech and lemma not in lex.adjacent_only
    else:
        ok = lemma in lex.speech
    return ok and _particle_ok(token, lemma, lex)


def prepositional_cue(doc: Doc, i: int, lex: Lexicon) -> int | None:
    """End token index of a prepositional cue ("according to") starting at token i, or None."""
    for words in lex.prepositional:
        end = i + len(words)
        if end <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words)):
            return end
    return None


def cue_end(token: Token, lex: Lexicon) -> int:
    """Token end of the cue phrase headed by `token` (a particle belongs to it: "pointed out")."""
    doc = token.doc
    prep = prepositional_cue(doc, token.i, lex)
    if prep is not None:
        return prep
    lemma = lex.lemma(token)
    if lemma in lex.particles and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == lex.particles[lemma]:
        return token.i + 2
    return token.i + 1


def speaker_of_verb(verb: Token, hops: int = 3) -> Token | None:
    """The token naming who speaks through `verb` (parse required)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if obj is not None:
            return obj
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head  # "officials, who said ..."
            return child
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "he was told that ...": the subject is the listener, not the speaker
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head  # "a statement saying ...", "officials warning that ...": the noun speaks
    if hops > 0 and verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") and verb.head is not verb:
        return speaker_of_verb(verb.head, hops - 1)  # "..., adding that ..." speaks with the main verb's subject
    return None


def speaker_of_prepositional(doc: Doc, start: int, end: int) -> Token | None:
    """The object of "according to X": the parse's pobj, else the first word after the phrase."""
    last = doc[end - 1]
    obj = next((c for c in last.children if c.dep_ == "pobj"), None)
    if obj is not None:
        return obj
    for token in doc[end : min(len(doc), end + 6)]:
        if token.is_punct:
            break
        if token.pos_ in ("PROPN", "NOUN", "PRON") or (not doc.has_annotation("POS") and token.is_alpha):
            nxt = token.i + 1
            # the head of a bare name is its last word ("according to Frank Mackenzie")
            while nxt < len(doc) and doc[nxt].is_title and not doc[nxt].is_punct:
                token, nxt = doc[nxt], nxt + 1
            return token
    return None


def adjacent_speaker(doc: Doc, cue_start: int, cue_stop: int) -> Token | None:
    """Without a parse: the name or pronoun right before the cue ("he said"), else right after
    it ("said Mackenzie"); the head is the last word of a run of capitalised words."""
    before = cue_start - 1
    if before >= 0 and _name_word(doc[before]):
        return doc[before]
    # the inverted order only right after a quotation: "“...,” said Frank Mackenzie"
    lead = doc.text[: doc[cue_start].idx].rstrip().rstrip(",")
    after = cue_stop
    if lead[-1:] in CLOSING_MARKS and after < len(doc) and _name_word(doc[after]):
        while after + 1 < len(doc) and doc[after + 1].is_title and _name_word(doc[after + 1]):
            after += 1
        return doc[after]
    return None


def _name_word(token: Token) -> bool:
    # "Gen." is one token in some tokenizers: a title abbreviation is part of a name
    word = token.text[:-1] if token.text.endswith(".") and len(token.text) > 1 else token.text
    return word.isalpha() and (word.istitle() or word.isupper() or word.lower() in PRONOUNS or word.islower())


def speaker_span(token: Token) -> tuple[int, int]:
    """Token range of the speaker's surface mention: the head with its left name modifiers
    ("Navy Gen. Frank Mackenzie", "Iranian officials"), without relative clauses or appositions."""
    doc = token.doc
    if not has_parse(doc):
        start = token.i
        while start > 0 and doc[start - 1].is_title and _name_word(doc[start - 1]) and token.is_title:
            start -= 1
        return start, token.i + 1
    start = token.i
    for child in token.lefts:
        if child.dep_ in NAME_DEPS and not (child.dep_ == "punct" and child.text in ",;"):
            start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("flat", "compound") and child.i == end:
            end = child.right_edge.i + 1
    # a leading comma or conjunction is never part of a name
    while start < token.i and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc" or "\n" in doc[start].text):
        start += 1
    return start, end
