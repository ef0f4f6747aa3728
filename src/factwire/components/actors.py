"""factwire_actors: who the article is about, one record per real-world actor.

Reads spaCy's NER and parse; adds a dictionary match (data/actors.yaml, demonyms.tsv,
actors_titles.tsv). Writes `doc._.fw_actors` (schema.Actor, ids a1, a2, ... in order of first
mention), the span group "fw_actors" (every named mention) and "fw_actor_refs" (pronouns and
titles resolved to an actor: "he", "the general", "the group"). `doc.ents` is left alone.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import schema
from ..docext import evidence
from . import actors_groups as ag
from . import actors_mentions as am
from .actors_lexicon import Lexicon, load
from .actors_refs import resolve_refs
from .equipment_lexicon import EquipmentLexicon

# Which finder wins when two mentions overlap (after length): a dictionary name beats an NER guess.
PRIORITY = {"backed": 0, "dict": 1, "person": 2, "surname": 3, "org": 4, "demonym": 5, "capital": 6}
# Role nouns whose nationality makes a person's country: "the U.S. commander", "Iraq's prime minister".
ROLE_NOUNS = frozenset(
    "commander chief head leader minister president secretary spokesman spokeswoman spokesperson "
    "ambassador envoy general admiral officer official diplomat director adviser advisor".split()
)

# First words of ORG entities that name no organisation: operations, laws, documents
# Last words that make a capitalised phrase a heading or a group, not a person's name
NOT_NAME_WORDS = frozenset(
    "statement statements soldiers troops forces personnel removal release briefing report photo photos "
    "readout transcript remarks team teams unit units".split()
)
ROMAN = frozenset("II III IV VI VII VIII".split())
ARABIC_ARTICLES = frozenset("al el as ad ash an at az ar".split())
NOT_ORG_FIRST_WORDS = frozenset("Operation Law Treaty Resolution Book Statement Agreement Communique Communiqué".split())


@Language.factory(
    "factwire_actors",
    requires=["doc.ents"],
    assigns=["doc._.fw_actors", "doc.spans"],
)
def make_actors(nlp: Language, name: str):
    return ActorsComponent(nlp, load())


class ActorsComponent:
    def __init__(self, nlp: Language, lex: Lexicon):
        self.lex = lex
        self.matcher = am.build_matchers(nlp, lex)
        # an ORG entity the weapons lexicon reads whole ("VBIED", "HMS Daring") is equipment
        self.equipment = EquipmentLexicon()

    def __call__(self, doc: Doc) -> Doc:
        cands = self.find(doc)
        actors, spans, ids = self.to_actors(doc, cands)
        doc._.fw_actors = actors
        doc.spans["fw_actors"] = spans
        refs = resolve_refs(doc, cands, ids, self.lex)
        doc.spans["fw_actor_refs"] = refs
        doc.spans["fw_nationalities"] = am.nationality_spans(doc, self.matcher, self.lex, cands, ids)
        by_id = {a.id: a for a in actors}
        for ref in refs:
            # "the prime minister" is a name the text gives the actor; "he" is not
            alias = _clean(ref.text)
            if len(ref) > 1 and ref.label_ == "person" and alias not in by_id[ref.kb_id_].aliases:
                by_id[ref.kb_id_].aliases.append(alias)
        return doc

    # --- finding mentions ---------------------------------------------------------------

    def find(self, doc: Doc) -> list[am.Cand]:
        lex = self.lex
        header = _header_ranges(doc)
        found = am.dictionary_cands(doc, self.matcher, lex) + am.leader_cands(doc, lex)
        am.extend_government(doc, found, lex)
        found += am.backed_cands(doc, found, lex)
        dict_cands = [c for c in found if c.source != "demonym"] + [c for c in found if c.source == "demonym"]

        starts = {c.start: c for c in dict_cands}
        persons: list[am.Cand] = []
        orgs: list[am.Cand] = []
        blocked: set[int] = set()  # tokens inside longer non-actor entities ("New Jersey")
        for ent in doc.ents:
            for part in am.entity_parts(doc, ent):
                if _in_ranges(part, header):
                    blocked.update(range(part.start, part.end))
                    continue
                covered = _covered(part, dict_cands)
                if ent.label_ == "PERSON" and not covered:
                    name_start, refs = am.split_title(doc, part, lex, starts)
                    inside_dict = any(c.start < part.end and part.start < c.end for c in dict_cands if c.start >= name_start)
                    if not inside_dict and self._person_ok(doc, doc[name_start:part.end], bool(refs)):
                        persons.append(am.Cand(name_start, part.end, "", "", "person", None, "person", titles=refs))
                elif ent.label_ == "ORG" and not covered and self._org_ok(doc, part, dict_cands):
                    inner = [c for c in dict_cands if part.start <= c.start and c.end <= part.end and c.country]
                    country = inner[0].country if inner else None
                    text = _clean(part.text)
                    orgs.append(am.Cand(part.start, part.end, f"org:{text}", text, "organisation", country, "org"))
                elif ent.label_ not in ("PERSON", "ORG", "NORP") and not covered:
                    blocked.update(range(part.start, part.end))
        header_toks = {t.i for t in doc if any(a <= t.idx < b for a, b in header)}
        dict_cands = [c for c in dict_cands if not (set(range(c.start, c.end)) & header_toks)]
        # a state name inside a longer place name ("New Jersey") is not the state
        dict_cands = [c for c in dict_cands if not (c.kind == "state" and set(range(c.start, c.end)) <= blocked and _strictly_inside(c, doc))]

        orgs += _coalition_cands(doc, dict_cands + orgs, self.lex)
        orgs += ag.located_groups(doc, dict_cands + orgs + persons, self.lex)
        self._name_persons(doc, persons)
        surnames = self._surname_cands(doc, persons, header_toks)
        chosen = _select(dict_cands + persons + surnames + orgs)
        by_end = {c.end: c for c in chosen if c.kind != "person"}
        for cand in chosen:
            if cand.kind == "person":
                start, refs, country = am.title_before(doc, cand.start, lex, by_end)
                if start < cand.start:
                    cand.title_start = start
                cand.titles = cand.titles | refs
                cand.country = cand.country or country or ag.state_after(doc, cand, chosen)
            elif cand.kind == "armed_group":
                cand.head_noun = _head_noun(doc, cand)
        _countries_from_apposition(doc, chosen)
        ag.country_from_sentence(doc, chosen)
        return sorted(chosen + ag.unnamed_officials(doc, chosen, lex), key=lambda c: c.start)

    def _org_ok(self, doc: Doc, part: Span, dict_cands: list[am.Cand]) -> bool:
        lex = self.lex
        if any(tuple(t.lower_ for t in part[i:]) in lex.titles for i in range(len(part))):
            return False  # "Navy" or "Marine Corps Sgt" is the title of a person who follows
        if part.end < len(doc) and any(tuple(t.lower_ for t in doc[part.start + i:part.end + 1]) in lex.titles for i in range(len(part))):
            return False  # "British Defence" + "Secretary Tom King": the entity took half a title
        if tuple(t.lower_ for t in part) in lex.title_modifiers or all((t.lower_,) in lex.title_modifiers for t in part):
            return False
        names = {tuple(t.text for t in e) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
        if any(tuple(t.text for t in part[i:]) in names for i in range(1, len(part) - 1)):
            return False  # "Minister for the Middle East Tobias Ellwood": a title and a person's name
        if part[0].text in NOT_ORG_FIRST_WORDS:
            return False  # "Operation Inherent Resolve" is a campaign, "Law of Armed Conflict" a body of law
        if any(c.start == 0 and c.end == len(part.text) for c in self.equipment.match(part.text)):
            return False
        if any(t.text in "()[]" for t in part) or (len(part) == 1 and not (part[0].is_upper and len(part[0]) > 1)):
            return False  # a lone capitalised word ("Here", "Defense") is rarely an organisation
        inner = [c for c in dict_cands if part.start <= c.start and c.end <= part.end]
        if any(c.kind != "state" for c in inner):
            return False  # "UN Security Council Resolution", "NATO Allies": the named body is the actor
        covered = {i for c in inner for i in range(c.start, c.end)}
        rest = [t for t in part if t.i not in covered and t.is_alpha and not t.is_stop]
        # what the state's name is extended by must be a name, not "forces" or "government"
        generic = am.GROUP_NOUNS | lex.government_nouns | am.STATE_BODY_NOUNS
        if inner and not any(t.lower_ not in generic and (t.is_title or t.is_upper) for t in rest):
            return False
        if not rest:
            return False
        return not am.is_place_like(doc, part)

    def _person_ok(self, doc: Doc, name: Span, titled: bool) -> bool:
        if not len(name) or any(t.like_num or any(ch.isdigit() for ch in t.text) for t in name):
            return False
        if tuple(t.lower_ for t in name) in self.lex.titles or all(tuple([t.lower_]) in self.lex.titles or (t.lower_,) in self.lex.title_modifiers or not t.is_alpha for t in name):
            return False  # "Lance Cpl" alone
        if _junk_name(doc, name):
            return False
        if len(name.text.split()) > 1 or titled:
            return True
        # a lone word needs support: a title before it, a known leader, or a speech verb it is subject of
        tok = name[-1]
        _, refs, _ = am.title_before(doc, name.start, self.lex, {})
        return bool(refs) or tok.text in self.lex.leaders or (
            tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in am.SPEECH_VERBS
        )

    def _name_persons(self, doc: Doc, persons: list[am.Cand]) -> None:
        """Canonical names: the longest full name a surname belongs to, or a known leader's."""
        names = [_clean(doc[c.start:c.end].text) for c in persons]
        for cand, text in zip(persons, names):
            name, country = text, None
            words = text.lower().split()
            # "Mackenzie", "Bin Laden": the longest full name in the article that ends with these words
            longer = [n for n in names if len(n.split()) > len(words) and n.lower().split()[-len(words):] == words]
            if longer:
                name = max(longer, key=len)
            surname = name.split()[-1]
            known = self.lex.leaders.get(name) or self.lex.leaders.get(surname)
            if known and (name == surname or known[0] == name or _initials_agree(name, known[0])):
                name, country = known
            cand.key, cand.name, cand.country = f"person:{name}", name, country

    def _surname_cands(self, doc: Doc, persons: list[am.Cand], header_toks: set[int]) -> list[am.Cand]:
        """Later bare surnames the NER missed or mislabelled ('Mackenzie' as LOC)."""
        known: dict[tuple[str, ...], am.Cand] = {}
        for cand in persons:
            name_toks = doc[cand.start:cand.end]
            if len(cand.name.split()) < 2:
                continue
            # the surname is the last whitespace-separated word, which may be several tokens (al-Kazimi)
            first = cand.end - 1
            while first > cand.start and not doc[first - 1].whitespace_:
                first -= 1
            known.setdefault(tuple(t.text for t in doc[first:cand.end]), cand)
            # "al-Abadi" is later "Abadi": the Arabic article may be dropped
            if first + 2 < cand.end and doc[first].lower_ in ARABIC_ARTICLES and doc[first + 1].text == "-":
                known.setdefault(tuple(t.text for t in doc[first + 2:cand.end]), cand)
            known.setdefault(tuple(t.text for t in name_toks), cand)
        out = []
        for words, cand in known.items():
            n = len(words)
            for i in range(len(doc) - n + 1):
                if tuple(t.text for t in doc[i:i + n]) == words and words[0][:1].isupper() and i not in header_toks:
                    out.append(am.Cand(i, i + n, cand.key, cand.name, "person", cand.country, "surname"))
        return out

    # --- building records ----------------------------------------------------------------

    def to_actors(self, doc: Doc, cands: list[am.Cand]) -> tuple[list[schema.Actor], list[Span], dict[str, str]]:
        actors: dict[str, schema.Actor] = {}
        spans = []
        def first_token(c: am.Cand) -> int:
            return c.title_start if c.title_start is not None else c.start

        # a titled person ("Iraqi Prime Minister X") comes before the state nested in its title
        for cand in sorted(cands, key=lambda c: (first_token(c), -c.end)):
            start = first_token(cand)
            if cand.key not in actors:
                actors[cand.key] = schema.Actor(
                    id=f"a{len(actors) + 1}", name=cand.name, kind=cand.kind, country=cand.country
                )
            actor = actors[cand.key]
            actor.country = actor.country or cand.country
            mention = doc[start:cand.end]
            actor.mentions.append(evidence(doc, mention.start_char, mention.end_char))
            for alias in (_clean(mention.text), _clean(doc[cand.start:cand.end].text)):
                if alias not in actor.aliases:
                    actor.aliases.append(alias)
            spans.append(Span(doc, start, cand.end, label=cand.kind, kb_id=actor.id))
        return list(actors.values()), spans, {key: actor.id for key, actor in actors.items()}


