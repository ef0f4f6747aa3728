"""Finding named actor mentions: dictionary matches, descriptive groups, repaired NER entities.

Each finder returns `Cand`s (token spans with what they name); `actors.py` merges them into
actors. Nothing here changes `doc.ents`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .actors_lexicon import Entry, Lexicon

# Words after a demonym that name people opposed to, or apart from, that state's government:
# "Syrian rebels" are not Syria.
NON_STATE_AFTER_DEMONYM = frozenset(
    "rebel rebels opposition insurgent insurgents militant militants militia militias jihadist jihadists "
    "extremist extremists dissident dissidents protester protesters protestors refugee refugees civilian "
    "civilians citizen citizens national nationals migrants".split()
)
# "<state>-backed <noun>": a descriptive armed group sponsored by that state
BACKING_WORDS = frozenset("backed sponsored supported aligned allied funded armed linked affiliated".split())
GROUP_NOUNS = frozenset(
    "forces force militants militant militias militia groups group fighters rebels proxies proxy "
    "insurgents paramilitaries paramilitary factions faction".split()
)
# "<state>'s proxies", "<state>'s proxy militias"
PROXY_NOUNS = frozenset("proxies proxy allies".split())
POSSESSIVE = frozenset(["'s", "’s", "'"])
# places named after a person or org ("al-Assad air base"): such an ORG is a place, not an actor
PLACE_HEADS = frozenset("base airbase airfield airport air port camp compound garrison outpost embassy".split())
LOCATIVE_PREPS = frozenset("in at near from into inside outside around across toward towards through via".split())
# "U.S. Forces", "Iraqi Military": the state itself, not a separate organisation
STATE_BODY_NOUNS = frozenset("troops military personnel army armed forces governments soldiers".split())
SPEECH_VERBS = frozenset("say tell add note warn state explain announce claim insist argue write ask reply respond declare stress".split())
ENTITY_LABELS = frozenset(["PERSON", "ORG", "NORP", "GPE"])
NAME_ONLY_LABELS = frozenset(["LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"])


@dataclass
class Cand:
    start: int  # token offsets [start, end)
    end: int
    key: str  # actor key: lexicon key, "person:<name>", "backed:<ISO3>", "org:<text>"
    name: str
    kind: str
    country: str | None
    source: str  # dict | demonym | capital | backed | ner | surname
    titles: frozenset[str] = field(default_factory=frozenset)
    title_start: int | None = None  # first token of a title preceding a person's name
    head_noun: str | None = None  # "group" in "the al-Qaeda extremist group"

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


def build_matchers(nlp, lex: Lexicon) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    groups: dict[str, list[str]] = {}
    for alias, key in lex.aliases.items():
        groups.setdefault("A|" + key, []).append(alias)
    for capital, key in lex.capitals.items():
        groups.setdefault("C|" + key, []).append(capital)
    for demonym, iso3 in lex.demonyms.items():
        groups.setdefault("D|" + iso3, []).append(demonym)
    for identity in lex.identities:
        if identity not in lex.demonyms:
            groups.setdefault("I|identity", []).append(identity)
    for label, surfaces in groups.items():
        variants: set[str] = set()
        for surface in surfaces:
            variants.add(surface)
            # "al-Qaeda" starts a sentence as "Al-Qaeda"
            variants.add(surface[0].upper() + surface[1:])
        # "Da'esh" is also typeset "Da’esh"
        variants |= {v.replace("'", "’") for v in variants}
        matcher.add(label, [nlp.make_doc(v) for v in sorted(variants)])
    return matcher


def dictionary_cands(doc: Doc, matcher: PhraseMatcher, lex: Lexicon) -> list[Cand]:
    from . import actors_groups as ag  # it builds Cands: imported here, after this module is complete

    out = []
    for match_id, start, end in matcher(doc):
        label = doc.vocab.strings[match_id]
        tag, ref = label.split("|", 1)
        if tag == "I":
            continue  # an identity ("Kurdish") is a nationality mention, not an actor
        if tag == "D":
            entry = lex.state(ref)
            if ag.identity_starts(doc, start):
                continue  # "ethnic Albanians" are an identity group, not Albania
            group = ag.demonym_group(doc, start, end, ref, lex)
            if group is not None:
                out.append(group)  # "Ugandan rebels": Ugandan, but not the state
                continue
            if _next_word(doc, end) in NON_STATE_AFTER_DEMONYM:
                continue
            out.append(Cand(start, end, entry.key, entry.name, entry.kind, entry.country, "demonym"))
            continue
        entry = lex.entries[ref]
        if tag == "A" and entry.kind == "state" and entry.country:
            group = ag.demonym_group(doc, start, end, entry.country, lex)
            if group is not None:
                out.append(group)  # "Ivory Coast rebels"
                continue
        if tag == "C" and not _political_context(doc, start, end):
            continue
        out.append(Cand(start, end, entry.key, entry.name, entry.kind, entry.country, "capital" if tag == "C" else "dict"))
    return out


def nationality_spans(doc: Doc, matcher: PhraseMatcher, lex: Lexicon, cands: list[Cand], ids: dict[str, str]) -> list[Span]:
    """Nationality and identity words as written ("Iraqi", "Kurdish", "Yazidis"), nested ones too
    ("Iraqi" in "Iraqi Security Forces"). label_ is the state's ISO3 ("identity" for an ethnic or
    religious group), kb_id_ the state's actor id when the article has that actor. A state's plural
    ("Iraqis") names people, an actor, and is left out; so is a word inside a state's name
    ("Arab" in "United Arab Emirates")."""
    names = [c for c in cands if c.kind == "state" and c.source == "dict"]
    out = []
    for match_id, start, end in matcher(doc):
        tag, ref = doc.vocab.strings[match_id].split("|", 1)
        if tag not in ("D", "I"):
            continue
        if doc[start:end].text in lex.demonym_plurals:
            continue
        if any(c.start <= start and end <= c.end and (c.start, c.end) != (start, end) for c in names):
            continue
        if tag == "D":
            out.append(Span(doc, start, end, label=ref, kb_id=ids.get(lex.state_key(ref), "")))
        else:
            out.append(Span(doc, start, end, label="identity"))
    return sorted(out, key=lambda s: (s.start, s.end))


def _next_word(doc: Doc, i: int) -> str | None:
    return doc[i].lower_ if i < len(doc) else None


def _political_context(doc: Doc, start: int, end: int) -> bool:
    """A capital stands for its government unless the text uses it as a location."""
    last = doc[end - 1]
    if _next_word(doc, end) in PLACE_HEADS or (end < len(doc) and doc[end].ent_type_ in ("FAC",)):
        return False
    if last.dep_ == "compound":
        return False
    if last.dep_ == "pobj" and last.head.lower_ in LOCATIVE_PREPS:
        return False
    if start > 0 and doc[start - 1].lower_ in LOCATIVE_PREPS and not doc.has_annotation("DEP"):
        return False
    return True


def extend_government(doc: Doc, cands: list[Cand], lex: Lexicon) -> None:
    """'the Iraqi government', 'Iran's regime', 'the Biden administration' name the state."""
    for cand in cands:
        if cand.kind != "state":
            continue
        end = cand.end
        if end < len(doc) and doc[end].text in POSSESSIVE:
            end += 1
        if end < len(doc) and doc[end].lower_ in lex.government_nouns and end + 1 - cand.start > 1:
            cand.end = end + 1


