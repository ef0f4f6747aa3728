"""Pronoun and nominal references to actors: "he", "the general", "the prime minister", "the group".

Resolution is deliberately conservative: the nearest compatible antecedent the text supports,
otherwise nothing. First-person pronouns are resolved only to a reported speaker ("X said: I ...")
or, for "we" outside quotations, to the article's publishing body (actors_publisher.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .actors_lexicon import Lexicon
from .actors_mentions import Cand
from .actors_pronouns import appositive_titles, continued_subject_refs, reported_subject_refs
from .actors_publisher import publisher, publisher_refs

PERSON_PRONOUNS = frozenset("he him his himself she her hers herself".split())
# "the (terrorist) group", "the militants": an armed group named before
GROUP_REF_NOUNS = frozenset("group militants militia militias insurgents extremists jihadists fighters rebels".split())
GROUP_REF_MODIFIERS = frozenset("terrorist extremist militant jihadist insurgent armed islamist rebel".split())
SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass"])
# sentences back that an antecedent may lie
PRONOUN_WINDOW_SUBJECT = 6
PRONOUN_WINDOW_ANY = 2
TITLE_WINDOW = 20
GROUP_WINDOW = 4


@dataclass
class Seen:
    start: int
    end: int
    key: str
    kind: str
    sent: int
    subject: bool
    titles: frozenset[str]
    country: str | None
    head_noun: str | None
    verb: int | None  # token index of the governing verb


def resolve_refs(doc: Doc, cands: list[Cand], ids: dict[str, str], lex: Lexicon) -> list[Span]:
    sent_of = _sentence_index(doc)
    ref_phrases = sorted({tuple(r.split()) for refs in lex.titles.values() for r in refs}, key=len, reverse=True)
    pending = sorted(cands, key=lambda c: c.start)
    covered = {i for c in cands for i in range((c.title_start if c.title_start is not None else c.start), c.end)}
    history: list[Seen] = []
    out: list[Span] = []
    i = 0
    while i < len(doc):
        while pending and pending[0].end <= i:
            cand = pending.pop(0)
            history.append(_seen(doc, cand, sent_of))
        tok = doc[i]
        if i in covered:
            i += 1
            continue
        found = None
        if tok.lower_ in PERSON_PRONOUNS:
            found = (i, i + 1, _pick_person(history, tok, sent_of[i]))
        elif tok.lower_ == "the":
            found = (_title_ref(doc, i, history, ref_phrases, sent_of, cands) or _group_ref(doc, i, history, sent_of)
                     or _government_ref(doc, i, history, sent_of, lex) or _head_noun_ref(doc, i, history, sent_of))
        if found is None:
            i += 1
            continue
        start, end, antecedent = found
        if antecedent is not None and antecedent.key in ids:
            out.append(Span(doc, start, end, label=antecedent.kind, kb_id=ids[antecedent.key]))
            span = doc[start:end]
            history.append(
                Seen(start, end, antecedent.key, antecedent.kind, sent_of[start], _is_subject(span),
                     antecedent.titles, antecedent.country, antecedent.head_noun, _verb(span.root))
            )
        i = end
    out += _first_person_refs(doc, cands, ids, out)
    out += appositive_titles(doc, cands, ids, lex, {t for sp in out for t in range(sp.start, sp.end)})
    out += reported_subject_refs(doc, cands, ids, {t for sp in out for t in range(sp.start, sp.end)})
    out += continued_subject_refs(doc, cands, ids, {t for sp in out for t in range(sp.start, sp.end)})
    out += publisher_refs(doc, cands, ids, publisher(doc, cands, ids, lex), {t for sp in out for t in range(sp.start, sp.end)})
    return sorted(out, key=lambda sp: sp.start)


FIRST_PERSON = frozenset("i me my mine myself".split())
SPEECH_LEMMAS = frozenset("say tell add note warn state explain announce claim insist argue write comment respond declare stress".split())
OPEN_QUOTES = frozenset(['"', "“"])
CLOSE_QUOTES = frozenset(['"', "”"])


def _first_person_refs(doc: Doc, cands: list[Cand], ids: dict[str, str], refs: list[Span]) -> list[Span]:
    """'I', 'my' in what a named person is reported saying -> that person: the statement after
    'X said:' (to the next attribution), or the quotation right after or before 'X said'; their
    'we' -> the body they speak for."""
    if not doc.has_annotation("DEP"):
        return []
    person_at: dict[int, str] = {}
    for c in cands:
        if c.kind == "person" and c.key in ids:
            for t in range(c.title_start if c.title_start is not None else c.start, c.end):
                person_at[t] = ids[c.key]
    for r in refs:
        if r.label_ == "person":
            for t in range(r.start, r.end):
                person_at.setdefault(t, r.kb_id_)
    body_at = {t: ids[c.key] for c in cands if c.kind != "person" and c.key in ids for t in range(c.start, c.end)}
    body_of = _affiliations(doc, cands, ids, body_at)
    kind_of_id = {ids[c.key]: c.kind for c in cands if c.key in ids}
    attributions: list[tuple[int, int, int, str]] = []  # (verb, region start, region end, actor id)
    for tok in doc:
        if tok.lemma_ not in SPEECH_LEMMAS or tok.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        speaker = person_at.get(subj.i) if subj is not None else None
        if subj is not None and speaker is None and subj.i in body_at:
            speaker = "body:" + body_at[subj.i]  # "the ministry said: we ..." -- only "we" can follow
        if speaker is None:
            continue
        after = [t for t in doc[tok.i + 1:min(len(doc), tok.i + 12)] if not t.is_space]
        # the first word past the verb's own phrase ('said', 'Gen. X said,') opens the statement
        subtree_end = max(t.i for t in tok.subtree if t.i <= tok.i + 11)
        nxt = next((t for t in after if t.i > subtree_end or t.text in (":",) or t.text in OPEN_QUOTES), None)
        if nxt is not None and nxt.text == ":":
            attributions.append((tok.i, nxt.i + 1, len(doc), speaker))
        elif nxt is not None and nxt.text in OPEN_QUOTES:
            close = next((t.i for t in doc[nxt.i + 1:] if t.text in CLOSE_QUOTES), len(doc))
            attributions.append((tok.i, nxt.i + 1, close, speaker))
        else:
            before = [t for t in doc[max(0, tok.i - 3):tok.i] if t.text in CLOSE_QUOTES]
            if before:
                close = before[-1].i
                open_ = next((t.i for t in reversed(doc[:close]) if t.text in OPEN_QUOTES), None)
                if open_ is not None:
                    attributions.append((tok.i, open_ + 1, close, speaker))
    out = []
    done: set[int] = set()
    starts = sorted(a[0] for a in attributions)
    for verb, start, end, speaker in attributions:
        later = [v for v in starts if v > verb]
        # a statement runs until someone else is reported speaking
        end = min(end, later[0] if later else end)
        for t in doc[start:end]:
            if t.i in person_at or t.i in body_at or t.i in done:
                continue
            done.add(t.i)  # statements may overlap: the first attribution covering a word wins
            if t.lower_ in FIRST_PERSON and not speaker.startswith("body:"):
                out.append(Span(doc, t.i, t.i + 1, label="person", kb_id=speaker))
            elif t.lower_ in FIRST_PLURAL:
                # "we" in what a person says is the body they speak for; in a body's statement, the body
                body = speaker[5:] if speaker.startswith("body:") else body_of.get(speaker)
                if body is not None and t.text != "US":  # "US" is the country
                    out.append(Span(doc, t.i, t.i + 1, label=kind_of_id[body], kb_id=body))
    return out


FIRST_PLURAL = frozenset("we us our ours ourselves".split())


def _affiliations(doc: Doc, cands: list[Cand], ids: dict[str, str], body_at: dict[int, str]) -> dict[str, str]:
    """The body a named person speaks for: the organisation or state in their title ('U.S. Central
    Command commander Gen. X', 'Iraqi Prime Minister X') or in an apposition ('X, commander of
    U.S. Central Command'). Organisations before states: the command, not the country."""
    found: dict[str, list[str]] = {}
    for cand in cands:
        if cand.kind != "person" or cand.key not in ids:
            continue
        first = cand.title_start if cand.title_start is not None else cand.start
        toks = list(range(first, cand.start))
        # a body just before the title: "Foreign Office Minister Tobias Ellwood"
        toks += [t for c in cands if c.kind != "person" and c.end == first for t in range(c.start, c.end)]
        if doc.has_annotation("DEP"):
            root = doc[cand.start:cand.end].root
            for child in root.children:
                if child.dep_ == "appos":
                    toks += [t.i for t in child.subtree]
            if root.dep_ == "appos":  # "the commander of X, Gen. Y"
                toks += [t.i for t in root.head.subtree if t.i < cand.start]
        bodies = [body_at[t] for t in toks if t in body_at]
        if bodies:
            found.setdefault(ids[cand.key], []).extend(bodies)
    kind = {ids[c.key]: c.kind for c in cands if c.key in ids}
    # the command, not the country, when the title names both ("U.S. Central Command commander")
    out = {pid: next((b for b in bs if kind.get(b) != "state"), bs[0]) for pid, bs in found.items()}
    # else an official's "we" is their state's government, when the article names that state
    states = {c.country: ids[c.key] for c in cands if c.kind == "state" and c.country and c.key in ids}
    for cand in cands:
        if cand.kind == "person" and cand.titles and cand.key in ids and cand.country in states:
            out.setdefault(ids[cand.key], states[cand.country])
    return out


def _seen(doc: Doc, cand: Cand, sent_of: list[int]) -> Seen:
    start = cand.title_start if cand.title_start is not None else cand.start
    span = doc[start:cand.end]
    return Seen(start, cand.end, cand.key, cand.kind, sent_of[start], _is_subject(span), cand.titles,
                cand.country, cand.head_noun, _verb(span.root))


def _pick_person(history: list[Seen], tok: Token, sent: int) -> Seen | None:
    persons = [h for h in reversed(history) if h.kind == "person"]
    for h in persons:
        if sent - h.sent > PRONOUN_WINDOW_SUBJECT:
            break
        if h.subject:
            return h
    for h in persons:
        if sent - h.sent > PRONOUN_WINDOW_ANY:
            break
        return h
    return None


def _title_ref(doc: Doc, i: int, history: list[Seen], phrases, sent_of, cands: list[Cand]):
    """'the general', 'the Iraqi prime minister' -> the last person who held that title."""
    j = i + 1
    country = None
    for cand in cands:
        # an optional nationality: "the Iraqi prime minister"
        if cand.start == j and cand.kind == "state":
            country, j = cand.country, cand.end
            break
    for phrase in phrases:
        n = len(phrase)
        if tuple(t.lower_ for t in doc[j:j + n]) != phrase:
            continue
        end = j + n
        if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            return None  # a title before a name: "the general Mark Milley" is a named mention
        for h in reversed(history):
            if sent_of[i] - h.sent > TITLE_WINDOW:
                break
            if h.kind == "person" and " ".join(phrase) in h.titles and (country is None or h.country in (None, country)):
                return i, end, h
        return i, end, None
    return None


def _group_ref(doc: Doc, i: int, history: list[Seen], sent_of):
    """'the group', 'the terrorist group' -> an armed group named shortly before."""
    j = i + 1
    while j < len(doc) and doc[j].lower_ in GROUP_REF_MODIFIERS:
        j += 1
    if j >= len(doc) or doc[j].lower_ not in GROUP_REF_NOUNS:
        return None
    noun = doc[j].lower_
    verb = _verb(doc[j])
    groups = []
    for h in reversed(history):
        if sent_of[i] - h.sent > GROUP_WINDOW:
            break
        # the subject of the ref's own clause is not what the ref points back to
        if h.kind == "armed_group" and not (h.subject and h.verb is not None and h.verb == verb):
            groups.append(h)
    best = next((h for h in groups if h.head_noun == noun), groups[0] if groups else None)
    return i, j + 1, best


BODY_KINDS = frozenset(["organisation", "military", "international_org", "media", "government"])


def _head_noun_ref(doc: Doc, i: int, history: list[Seen], sent_of):
    """'the Command', 'the department', 'the council' -> the body named before whose name ends in
    that noun ('U.S. Central Command', 'the State Department')."""
    j = i + 1
    if j >= len(doc) or not doc[j].is_alpha or len(doc[j]) < 4:
        return None
    if j + 1 < len(doc) and (doc[j + 1].pos_ in ("NOUN", "PROPN") or doc[j + 1].lower_ == "of"):
        return None  # "the department of X", "the Command headquarters": a longer phrase
    noun = doc[j].lower_
    for h in reversed(history):
        if sent_of[i] - h.sent > TITLE_WINDOW:
            break
        name = h.key.split(":", 1)[-1]
        if h.kind in BODY_KINDS and len(name.split()) > 1 and name.split()[-1].lower() == noun:
            return i, j + 1, h
    return None


def _government_ref(doc: Doc, i: int, history: list[Seen], sent_of, lex: Lexicon):
    """'the regime', 'the administration' -> the state whose government was last named so
    ('the Asad regime', 'the Iraqi government') a few sentences before."""
    j = i + 1
    if j >= len(doc) or doc[j].lower_ not in ("regime", "government", "administration", "junta"):
        return None
    if j + 1 < len(doc) and doc[j + 1].lower_ == "of":
        return None  # "the government of X" names its own state
    for h in reversed(history):
        if sent_of[i] - h.sent > GROUP_WINDOW:
            break
        if h.kind == "state" and doc[h.end - 1].lower_ == doc[j].lower_:
            return i, j + 1, h
    return None


def _is_subject(span: Span) -> bool:
    root = span.root
    if root.dep_ in SUBJECT_DEPS:
        return True
    if root.dep_ in ("compound", "appos", "conj") and root.head.dep_ in SUBJECT_DEPS:
        return True
    # "according to X": X is the speaker
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"


def _verb(tok: Token) -> int | None:
    seen = 0
    while tok.head is not tok and seen < 20:
        tok = tok.head
        seen += 1
        if tok.pos_ in ("VERB", "AUX"):
            return tok.i
    return None


def _sentence_index(doc: Doc) -> list[int]:
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [0] * len(doc)
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for tok in sent:
            out[tok.i] = n
    return out