def _junk_name(doc: Doc, name: Span) -> bool:
    """What NER takes for a name in headings, captions and signatures: 'Joint Statement',
    'Debris Removal Soldiers', 'Derek Mustard VIRIN' (a photo id), 'JOSEPH R. BIDEN JR' (a signature
    in capitals; a transcript's 'SECRETARY KERRY:' before a colon is kept)."""
    words = [t for t in name if t.is_alpha]
    if name[-1].lower_ in NOT_NAME_WORDS:
        return True
    if any(t.is_upper and len(t) >= 3 and t.text not in ROMAN for t in words[1:]) and not all(t.is_upper for t in words):
        return True
    if len(words) > 1 and all(t.is_upper for t in words):
        return not (name.end < len(doc) and doc[name.end].text == ":")
    return False


def _coalition_cands(doc: Doc, cands: list[am.Cand], lex: Lexicon) -> list[am.Cand]:
    """'the Coalition', 'coalition forces': the coalition named before in the article (or after),
    else an unnamed coalition."""
    named = [c for c in cands if c.source == "dict" and "coalition" in c.name.lower()]
    taken = {i for c in cands for i in range(c.start, c.end)}
    out = []
    for tok in doc:
        if tok.lower_ != "coalition" or tok.i in taken:
            continue
        if tok.i > 0 and doc[tok.i - 1].lower_ in ("anti", "-"):
            continue  # "anti-coalition forces" are the coalition's enemies
        before = [c for c in named if c.end <= tok.i]
        ref = before[-1] if before else (named[0] if named else None)
        if ref is not None:
            out.append(am.Cand(tok.i, tok.i + 1, ref.key, ref.name, ref.kind, ref.country, "org"))
        else:
            out.append(am.Cand(tok.i, tok.i + 1, "org:Coalition", "Coalition", "organisation", None, "org"))
    return out


