"""Unnamed group actors: "Ugandan rebels", "Afghan rebel leaders", "opposition groups in Zimbabwe",
"Rebels in the Ivory Coast", "ethnic Albanians in south Serbia".

A plural group noun whose nationality (a demonym or a state's name before it) or whose location
("in/of/from COUNTRY", a capital) the same noun phrase gives is an actor of its own with that
country, the way event coders (CAMEO/PLOVER: UGAREB, ZWEOPP) code it: "Ugandan rebels" are not
the state of Uganda, but they are Ugandan. The state's own bodies ("Iraqi troops", "the Iraqi
government") stay the state (actors_mentions.STATE_BODY_NOUNS, extend_government).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .actors_lexicon import Lexicon
from .actors_mentions import Cand

# group noun (singular and plural, lower case) -> actor kind
GROUP_KINDS: dict[str, str] = {
    **{w: "armed_group" for w in (
        "rebel rebels insurgent insurgents militant militants militia militias guerrilla guerrillas "
        "jihadist jihadists extremist extremists separatist separatists gunmen fighters"
    ).split()},
    **{w: "organisation" for w in (
        "opposition dissident dissidents protester protesters protestors demonstrator demonstrators "
        "students workers farmers activists youths settlers elders parties groups unions strikers "
        "rioters monks clerics"
    ).split()},
    **{w: "other" for w in "civilians citizens nationals refugees migrants residents villagers".split()},
}
# nouns that may follow a group noun inside one group name: "rebel leaders", "opposition groups"
TRAILING_NOUNS = frozenset(
    "leader leaders commanders groups group parties party forces movement coalition candidates "
    "supporters negotiators delegation spokesman officials figures politicians".split()
)
PLACE_PREPS = frozenset(["in", "of", "from"])
INDEFINITES = frozenset(["a", "an", "one", "another", "some", "any"])
# a nationality word after "ethnic" names an identity, not the state: "ethnic Albanians in Serbia"
IDENTITY_CUES = frozenset(["ethnic"])


def kind_of(word: str) -> str | None:
    return GROUP_KINDS.get(word.lower())


def demonym_group(doc: Doc, start: int, end: int, iso3: str, lex: Lexicon) -> Cand | None:
    """'Ugandan rebels', 'Afghan rebel leaders', 'Ivory Coast rebels': a nationality (or a state's
    name) directly before a group noun names a group of that country, not the state. Before
    another people's name it says where they live: 'Bosnian Serbs' are a group of Bosnia."""
    j = end
    kind = None
    if j < len(doc) and (doc[j].text in lex.demonym_plurals or lex.identities.get(doc[j].text)):
        return Cand(start, j + 1, f"group:{iso3}:{doc[j].lower_}", doc[start:j + 1].text, "other", iso3, "demonym")
    # one adjective may sit between ("Radical French farmers" has it before, "Ugandan Muslim rebels" between)
    if j + 1 < len(doc) and kind_of(doc[j + 1].text) and doc[j].pos_ == "ADJ" and doc[j].is_lower:
        j += 1
    if j < len(doc) and kind_of(doc[j].text):
        kind = kind_of(doc[j].text)
        j += 1
    if kind is None:
        return None
    while j < len(doc) and doc[j].lower_ in TRAILING_NOUNS:
        j += 1
    return Cand(start, j, f"group:{iso3}:{doc[j - 1].lower_}", doc[start:j].text, kind, iso3, "demonym")


