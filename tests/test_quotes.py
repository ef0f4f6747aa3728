"""factwire_quotes: mark pairing on blank pipelines, cue and speaker selection with the real model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from factwire.components.quotes import extract_quotes
from factwire.components.quotes_cues import load_lexicon
from factwire.components.quotes_marks import find_marked
from factwire.docext import register_extensions
from factwire.pipeline import DEFAULT_MODEL

register_extensions()
LEX = load_lexicon()


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def quotes(nlp, text: str) -> list[tuple[str, str, str | None, str | None]]:
    doc = nlp(text)
    out = []
    for q in extract_quotes(doc, LEX):
        assert doc.text[q.start : q.end] == q.text
        out.append((q.kind, q.text, q.speaker_text, q.cue.text if q.cue else None))
    return out


def marked(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_marked(text)]


# --- mark pairing (text only) ---------------------------------------------------------------


def test_split_quote_both_halves_take_the_cue(blank):
    text = "“They want all forces to leave,” he said, “this could lead to a response.”"
    assert quotes(blank, text) == [
        ("direct", "They want all forces to leave,", "he", "said"),
        ("direct", "this could lead to a response.", "he", "said"),
    ]


def test_closing_mark_with_stray_space_before_the_speaker(blank):
    text = "“They still want to get engaged, ”Mackenzie said. “So be it.”"
    assert quotes(blank, text) == [
        ("direct", "They still want to get engaged,", "Mackenzie", "said"),
        ("direct", "So be it.", "Mackenzie", "said"),
    ]


def test_unclosed_quote_ends_with_its_paragraph(blank):
    text = "“Iran still intends to expel us,” he said. “And they see the main battleground.\nHe said more."
    assert quotes(blank, text) == [
        ("direct", "Iran still intends to expel us,", "he", "said"),
        ("direct", "And they see the main battleground.", "he", "said"),
    ]


def test_stray_opening_mark_at_paragraph_end_opens_nothing():
    text = "It is hard. it’s not impossible. “\nNext, “the words quoted are here now,” and more."
    assert marked(text) == ["the words quoted are here now,"]


def test_quote_continued_over_paragraphs_keeps_its_speaker(blank):
    text = "“First part of it.\n“Second part,” she said."
    found = find_marked(text)
    assert [m.group for m in found] == [0, 0]
    assert [m.close_end is None for m in found] == [True, False]
    assert quotes(blank, text) == [
        ("direct", "First part of it.", "she", "said"),
        ("direct", "Second part,", "she", "said"),
    ]


def test_paragraph_not_opening_with_a_mark_is_not_a_continuation():
    text = "“First part of it.\nThen “second part,” she said."
    assert [m.group for m in find_marked(text)] == [None, None]


def test_straight_marks_and_apostrophes(blank):
    text = '"We will stay," he said. They don\'t know.'
    assert quotes(blank, text) == [("direct", "We will stay,", "he", "said")]


def test_misplaced_straight_closer():
    assert marked('"We want to stay, "Mackenzie said. "So be it."') == ["We want to stay,", "So be it."]


def test_single_marks_nested_in_double_belong_to_it():
    assert marked("“He told me ‘go home’ now,” she said.") == ["He told me ‘go home’ now,"]


def test_top_level_single_marks_only_when_clearly_quotes():
    text = "Obama Tells of 'Suffering and Delight.' The soldiers' homes, rock 'n' roll, the '90s and Iran’s ‘red line’."
    assert marked(text) == ["Suffering and Delight.", "red line"]


def test_guillemets_and_typewriter_marks():
    assert marked("He said «we stay here» today.") == ["we stay here"]
    assert marked("''A museum alone will not do it,'' he said. ``Yes,'' she said.") == [
        "A museum alone will not do it,",
        "Yes,",
    ]


# --- direct vs partial ----------------------------------------------------------------------


def test_fragment_inside_the_authors_sentence_is_partial(blank):
    text = "The US has acted, calling China America’s “urgent problem” today."
    assert quotes(blank, text) == [("partial", "urgent problem", None, "calling")]


def test_short_unattributed_fragment_is_a_scare_quote(blank):
    assert quotes(blank, "The “caliphate” fell in 2019.") == []


def test_cue_right_before_a_capitalised_quote_makes_it_direct(blank):
    assert quotes(blank, "He said “We will stay.”") == [("direct", "We will stay.", "He", "said")]


def test_inverted_cue_and_according_to(blank):
    assert quotes(blank, "“We will win,” said Gen. Frank Mackenzie.") == [
        ("direct", "We will win,", "Gen. Frank Mackenzie", "said")
    ]
    assert quotes(blank, "“We will win,” according to Frank Mackenzie.") == [
        ("direct", "We will win,", "Frank Mackenzie", "according to")
    ]


def test_unattributed_direct_quote_has_no_speaker(blank):
    assert quotes(blank, "“We will never leave this place.”") == [
        ("direct", "We will never leave this place.", None, None)
    ]


def test_ids_in_text_order(blank):
    doc = blank("“One two three,” he said. “Four five six.”")
    assert [q.id for q in extract_quotes(doc, LEX)] == ["qt1", "qt2"]


def test_speaker_id_comes_from_the_actor_span_group():
    words = ["“", "We", "stay", ",", "”", "he", "said", "."]
    spaces = [False, True, False, False, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    ref = Span(doc, 5, 6)
    ref.kb_id_ = "a7"
    doc.spans["fw_actor_refs"] = [ref]
    (q,) = extract_quotes(doc, LEX)
    assert (q.text, q.speaker, q.speaker_text) == ("We stay,", "a7", "he")


# --- with the parse ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def model():
    try:
        return spacy.load(DEFAULT_MODEL)
    except OSError:
        pytest.skip(f"the model {DEFAULT_MODEL} is not installed")


@pytest.mark.model
def test_nested_belief_is_one_attribution(model):
    assert quotes(model, "Officials say they believe Iran was behind a drone strike on a base.") == [
        ("indirect", "they believe Iran was behind a drone strike on a base", "Officials", "say")
    ]


@pytest.mark.model
def test_subjectless_adding_is_a_second_statement_by_the_same_speaker(model):
    text = (
        "He said the militants wanted all Western forces to withdraw from Iraq, "
        "adding that the violence could continue until December."
    )
    assert quotes(model, text) == [
        ("indirect", "the militants wanted all Western forces to withdraw from Iraq", "He", "said"),
        ("indirect", "that the violence could continue until December", "He", "adding"),
    ]


@pytest.mark.model
def test_cue_does_not_reach_across_a_finished_quote(model):
    text = "“I think it’s a sign,” Mackenzie said. “I am sure.” Iranian officials said Tehran had nothing to do with it."
    assert quotes(model, text) == [
        ("direct", "I think it’s a sign,", "Mackenzie", "said"),
        ("direct", "I am sure.", "Mackenzie", "said"),
        ("indirect", "Tehran had nothing to do with it", "Iranian officials", "said"),
    ]


@pytest.mark.model
def test_partial_quote_takes_the_governing_cue(model):
    got = quotes(model, "He said the group would “probably continue to re-establish itself.”")
    # the fragment is absorbed into the reported clause it sits in (PolNeAR's content span)
    assert got == [("partial", "the group would “probably continue to re-establish itself.”", "He", "said")]


@pytest.mark.model
def test_according_to_and_passive_agent(model):
    assert quotes(model, "The war will go on, according to Iranian officials.") == [
        ("indirect", "The war will go on", "Iranian officials", "according to")
    ]
    assert quotes(model, "It was announced by the ministry that the talks had ended.") == [
        ("indirect", "that the talks had ended", "the ministry", "announced")
    ]


@pytest.mark.model
def test_relative_clause_subject_is_the_noun_it_modifies(model):
    assert quotes(model, "The commander, who led the force, said the rebels would lose.") == [
        ("indirect", "the rebels would lose", "The commander", "said")
    ]


@pytest.mark.model
def test_object_cues(model):
    assert quotes(model, "He urged them to leave the city and denied any involvement in the attack.") == [
        ("indirect", "them to leave the city", "He", "urged"),
        ("indirect", "any involvement in the attack", "He", "denied"),
    ]


@pytest.mark.model
def test_interrupting_cue_splits_the_content_in_two(model):
    got = quotes(model, "The key to victory, he said, would be the support of the voters.")
    assert got == [
        ("indirect", "The key to victory", "he", "said"),
        ("indirect", "would be the support of the voters", "he", "said"),
    ]


@pytest.mark.model
def test_connective_before_an_interrupting_cue_is_not_content(model):
    got = quotes(model, "But, according to the poll, most voters remain undecided.")
    assert got == [("indirect", "most voters remain undecided", "the poll", "according to")]


@pytest.mark.model
def test_quotation_embedded_in_a_reported_clause_is_part_of_it(model):
    got = quotes(model, "He said it is unrealistic to think that, “our oceans are going to save us.”")
    assert got == [("partial", "it is unrealistic to think that, “our oceans are going to save us.”", "He", "said")]


@pytest.mark.model
def test_first_person_narration_is_not_a_quote(model):
    # a transcript of remarks: the speaker recounting what he said or ordered
    assert quotes(model, "When I announced our drawdown in April, I said we would be out by September.") == []
    assert quotes(model, "I ordered them to leave the city.") == []


@pytest.mark.model
def test_deeds_are_not_object_cues(model):
    assert quotes(model, "Our brothers and sisters in arms died defending our country.") == []


@pytest.mark.model
def test_transcript_turns(model):
    text = (
        "WALLACE: Let us start with the news on the debate tonight.\n\n"
        "PENCE: Well, the question really should be about the economy.\n\n"
        "The Latest: Trump urges supporters to monitor polls."
    )
    got = quotes(model, text)
    assert got[:2] == [
        ("direct", "Let us start with the news on the debate tonight.", "WALLACE", ":"),
        ("direct", "Well, the question really should be about the economy.", "PENCE", ":"),
    ]
    assert not any(q[2] == "Latest" for q in got)


def test_a_single_capitalised_label_is_no_transcript(blank):
    # no names known on a blank pipeline and only one all-capitals label: not a speaker turn
    assert quotes(blank, "NOTE: This story has been updated with more details.") == []


@pytest.mark.model
def test_quoted_transcript_excerpt_keeps_its_turns(model):
    text = '"WALLACE: Let us start with the news on the debate.\n\n"PENCE: Well, the question really should be the economy.'
    assert quotes(model, text) == [
        ("direct", "Let us start with the news on the debate.", "WALLACE", ":"),
        ("direct", "Well, the question really should be the economy.", "PENCE", ":"),
    ]


@pytest.mark.model
def test_a_verb_introducing_a_quotation_reports_nothing_else(model):
    text = "“We have shown the world we can float like butterflies,” Mr. Obama said, not even needing to mention the author."
    assert quotes(model, text) == [("direct", "We have shown the world we can float like butterflies,", "Mr. Obama", "said")]


@pytest.mark.model
def test_noun_cue_with_a_that_clause(model):
    got = quotes(model, "Trump's claim that he opposed the war was false.")
    assert got == [("indirect", "that he opposed the war", "Trump", "claim")]


def test_quotation_signed_with_a_dash(blank):
    text = "“He is ignorant of our culture.”― Pamela Padilla\n“We will win.” — Carla Sanchez.\n“A fine day,” — and more text here."
    got = quotes(blank, text)
    assert [(k, t, s) for k, t, s, _ in got] == [
        ("direct", "He is ignorant of our culture.", "Pamela Padilla"),
        ("direct", "We will win.", "Carla Sanchez"),
        ("direct", "A fine day,", None),
    ]
    assert all("―" in c or "—" in c for *_, c in got[:2])


def test_signed_quotations_in_one_block(blank):
    # reader comments whose line breaks became spaces: each signature ends one quotation
    text = "“He is ignorant of our culture.”― Pamela Padilla\u00a0 “We will win,” ― Carla Sanchez."
    got = quotes(blank, text)
    assert [(k, t, s) for k, t, s, _ in got] == [
        ("direct", "He is ignorant of our culture.", "Pamela Padilla"),
        ("direct", "We will win,", "Carla Sanchez"),
    ]


# --- round 3: speakers named by role (hand-built parses, no model) ----------------------------

from factwire import schema  # noqa: E402
from factwire.components.quotes_roles import load_roles, role_holder  # noqa: E402

ROLES = load_roles()


def _parsed(rows: list[tuple[str, str, str, int]], persons: dict[str, list[tuple[int, int]]]):
    """A Doc from (word, pos, dep, head index) rows, with person actors over token ranges."""
    words = [r[0] for r in rows]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[i + 1 < len(words) and rows[i + 1][1] != "PUNCT" for i in range(len(words))],
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        lemmas=[w.lower() for w in words],
    )
    actors = []
    for n, (name, ranges) in enumerate(persons.items(), start=1):
        mentions = [schema.Span(start=doc[a].idx, end=doc[b - 1].idx + len(doc[b - 1]), text=doc[a:b].text) for a, b in ranges]
        actors.append(schema.Actor(id=f"a{n}", name=name, kind="person", mentions=mentions))
    doc._.fw_actors = actors
    return doc


GENERAL = [("Navy", "PROPN", "compound", 3), ("Gen.", "PROPN", "compound", 3), ("Frank", "PROPN", "compound", 3),
           ("Mackenzie", "PROPN", "nsubj", 4), ("spoke", "VERB", "ROOT", 4), (".", "PUNCT", "punct", 4)]


def _commander(det: str = "The") -> list[tuple[str, str, str, int]]:
    o = len(GENERAL)
    return [(det, "DET", "det", o + 2), ("U.S.", "PROPN", "compound", o + 2), ("commander", "NOUN", "nsubj", o + 3),
            ("said", "VERB", "ROOT", o + 3), ("troops", "NOUN", "nsubj", o + 6), ("would", "AUX", "aux", o + 6),
            ("stay", "VERB", "ccomp", o + 3), (".", "PUNCT", "punct", o + 3)]


def test_role_speaker_is_the_only_titled_person():
    doc = _parsed(GENERAL + _commander(), {"Frank Mackenzie": [(0, 4)]})
    assert role_holder(doc, doc[len(GENERAL) + 2], ROLES) == "a1"


def test_role_speaker_stays_null_when_the_holder_is_not_plain():
    # an indefinite description names no one in particular
    doc = _parsed(GENERAL + _commander("A"), {"Frank Mackenzie": [(0, 4)]})
    assert role_holder(doc, doc[len(GENERAL) + 2], ROLES) is None
    # "Gen. Smith and Jones": the title is Smith's alone, so he is the one officer
    rows = [("Gen.", "PROPN", "compound", 1), ("Smith", "PROPN", "nsubj", 4), ("and", "CCONJ", "cc", 1),
            ("Jones", "PROPN", "conj", 1), ("spoke", "VERB", "ROOT", 4), (".", "PUNCT", "punct", 4),
            ("The", "DET", "det", 7), ("commander", "NOUN", "nsubj", 8), ("said", "VERB", "ROOT", 8), (".", "PUNCT", "punct", 8)]
    doc = _parsed(rows, {"Smith": [(1, 2)], "Jones": [(3, 4)]})
    assert role_holder(doc, doc[7], ROLES) == "a1"
    # two titled officers: either could be "the commander"
    rows = [("Gen.", "PROPN", "compound", 1), ("Smith", "PROPN", "nsubj", 5), ("and", "CCONJ", "cc", 1),
            ("Adm.", "PROPN", "compound", 4), ("Jones", "PROPN", "conj", 1), ("spoke", "VERB", "ROOT", 5),
            (".", "PUNCT", "punct", 5), ("The", "DET", "det", 8), ("commander", "NOUN", "nsubj", 9),
            ("said", "VERB", "ROOT", 9), (".", "PUNCT", "punct", 9)]
    doc = _parsed(rows, {"Smith": [(1, 2)], "Jones": [(4, 5)]})
    assert doc.text == "Gen. Smith and Adm. Jones spoke. The commander said."
    assert role_holder(doc, doc[8], ROLES) is None


def test_role_speaker_by_the_same_noun():
    # "Defense Secretary Jim Mattis ... Sen. John McCain ... The secretary said": the same noun decides
    rows = [("Defense", "PROPN", "compound", 3), ("Secretary", "PROPN", "compound", 3), ("Jim", "PROPN", "compound", 3),
            ("Mattis", "PROPN", "nsubj", 7), ("and", "CCONJ", "cc", 3), ("Sen.", "PROPN", "compound", 6),
            ("McCain", "PROPN", "conj", 3), ("met", "VERB", "ROOT", 7), (".", "PUNCT", "punct", 7),
            ("The", "DET", "det", 10), ("secretary", "NOUN", "nsubj", 11), ("said", "VERB", "ROOT", 11), (".", "PUNCT", "punct", 11)]
    doc = _parsed(rows, {"Jim Mattis": [(2, 4)], "John McCain": [(6, 7)]})
    assert role_holder(doc, doc[10], ROLES) == "a1"
    # a government role is never guessed from titles alone ("the president" may be anyone's)
    rows[10] = ("spokesman", "NOUN", "nsubj", 11)
    doc = _parsed(rows, {"Jim Mattis": [(2, 4)]})
    assert role_holder(doc, doc[10], ROLES) is None


# --- round 3: non-speech attributions and content boundaries (model) ----------------------------


@pytest.mark.model
def test_raising_and_passive_cues_report_subject_and_infinitive(model):
    assert quotes(model, "The senator seemed to be losing ground.") == [
        ("indirect", "The senator", None, "seemed"),
        ("indirect", "to be losing ground", None, "seemed"),
    ]
    assert quotes(model, "The president is expected to veto the bill.") == [
        ("indirect", "The president", None, "expected"),
        ("indirect", "to veto the bill", None, "expected"),
    ]
    assert quotes(model, "It appears that the talks have failed.") == [("indirect", "that the talks have failed", None, "appears")]


@pytest.mark.model
def test_stances_with_as_and_held_by_a_possessor(model):
    assert quotes(model, "Experts see the vote as a test of the generals.") == [
        ("indirect", "the vote as a test of the generals", "Experts", "see")
    ]
    assert quotes(model, "Clinton's criticism of the plan drew applause.") == [("indirect", "the plan", "Clinton", "criticism")]


@pytest.mark.model
def test_intentions_are_attributions(model):
    # "hopes" is lemmatised "hop" by the model: the lexicon's own forms decide
    assert quotes(model, "Clinton hopes to win Ohio.") == [("indirect", "to win Ohio", "Clinton", "hopes")]


@pytest.mark.model
def test_according_to_at_a_sentence_edge_covers_the_sentence(model):
    assert quotes(model, "Turnout rose, and the count was delayed, according to officials.") == [
        ("indirect", "Turnout rose, and the count was delayed", "officials", "according to")
    ]


@pytest.mark.model
def test_an_authors_aside_ends_the_reported_clause(model):
    assert quotes(model, "The general said the base was safe, a claim the militants dispute.") == [
        ("indirect", "the base was safe", "The general", "said")
    ]
    got = quotes(model, "She said the plan was fair, though she did not discuss its terms.")
    assert got[0] == ("indirect", "the plan was fair", "She", "said")


@pytest.mark.model
def test_military_deeds_are_not_stances(model):
    assert quotes(model, "U.S. jets support Iraqi forces near Mosul.") == []
    assert quotes(model, "Militants attacked the base on Tuesday.") == []


@pytest.mark.model
def test_titles_and_bare_phrases_in_marks_are_not_quotes(model):
    assert quotes(model, "He watched “Breaking Bad” last night.") == []
    assert quotes(model, "Fans chanted “Lock her up” at the rally.") == []


def test_a_short_sentence_still_borrows_its_neighbours_speaker(blank):
    assert quotes(blank, "“We stay,” Mackenzie said. “So be it.”")[-1] == ("direct", "So be it.", "Mackenzie", "said")


# --- session 3: PolNeAR conventions -----------------------------------------------------------


@pytest.mark.model
def test_a_short_quoted_term_is_part_of_the_report_around_it(model):
    # "called X a “Y”": the object and its quoted predicate are one content (both parsed as oprd)
    assert quotes(model, 'Cruz called Trump a "pathological liar" who lies.') == [
        ("partial", 'Trump a "pathological liar" who lies', "Cruz", "called")
    ]
    # "what they called “fraud”" sits inside the said-clause: no second attribution
    assert quotes(model, "Lawmakers said the bank committed what they called “fraud” on Tuesday.") == [
        ("partial", "the bank committed what they called “fraud” on Tuesday", "Lawmakers", "said")
    ]
    # a scare quote that no report absorbs is no attribution at all
    assert quotes(model, "The plan drew “constant attack” from rivals.") == []


def test_a_paragraph_that_is_only_a_quotation_continues_the_speaker_before(blank):
    assert quotes(blank, "“We will win,” she said.\n“And we will win big.”") == [
        ("direct", "We will win,", "she", "said"),
        ("direct", "And we will win big.", "she", "said"),
    ]
    # not across a paragraph of the author's own words
    assert quotes(blank, "“We will win,” she said.\nThe crowd cheered.\n“Nobody saw it coming.”")[-1] == (
        "direct", "Nobody saw it coming.", None, None
    )


@pytest.mark.model
def test_a_report_never_crosses_a_paragraph_break(model):
    # the parser runs the two paragraphs into one sentence; each cue keeps its own clause
    got = quotes(model, "The president added: “I know this.”\n\nObama says some limits on freedom are necessary to protect people.")
    assert got == [
        ("direct", "I know this.", "The president", "added"),
        ("indirect", "some limits on freedom are necessary to protect people", "Obama", "says"),
    ]


@pytest.mark.model
def test_a_clause_with_a_gerund_subject_is_reported(model):
    assert quotes(model, "He said legalizing it could put thousands of people to work.") == [
        ("indirect", "legalizing it could put thousands of people to work", "He", "said")
    ]


@pytest.mark.model
def test_held_states_are_attributions(model):
    assert quotes(model, "Some Democrats are concerned that the tactics could split the party.") == [
        ("indirect", "that the tactics could split the party", "Some Democrats", "concerned")
    ]
    assert quotes(model, "Republicans are wary of steering the party too far left.") == [
        ("indirect", "steering the party too far left", "Republicans", "wary")
    ]
    assert quotes(model, "It is obvious that the bill can pass the Senate.") == [
        ("indirect", "that the bill can pass the Senate", None, "obvious")
    ]
    # "unclear whether" states that no one knows: no attribution
    assert quotes(model, "It is unclear whether the bill can pass the Senate.") == []
    # readiness is a state of forces, not a view
    assert quotes(model, "The troops are ready to retake the city.") == []


@pytest.mark.model
def test_the_listener_is_not_the_content(model):
    assert quotes(model, "Clinton spoke to the Conference of Mayors about housing.") == []


@pytest.mark.model
def test_a_bare_two_word_subject_is_no_piece_of_its_own(model):
    assert quotes(model, "The key, he said, would be to ensure that ISIS could not unite with other groups.") == [
        ("indirect", "would be to ensure that ISIS could not unite with other groups", "he", "said")
    ]


@pytest.mark.model
def test_find_reports_a_finding_only_with_a_predicate(model):
    assert quotes(model, "The migrants could not find jobs in the city.") == []
    assert quotes(model, "A Marist poll found Clinton leading Trump by five points.") == [
        ("indirect", "Clinton leading Trump by five points", "A Marist poll", "found")
    ]


@pytest.mark.model
def test_as_x_reported_vouches_for_the_clause(model):
    assert quotes(model, "As The Hill reported, Trump was also accused of breaking debate rules.") == [
        ("indirect", "Trump was also accused of breaking debate rules", "The Hill", "reported")
    ]


@pytest.mark.model
def test_expectations_and_judgements(model):
    assert quotes(model, "The campaign expects to air a new ad in nine states.") == [
        ("indirect", "to air a new ad in nine states", "The campaign", "expects")
    ]
    assert quotes(model, "Many voters consider her a strong leader.") == [
        ("indirect", "her a strong leader", "Many voters", "consider")
    ]
    # deliberating over a bill is a deed, not a judgement
    assert quotes(model, "The Senate will consider the bill next week.") == []
    # nor is weighing options with a purpose ("to mobilize"): an infinitive is no predicate
    assert quotes(model, "The U.S. will consider other bases and opportunities to mobilize troops to achieve that goal.") == []


@pytest.mark.model
def test_opinion_nouns_after_a_light_verb(model):
    assert quotes(model, "Senator Graham voiced concerns about the withdrawal of troops from Syria.") == [
        ("indirect", "the withdrawal of troops from Syria", "Senator Graham", "voiced concerns about")
    ]
    assert quotes(model, "Republicans raised questions over the cost of the program.") == [
        ("indirect", "the cost of the program", "Republicans", "raised questions over")
    ]
    assert quotes(model, "The general took issue with the report's conclusions on readiness.") == [
        ("indirect", "the report's conclusions on readiness", "The general", "took issue with")
    ]
    assert quotes(model, "She made the case that the alliance needs more funding.") == [
        ("indirect", "that the alliance needs more funding", "She", "made the case")
    ]
    assert quotes(model, "He made clear that the troops would stay.") == [
        ("indirect", "that the troops would stay", "He", "made clear")
    ]
    # the subject of "face"/"draw" is the stance's target; a deed noun after "offer" is aid
    assert quotes(model, "The governor faced questions about the cost of the deployment.") == []
    assert quotes(model, "The plan drew criticism from Democrats in Congress.") == []
    assert quotes(model, "The ministry offered support to the rebels in the north.") == []
    assert quotes(model, "Troops took up positions on the outskirts of the city.") == []


@pytest.mark.model
def test_naming_and_bare_tell_are_not_attributions(model):
    assert quotes(model, "A new group called Black Votes Matter held a rally in Ohio.") == []
    assert quotes(model, "It is a group that calls itself Asawitiri Media.") == []
    assert quotes(model, "Hillary Clinton needs to tell the truth about the emails.") == []
    assert quotes(model, "The commander told the troops to withdraw from the town.") == [
        ("indirect", "the troops to withdraw from the town", "The commander", "told")
    ]


@pytest.mark.model
def test_a_subject_parsed_as_object_rejoins_its_clause(model):
    # the parser reads "the outreach ..." as the object of "think", leaving "was ..." subjectless
    assert quotes(model, "Anderson seemed to think the outreach to black voters was somewhat phony.") == [
        ("indirect", "the outreach to black voters was somewhat phony", "Anderson", "think")
    ]
    assert quotes(model, "He told reporters the talks had ended.") == [("indirect", "the talks had ended", "He", "told")]