def _select(cands: list[am.Cand]) -> list[am.Cand]:
    """Non-overlapping mentions: longest first, then by finder priority."""
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), PRIORITY[c.source], c.start))
    taken: set[int] = set()
    out = []
    for cand in ranked:
        toks = set(range(cand.start, cand.end))
        if toks & taken:
            continue
        taken |= toks
        out.append(cand)
    return sorted(out, key=lambda c: c.start)


def _covered(part: Span, cands: list[am.Cand]) -> bool:
    toks = set(range(part.start, part.end))
    covered: set[int] = set()
    for cand in cands:
        covered |= set(range(cand.start, cand.end))
    return toks <= covered


def _strictly_inside(cand: am.Cand, doc: Doc) -> bool:
    ent_types = {doc[i].ent_type_ for i in (cand.start - 1, cand.end) if 0 <= i < len(doc)}
    return bool(ent_types - {""})


def _in_ranges(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= span.start_char < b for a, b in ranges)


def _header_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Byline and dateline: their names are the article's authors and place, not actors."""
    ranges = []
    offset = 0
    for line in doc.text.split("\n")[:4]:
        if re.match(r"\s*By\s+[A-Z]", line):
            ranges.append((offset, offset + len(line)))
        # "WASHINGTON –", "BAGHDAD, Iraq (AP) —": a dateline opening the story's first line
        dateline = re.match(r"\s*[A-Z][A-Z .'-]+[A-Z](?:,\s*[A-Z][\w. ]+)?(?:\s*\([A-Za-z]+\))?\s*[–—-]", line)
        if dateline:
            ranges.append((offset, offset + dateline.end()))
        offset += len(line) + 1
    article = doc._.fw_article
    dateline = getattr(article, "dateline", None) if article is not None else None
    if dateline:
        match = re.search(r"(?:^|\n)\s*(" + re.escape(dateline) + r")\b", doc.text[:2000])
        if match:
            ranges.append((match.start(1), match.end(1)))
    return ranges


