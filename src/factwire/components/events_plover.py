"""PLOVER's own coding of factwire events, for exports and the PLOVER benchmark.

factwire keeps what will happen apart from what it is ("will provide aid" = AID, status
planned). PLOVER folds a stated intention into the verbal event itself (manual 3.1 AGREE:
"agree to, offer, promise, or otherwise indicate willingness or commitment to cooperate";
3.12 THREATEN: a stated intention to take a conflictual action), so a planned or conditional
cooperative action is AGREE there and a planned or conditional conflictual one THREATEN.
"""

from __future__ import annotations

from .. import schema

# Types whose announced future is a promise (AGREE): cooperating, yielding, de-escalating.
PROMISABLE = ("CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT")
# Types whose announced future is a threat (THREATEN).
THREATENABLE = ("ASSAULT", "COERCE", "SANCTION", "PROTEST")
INTENDED = ("planned", "hypothetical")


def plover_type(event: schema.Event) -> str:
    if event.status in INTENDED:
        if event.type in PROMISABLE:
            return "AGREE"
        if event.type in THREATENABLE:
            return "THREATEN"
    return event.type
