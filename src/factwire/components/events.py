"""factwire_events: PLACEHOLDER, to be replaced by the real component."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("factwire_events", assigns=["doc._.fw_events"])
def make_events(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.fw_events = []
        return doc

    return component