def leader_cands(doc: Doc, lex: Lexicon) -> list[Cand]:
    """'<leader surname> administration' is that leader's state."""
    out = []
    for token in doc[:-1]:
        if token.text not in lex.leaders:
            continue
        # "Assad regime", "Assad's regime", "Assad's brutal regime"
        j = token.i + 1
        if doc[j].text in POSSESSIVE:
            j += 1
        if j + 1 < len(doc) and doc[j].is_lower and doc[j].pos_ == "ADJ" and doc[j + 1].lower_ in lex.government_nouns:
            j += 1
        if j < len(doc) and doc[j].lower_ in lex.government_nouns:
            iso3 = lex.leaders[token.text][1]
            entry = lex.state(iso3)
            out.append(Cand(token.i, j + 1, entry.key, entry.name, "state", iso3, "dict"))
    return out


def backed_cands(doc: Doc, state_cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """'Iranian-backed forces', 'Iran-backed Shiite militias', "Iran's proxies"."""
    out = []
    for cand in state_cands:
        if cand.kind != "state" or cand.country is None:
            continue
        i = cand.end
        group_at = None
        if i + 1 < len(doc) and doc[i].text in ("-", "–") and doc[i + 1].lower_ in BACKING_WORDS:
            # up to two modifiers ("Shiite", "paramilitary") before the group noun
            for j in range(i + 2, min(i + 5, len(doc))):
                if doc[j].lower_ in GROUP_NOUNS:
                    group_at = j
                    if j + 1 < len(doc) and doc[j + 1].lower_ in GROUP_NOUNS:
                        group_at = j + 1  # "proxy forces"
                    break
                if not (doc[j].is_alpha and (doc[j].is_title or doc[j].pos_ in ("ADJ", "PROPN"))):
                    break
        elif i + 1 < len(doc) and doc[i].text in POSSESSIVE and doc[i + 1].lower_ in PROXY_NOUNS:
            group_at = i + 1
            if i + 2 < len(doc) and doc[i + 2].lower_ in GROUP_NOUNS:
                group_at = i + 2
        if group_at is None:
            continue
        start = cand.start
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        state = lex.state(cand.country)
        out.append(Cand(start, group_at + 1, f"backed:{cand.country}", f"{state.name}-backed militias", "armed_group", None, "backed"))
    return out


def entity_parts(doc: Doc, ent: Span) -> list[Span]:
    """An NER entity cut at line breaks and possessives, without a leading 'the'."""
    parts, start = [], ent.start
    for tok in ent:
        cut_after = "\n" in tok.whitespace_
        if tok.is_space or tok.text in POSSESSIVE:
            if tok.i > start:
                parts.append(doc[start:tok.i])
            start = tok.i + 1
            continue
        if cut_after:
            parts.append(doc[start:tok.i + 1])
            start = tok.i + 1
    if start < ent.end:
        parts.append(doc[start:ent.end])
    out = []
    for part in parts:
        if len(part) and part[0].lower_ == "the":
            part = doc[part.start + 1:part.end]
        if len(part):
            out.append(part)
    return out


def title_before(doc: Doc, start: int, lex: Lexicon, cands_by_end: dict[int, Cand]) -> tuple[int, frozenset[str], str | None]:
    """Extend a person's name leftwards over its title ('Iraqi Prime Minister', 'Navy Gen.').

    Returns (first title token, reference nouns, country named in the title).
    """
    pos, refs, country, found_title = start, set(), None, False
    longest = max((len(k) for k in lex.titles), default=1)
    while pos > 0:
        step = _phrase_ending(doc, pos, lex.titles.keys(), longest)
        if step:
            refs |= lex.titles[tuple(t.lower_ for t in doc[pos - step:pos])]
            found_title = True
            pos -= step
            continue
        step = _phrase_ending(doc, pos, lex.title_modifiers, 2)
        if step:
            pos -= step
            continue
        # a nationality or organisation before a title: "Iraqi Prime Minister", "Iran's Supreme Leader",
        # also past lower-case qualifiers: "Nigerian junior foreign minister", "Iran's religious leader"
        cand = None
        for skip in range(3):
            at = pos - skip
            if skip and not (at >= 0 and doc[at].is_lower and doc[at].is_alpha and doc[at].pos_ in ("ADJ", "NOUN", "")):
                break
            before = at - 1 if at > 0 and doc[at - 1].text not in POSSESSIVE else at - 2
            cand = cands_by_end.get(before + 1)
            if cand is not None:
                break
        if found_title and cand is not None and cand.kind in ("state", "military", "government"):
            country = country or cand.country
            pos = cand.start
            continue
        break
    if not found_title:
        return start, frozenset(), None
    return pos, frozenset(refs), country


def split_title(doc: Doc, span: Span, lex: Lexicon, starts: dict[int, Cand] | None = None) -> tuple[int, frozenset[str]]:
    """Where the name starts inside a PERSON entity that includes its title ('Gen. Mark Milley',
    'Pentagon Spokesperson Alyssa Farah')."""
    pos, refs, name_at = span.start, set(), span.start
    longest = max((len(k) for k in lex.titles), default=1)
    starts = starts or {}
    while pos < span.end - 1:
        for n in range(min(longest, span.end - 1 - pos), 0, -1):
            words = tuple(t.lower_ for t in doc[pos:pos + n])
            if words in lex.titles or words in lex.title_modifiers:
                refs |= lex.titles.get(words, frozenset())
                pos += n
                if words in lex.titles:
                    name_at = pos
                break
        else:
            cand = starts.get(pos)
            # an organisation or nationality inside the title counts only when a title follows it
            if cand is not None and cand.kind in ("state", "military", "government") and cand.end < span.end - 1:
                pos = cand.end
                continue
            break
    if name_at == span.start:
        # only modifiers were seen ("Navy"): no title, keep the entity as it is unless it led to a title
        return (pos if refs else span.start), frozenset(refs)
    return name_at, frozenset(refs)


def _phrase_ending(doc: Doc, pos: int, phrases, longest: int) -> int:
    for n in range(min(longest, pos), 0, -1):
        if tuple(t.lower_ for t in doc[pos - n:pos]) in phrases:
            return n
    return 0


def is_place_like(doc: Doc, span: Span) -> bool:
    """An ORG entity naming a site ('al-Assad air base') rather than an organisation."""
    i = span.end
    while i < len(doc) and doc[i].lower_ in ("air", "naval", "military", "army"):
        i += 1
    return _next_word(doc, i) in PLACE_HEADS or span.root.lower_ in PLACE_HEADS


def token_in(token: Token, cands: list[Cand]) -> Cand | None:
    for cand in cands:
        if cand.start <= token.i < cand.end:
            return cand
    return None
