"""English messages of libraries that reach the owner: the TOML parser (config errors) and the command-line
parser (usage errors such as an unknown option).

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

COMMAND_LINE = (
    # TRANSLATORS: raised as an error; translated when shown
    N_("No such option: {name}"),
    # TRANSLATORS: raised as an error; translated when shown
    N_("{message} (Possible options: {options})"),
    # TRANSLATORS: raised as an error; translated when shown
    N_("Invalid value for {param}: {message}"),
    # TRANSLATORS: raised as an error; translated when shown
    N_("Invalid value: {message}"),
    # TRANSLATORS: raised as an error; translated when shown
    N_("Missing argument {param}."),
    # TRANSLATORS: raised as an error; translated when shown
    N_("Missing option {param}."),
    # TRANSLATORS: raised as an error; translated when shown
    N_("Option {name} requires an argument."),
    # TRANSLATORS: raised as an error; translated when shown
    N_("Option {name} does not take a value."),
    # TRANSLATORS: raised as an error; translated when shown
    N_("Got unexpected extra argument(s) ({arguments})"),
    # TRANSLATORS: raised as an error; translated when shown
    N_("No such command {name}."),
    # TRANSLATORS: raised as an error; translated when shown
    N_("No such command {name}"),
    # TRANSLATORS: raised as an error; translated when shown
    N_("{message}. Did you mean {suggestions}?"),
    # TRANSLATORS: raised as an error; translated when shown
    N_("{value} is not one of {choices}."),
    # TRANSLATORS: raised as an error; translated when shown
    N_("Try '{command} --help' for help."),
    # TRANSLATORS: raised as an error; translated when shown
    N_("Value error, {message}"),
)
