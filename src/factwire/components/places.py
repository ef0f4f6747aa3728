"""factwire_places: PLACEHOLDER, to be replaced by the real component."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("factwire_places", assigns=["doc._.fw_places"])
def make_places(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.fw_places = []
        return doc

    return component
