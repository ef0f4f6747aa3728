"""factwire_actors: PLACEHOLDER, to be replaced by the real component."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("factwire_actors", assigns=["doc._.fw_actors"])
def make_actors(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.fw_actors = []
        return doc

    return component