def located_groups(doc: Doc, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """'Rebels in the Ivory Coast', 'opposition groups in Zimbabwe', 'demonstrators in Baghdad':
    a group noun with no nationality of its own takes the country of the place its PP names
    (a state, or a capital: its country)."""
    if not doc.has_annotation("DEP"):
        return []
    taken = {i for c in cands for i in range(c.start, c.end)}
    state_at = {i: c for c in cands if c.kind == "state" and c.country for i in range(c.start, c.end)}
    out = []
    for tok in doc:
        kind = kind_of(tok.text)
        if kind is None and identity_starts(doc, tok.i) and (tok.text in lex.demonym_plurals or lex.identities.get(tok.text)):
            kind = "other"  # "ethnic Albanians in south Serbia"
        if kind is None or tok.i in taken or tok.tag_ not in ("NNS", "NN", "NNPS", "NNP") or tok.lower_ in ("groups", "parties", "unions", "workers", "students"):
            # bare "groups" or "workers in Iraq" are too vague to be an actor on their own
            if not (kind and tok.i not in taken and _has_group_modifier(tok)):
                continue
        country = _pp_country(tok, state_at, lex)
        if country is None:
            # "militants attacked": an armed group the text does not name is still one actor of
            # the article, without a country; a name before it ("Islamic State militants") is the group
            if kind != "armed_group" or tok.tag_ not in ("NNS", "NNPS") or (tok.i > 0 and tok.i - 1 in taken):
                continue
            if any(c.dep_ in ("compound", "amod", "poss") and c.i in taken for c in tok.children):
                continue
        start = _left_edge(tok, taken)
        name = doc[start:tok.i + 1].text
        out.append(Cand(start, tok.i + 1, f"group:{country or '-'}:{tok.lower_}", name, kind, country, "org"))
        taken.update(range(start, tok.i + 1))
    return out


def identity_starts(doc: Doc, start: int) -> bool:
    """'ethnic Albanians': the word names an identity, not the state's nationals."""
    return start > 0 and doc[start - 1].lower_ in IDENTITY_CUES


def _has_group_modifier(tok: Token) -> bool:
    # "opposition groups", "Muslim groups": a modifier that is itself a group word or a name
    return any(c.dep_ in ("compound", "amod") and (kind_of(c.text) or c.pos_ == "PROPN") for c in tok.children)


def _pp_country(tok: Token, state_at: dict[int, Cand], lex: Lexicon) -> str | None:
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for t in obj.subtree:
                if t.i in state_at:
                    return state_at[t.i].country
            key = lex.capitals.get(obj.text)
            if key is not None:
                return lex.entries[key].country
    return None


def _left_edge(tok: Token, taken: set[int]) -> int:
    """The group's own modifiers ("Seven opposition parties", "Angry activists"), not its determiner."""
    start = tok.i
    for child in sorted((c for c in tok.children if c.i < tok.i), key=lambda c: -c.i):
        if child.dep_ in ("amod", "compound", "nummod") and child.i == start - 1 and child.i not in taken:
            start = child.left_edge.i if all(t.i not in taken for t in child.subtree) else child.i
        else:
            break
    return start


def unnamed_officials(doc: Doc, chosen: list[Cand], lex: Lexicon) -> list[Cand]:
    """'Montenegro's prime minister', 'Cairo's security chief', 'the Iraqi defence minister': a
    title owned by a state (possessive or nationality) and followed by no name names one person,
    an actor of that country. A person the article names with the same title and country is
    the same actor ("Iraqi Prime Minister X ... the Iraqi prime minister")."""
    covered = {i for c in chosen for i in range(c.title_start if c.title_start is not None else c.start, c.end)}
    persons = [c for c in chosen if c.kind == "person"]
    longest = max((len(k) for k in lex.titles), default=1)
    out = []
    for cand in chosen:
        if cand.kind != "state" or not cand.country:
            continue
        j = cand.end
        if j < len(doc) and doc[j].text in ("'s", "’s"):
            j += 1
        first = j
        # qualifiers inside the title: "junior foreign minister", "security chief", "former"
        while j < len(doc) and not _title_at(doc, j, lex, longest) and ((doc[j].lower_,) in lex.title_modifiers or (doc[j].is_lower and doc[j].pos_ in ("ADJ", "NOUN") and _title_at(doc, j + 1, lex, longest))):
            j += 1
        n = _title_at(doc, j, lex, longest)
        if not n or any(i in covered for i in range(first, j + n)):
            continue
        end = j + n
        words = tuple(t.lower_ for t in doc[j:end])
        refs = lex.titles[words]
        if not refs or (end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN"):
            continue  # "Mr." names nobody; "President Joe Biden" is a named person
        dets = [c.lower_ for c in doc[end - 1].children if c.dep_ == "det"]
        det = dets[0] if dets else _determiner_before(doc, cand.start)
        if det in INDEFINITES:
            continue  # "a senior U.S. general": someone unidentified, no actor to follow
        start = cand.start - 1 if det == "the" else cand.start
        title = " ".join(words)
        same = next((p for p in persons if p.country == cand.country and refs & p.titles), None)
        compatriots = {p.key: p for p in persons if p.country == cand.country}
        if same is None and det == "the" and len(compatriots) == 1:
            # "The U.S. commander in the Middle East said ..." in a story about one U.S. officer
            same = next(iter(compatriots.values()))
        key, name = (same.key, same.name) if same else (f"person:{cand.country}:{title}", f"{title} of {lex.state(cand.country).name}")
        out.append(Cand(first, end, key, name, "person", cand.country, "person", titles=refs, title_start=start))
        covered.update(range(start, end))
    return out


def _determiner_before(doc: Doc, i: int) -> str:
    """The article before a noun phrase's modifiers ('a senior U.S. general' -> 'a')."""
    for j in range(i - 1, max(i - 4, -1), -1):
        word = doc[j].lower_
        if word in INDEFINITES or word == "the":
            return word
        if not (doc[j].is_alpha and doc[j].is_lower):
            break
    return ""


def _title_at(doc: Doc, j: int, lex: Lexicon, longest: int) -> int:
    """Length of the longest title starting at token j (0: none)."""
    for n in range(min(longest, len(doc) - j), 0, -1):
        if tuple(t.lower_ for t in doc[j:j + n]) in lex.titles:
            return n
    return 0


def state_after(doc: Doc, cand: Cand, chosen: list[Cand]) -> str | None:
    """'King Hassan of Morocco', 'President X of Chad': a titled person's 'of STATE' names the
    state the title belongs to."""
    j = cand.end
    if not cand.titles or j + 1 >= len(doc) or doc[j].lower_ != "of":
        return None
    j += 1
    if doc[j].lower_ == "the":
        j += 1
    state = next((c for c in chosen if c.start == j and c.kind == "state"), None)
    return state.country if state is not None else None


# offices held in one's own state: a holder whose nationality the text leaves out is, in wire
# style, of the state the story is about ("President Laurent Gbagbo ... in Ivory Coast")
DOMESTIC_TITLES = frozenset(
    "president,vice president,prime minister,premier,king,queen,emir,crown prince,chancellor,minister,"
    "foreign minister,defence minister,defense minister,interior minister,governor,judge".split(",")
)


def country_from_sentence(doc: Doc, chosen: list[Cand]) -> None:
    """A person holding a domestic office with no nationality in the text takes the country of
    the one state the sentence names, when it names exactly one (and not as another person's
    nationality: 'South African leader F.W. de Klerk' is his, not Mitterrand's)."""
    if not doc.has_annotation("SENT_START") and not doc.has_annotation("DEP"):
        return
    in_titles = {i for c in chosen if c.kind == "person" and c.title_start is not None for i in range(c.title_start, c.start)}
    learnt: dict[str, str] = {}
    for cand in chosen:
        if cand.kind != "person" or cand.country is not None or not (cand.titles & DOMESTIC_TITLES) or cand.key in learnt:
            continue
        sent = doc[cand.start].sent
        states = {
            c.country for c in chosen
            if c.country and c.kind != "person" and sent.start <= c.start < sent.end and c.start not in in_titles
        }
        if len(states) == 1:
            learnt[cand.key] = next(iter(states))
    for cand in chosen:
        if cand.kind == "person" and cand.country is None and cand.key in learnt:
            cand.country = learnt[cand.key]