def _head_noun(doc: Doc, cand: am.Cand) -> str | None:
    """'group' in 'the al-Qaeda extremist group': what the text called the group."""
    for i in range(cand.end, min(cand.end + 3, len(doc))):
        if doc[i].lower_ in am.GROUP_NOUNS:
            return doc[i].lower_
        if not doc[i].is_alpha:
            break
    return None


def _countries_from_apposition(doc: Doc, cands: list[am.Cand]) -> None:
    """'Mackenzie, who led U.S. Central Command', 'X, the U.S. commander': the person's country."""
    if not doc.has_annotation("DEP"):
        return
    by_token = {i: c for c in cands for i in range(c.start, c.end)}
    for cand in cands:
        if cand.kind != "person" or cand.country is not None:
            continue
        root = doc[cand.start:cand.end].root
        for child in root.children:
            if child.dep_ not in ("appos", "relcl", "acl"):
                continue
            for tok in child.subtree:
                other = by_token.get(tok.i)
                if other is None or other is cand or other.country is None:
                    continue
                if other.kind in ("military", "government") or (
                    other.kind == "state" and _modifies_role(doc[other.end - 1])
                ):
                    cand.country = other.country
                    break
            if cand.country:
                break
    # share what one mention learnt with the person's other mentions
    country = {}
    for cand in cands:
        if cand.kind == "person" and cand.country:
            country.setdefault(cand.key, cand.country)
    for cand in cands:
        if cand.kind == "person" and cand.country is None:
            cand.country = country.get(cand.key)


def _modifies_role(token) -> bool:
    head = token.head
    if token.dep_ in ("compound", "amod", "poss", "nmod") and head.lower_ in ROLE_NOUNS:
        return True
    # "commander of Iraq's forces" is weaker; only a direct modifier counts
    return False


def _initials_agree(name: str, full: str) -> bool:
    """'J. Blinken' may be 'Antony J. Blinken': given names are initials or words of the full name."""
    given, known = name.split()[:-1], full.split()[:-1]
    return all(re.fullmatch(r"[A-Z]\.", w) or w in known for w in given)


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^(?:the|The)\s+", "", text)
