"""English messages of libraries that reach the owner inside our own errors (the TOML parser of a config file).

Only marked here, so that the catalogues hold them; ``salon_segment/messages.py`` translates them when shown.
"""

from __future__ import annotations

from salon_segment.i18n import N_

TOML_PARSER = (
    # TRANSLATORS: raised as an error; translated when shown
    N_("{detail} (at line {line}, column {column})"),
    # TRANSLATORS: raised as an error; translated when shown
    N_("{detail} (at end of document)"),
    # TRANSLATORS: raised as an error; translated when shown
    N_("Cannot declare {key} twice"),
    # TRANSLATORS: raised as an error; translated when shown
    N_("Illegal character {char}"),
    # TRANSLATORS: raised as an error; translated when shown
    N_("Found invalid character {char}"),
    # TRANSLATORS: raised as an error; translated when shown
    N_("Expected {expected}"),
    N_("Cannot overwrite a value"),
    N_("Expected '=' after a key in a key/value pair"),
    N_("Expected ']' at the end of a table declaration"),
    N_("Expected ']]' at the end of an array declaration"),
    N_("Expected newline or end of document after a statement"),
    N_("Invalid date or datetime"),
    N_("Invalid initial character for a key part"),
    N_("Invalid statement"),
    N_("Invalid value"),
    N_("Unclosed array"),
    N_("Unclosed inline table"),
    N_("Unterminated string"),
)
