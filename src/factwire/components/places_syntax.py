"""Is a name mention used as a place here, or as an actor? (factwire_places' syntactic filter)

"Iran fired a missile", "Iran's production", "U.S. forces": the name stands for a state acting
or owning (the actors component takes it). "troops in Iraq", "invaded Iraq", "near Baghdad
airport": it is a location. The rules read the dependency parse around the mention's head.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# Prepositions whose object is a location whatever governs them.
LOCATIVE_PREPS = frozenset(
    "in at near from across throughout into inside outside around within through beyond along off via "
    "onto above below beside underneath amid amidst en".split()
)
# Prepositions whose object is a location only after a movement word ("returned to Iraq",
# "north of Baghdad", "border between Iraq and Syria").
DIRECTED_PREPS = frozenset({"to", "toward", "towards", "of", "between", "on", "over", "past"})
# Verbs (lemmas) whose direct object is a place: movement, presence and attack.
PLACE_OBJECT_VERBS = frozenset(
    "invade enter leave visit reach cross occupy capture seize retake recapture liberate evacuate flee "
    "storm raid besiege surround patrol tour overrun annex blockade bomb shell strike hit attack "
    "fly travel return move deploy arrive go come head march advance withdraw retreat relocate send "
    "transfer redeploy station base land sail push drive escape exit encircle defend control hold "
    "rule govern abandon quit depart shift".split()
)
# ...of those, the ones that take a place as object (not as the destination of "to").
_OBJECT_ONLY_EXCLUDE = frozenset({"send", "transfer", "drive", "push", "move", "shift"})
# Nouns after which "of"/"to"/"'s" introduce a location ("the capital of Iraq", "Iraq's north").
GEO_NOUNS = frozenset(
    "capital city town village province region area part parts north south east west northeast northwest "
    "southeast southwest centre center heart outskirts suburb suburbs border borders coast coastline "
    "frontier territory territories airspace waters soil interior countryside district county state "
    "governorate oblast outside inside edge side rest out trip visit journey flight road route return "
    "way access gateway entrance deployment corridor".split()
)
# Words for a share of an area: "much of Afghanistan", "large swaths of Syria", "half of Ukraine".
_SHARE_WORDS = frozenset("much most half all swath swaths swathe swathes bulk majority portion portions chunk chunks "
                         "corner corners section sections stretch stretches tract tracts".split())
# Forces sent somewhere: "4,000 troops for Afghanistan" (lemmas).
_FORCE_NOUNS = frozenset("troop force soldier personnel reinforcement marine brigade battalion unit".split())
# Departures whose "for" names the destination: "left for Kabul", "bound for Odesa".
_FOR_DESTINATION_VERBS = frozenset("leave depart head bind sail board".split())
# Adjectives that take "to" for location ("close to Kyiv").
_NEAR_WORDS = frozenset({"close", "near", "next", "adjacent", "nearby", "closer"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# Features that name a state or an area standing for its people ("U.S. troops", "Gulf states").
_STATE_LIKE = frozenset({"country", "region", "water", "admin", "other"})


def governing(token: Token) -> Token:
    """Climb coordination and apposition: "Iraq and Syria" share the first conjunct's role."""
    seen = 0
    while token.dep_ in ("conj", "appos") and token.head is not token and seen < 10:
        token = token.head
        seen += 1
    return token


def used_as_place(span: Span, feature: str, other_places: set[int]) -> bool:
    """True when `span` (a resolved or unresolved name) is used as a location.

    `other_places` holds the token indices of the document's other place mentions, so
    "Iraq's Anbar province" keeps "Iraq" as a place.
    """
    doc = span.doc
    if not doc.has_annotation("DEP"):
        return True  # no parse: nothing to tell actors apart by
    if _listed_with_actors(span.root, other_places):
        return False
    root = governing(span.root)
    dep = root.dep_
    head = root.head
    if dep in _SUBJECT_DEPS:
        return False
    if dep == "nsubjpass":
        # "Kabul was captured": a place undergoing an attack or a move
        return head.lemma_.lower() in PLACE_OBJECT_VERBS
    if dep == "poss":
        return head.lemma_.lower() in GEO_NOUNS or head.i in other_places
    if dep in ("dobj", "obj", "dative", "attr", "oprd"):
        lemma = head.lemma_.lower()
        return lemma in PLACE_OBJECT_VERBS and lemma not in _OBJECT_ONLY_EXCLUDE
    if dep in ("pobj", "pcomp"):
        return _locative_prep(head, feature)
    if dep in _MODIFIER_DEPS and feature in _STATE_LIKE:
        # "U.S. forces", "Gulf War": a state or area modifying a thing is not where it is
        return head.lemma_.lower() in GEO_NOUNS or head.i in other_places
    return True


def _locative_prep(prep: Token, feature: str) -> bool:
    word = prep.lower_
    if word in LOCATIVE_PREPS:
        return True
    if word == "for":
        # "troops for Afghanistan", "left for Kabul": a destination; "sanctions for Iran" is not
        lemma = prep.head.lemma_.lower()
        return lemma in _FORCE_NOUNS or lemma in _FOR_DESTINATION_VERBS or prep.head.lower_ == "bound"
    if word not in DIRECTED_PREPS:
        return False  # with, for, against, by, about, like...: a participant, not a place
    governor = prep.head
    hops = 0
    while (governor.like_num or governor.pos_ == "NUM") and governor.dep_ == "conj" and hops < 5:
        # gapped clause "2,500 are deployed to Iraq and 900 to Syria": the verb governs "to Syria"
        governor = governor.head
        hops += 1
    lemma = governor.lemma_.lower()
    if word in ("on", "over", "past"):
        # "on the Pacific", "over the Black Sea"; but "sanctions on Iran", "talks over Taiwan"
        return feature in ("water", "region", "base", "facility") or lemma in GEO_NOUNS
    if word == "of":
        # "out of Iraq", "north of Baghdad", "the capital of Syria"
        return lemma in GEO_NOUNS or governor.lower_ == "out" or lemma in _SHARE_WORDS
    if word == "between":
        return lemma in GEO_NOUNS
    # to / toward(s): a destination after movement or nearness
    return lemma in PLACE_OBJECT_VERBS or lemma in GEO_NOUNS or lemma in _NEAR_WORDS


def _listed_with_actors(token: Token, other_places: set[int]) -> bool:
    """"out of Afghanistan, Iran and its envoys fought": a later conjunct that is a common noun
    ("its envoys") shows the list names actors, whatever the parse attached it to."""
    if token.dep_ != "conj":
        return False
    return any(t.pos_ == "NOUN" and t.i > token.i and t.i not in other_places for t in token.conjuncts)
