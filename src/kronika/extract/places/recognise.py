"""Stage 'places': find and resolve place names (uk, ru, en) and locate events for ACLED.

The stage in four modules: `forms` (word forms and the place lexicon), `mentions` (recognition and
guards), `resolve` (homonym ranking against the article's countries), `locate` (an event's place).
This module keeps the names the pipeline, the events stage, the tests and bench/ import.
"""

from __future__ import annotations

from ..mentions import PlaceMention
from .forms import ADJ_SCORE, Lexicon, _nominative_adjective, lexicon, stripped_forms, word_class
from .locate import event_place
from .mentions import _Cand, recognise
from .resolve import _choose, find_places, resolve, run

__all__ = ["ADJ_SCORE", "Lexicon", "PlaceMention", "_Cand", "_choose", "_nominative_adjective", "event_place",
           "find_places", "lexicon", "recognise", "resolve", "run", "stripped_forms", "word_class"]
