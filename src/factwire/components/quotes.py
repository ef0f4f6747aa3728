"""factwire_quotes: PLACEHOLDER, to be replaced by the real component."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("factwire_quotes", assigns=["doc._.fw_quotes"])
def make_quotes(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.fw_quotes = []
        return doc

    return component
