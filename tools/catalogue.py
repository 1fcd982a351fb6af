"""Keep the message catalogues in step with the code: a Babel extract + update workflow.

    python tools/catalogue.py            # extract, then merge into every salon_segment/locale/*.po
    python tools/catalogue.py --check    # exit 1 when an id is missing or untranslated (the tests do the same)
    python tools/catalogue.py --pot messages.pot   # also write the template, e.g. for a translator's tool

The .po files are the source of truth for translations: edit them (by hand, Poedit, Weblate…), then run this
tool after changing user-facing text. It does what ``pybabel extract -k N_ -k ngettext:1,2 -k count:1,2`` followed by
``pybabel update -l LANG -o salon_segment/locale/LANG.po`` does (Babel's extractor and ``Catalog.update``:
existing translations are kept, changed ids become fuzzy, removed ids obsolete), and in addition extracts the
English error messages raised as f-strings (``raise InputFileError(f"{path}: file not found.")``) as templates
(``"{path}: file not found."``, automatic comment ``raised as an error; translated when shown``), which
``salon_segment/messages.py`` matches when an error is shown in Dutch or Russian.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "salon_segment"
LOCALE = PACKAGE / "locale"
KEYWORDS = {"_": None, "N_": None, "Nn_": (1, 2), "ngettext": (1, 2), "count": (1, 2)}  # count: formatting.count
MARK = "raised as an error; translated when shown"
MESSAGE_NAMES = {"message", "msg", "reason", "detail"}


def _placeholder(node: ast.expr, used: set[str]) -> str:
    """A readable placeholder name for an f-string expression (``raw.path`` → ``path``)."""
    while isinstance(node, (ast.Call, ast.Subscript, ast.Attribute)):
        if isinstance(node, ast.Attribute):
            name = node.attr
            break
        node = (node.args[0] if node.args else node.func) if isinstance(node, ast.Call) else node.value
    else:
        name = node.id if isinstance(node, ast.Name) else "value"
    if name in ("args", "strerror", "__name__", "join"):
        name = "detail"
    base, number = name.lstrip("_") or "value", 2
    name = base
    while name in used:
        name, number = f"{base}{number}", number + 1
    used.add(name)
    return name


def template(node: ast.expr) -> str | None:
    """The msgid of an error message: an f-string with named placeholders, or a plain string literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return template(node.func.value)
    if not isinstance(node, ast.JoinedStr):
        return None
    text, used = [], set()
    for part in node.values:
        if isinstance(part, ast.Constant):
            text.append(str(part.value).replace("{", "{{").replace("}", "}}"))
        elif isinstance(part, ast.FormattedValue):
            text.append("{" + _placeholder(part.value, used) + "}")
    return "".join(text)


def error_templates() -> dict[str, tuple[str, int]]:
    """English messages passed to an exception (``raise``/``return SomethingError(...)``) → where it is."""
    found: dict[str, tuple[str, int]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            candidates: list[ast.expr] = []
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id.endswith("Error"):
                candidates = list(node.args[:1])
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id in MESSAGE_NAMES for t in node.targets
            ):
                candidates = [node.value]
            for candidate in candidates:
                text = template(candidate)
                if text and " " in text.strip() and not _is_call_to_gettext(candidate):
                    found.setdefault(text, (str(path.relative_to(ROOT)), node.lineno))
    return found


def _is_call_to_gettext(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS


def extract() -> Catalog:
    """The template catalogue: Babel's extraction of _ / N_ / ngettext, plus the raised error messages."""
    catalogue = Catalog(project="salon-segment", charset="utf-8")
    method_map = [("**.py", "python")]
    for filename, lineno, message, comments, _context in extract_from_dir(
        str(PACKAGE), method_map=method_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        location = (str(Path("salon_segment") / filename), lineno)
        catalogue.add(message, None, [location], auto_comments=comments)
    for text, location in error_templates().items():
        if text not in catalogue:
            catalogue.add(text, None, [location], auto_comments=[MARK])
        else:
            catalogue[text].auto_comments.append(MARK)
    return catalogue


def update(lang: str, pot: Catalog) -> list[str]:
    """Merge the template into one language's .po file; return the ids still without a translation."""
    path = LOCALE / f"{lang}.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=lang)
    catalogue.update(pot, no_fuzzy_matching=True, update_header_comment=False)
    catalogue.obsolete.clear()
    with path.open("wb") as handle:
        # sorted, without source locations: a new message is one local hunk, so parallel branches merge cleanly
        write_po(
            handle, catalogue, width=120, sort_output=True, no_location=True, omit_header=False, ignore_obsolete=True
        )
    return untranslated(catalogue)


def untranslated(catalogue: Catalog) -> list[str]:
    """Ids without (a complete) translation, or marked fuzzy."""
    missing = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def check(lang: str, pot: Catalog) -> list[str]:
    """Ids of the code that the language's .po file lacks or has not translated."""
    with (LOCALE / f"{lang}.po").open("rb") as handle:
        catalogue = read_po(handle, locale=lang)
    missing = [m.id if isinstance(m.id, str) else m.id[0] for m in pot if m.id and m.id not in catalogue]
    return missing + [m for m in untranslated(catalogue) if m in pot]


def message_ids() -> dict[str, str]:
    """Every message id of the code (singular ids of plurals) → where it first occurs (for the tests)."""
    return {
        (m.id if isinstance(m.id, str) else m.id[0]): f"{m.locations[0][0]}:{m.locations[0][1]}"
        for m in extract()
        if m.id
    }


def languages() -> list[str]:
    """The translated languages: the code of every ``.po`` file in the locale folder (a new language is a new file)."""
    return sorted(path.stem for path in LOCALE.glob("*.po"))


def main() -> int:
    """Extract and update (or --check); print the ids still to translate."""
    pot = extract()
    if "--pot" in sys.argv:
        with Path(sys.argv[sys.argv.index("--pot") + 1]).open("wb") as handle:
            write_po(handle, pot, width=120)
    missing = {lang: (check if "--check" in sys.argv else update)(lang, pot) for lang in languages()}
    for lang, ids in missing.items():
        for message_id in ids:
            print(f"{lang}: untranslated: {message_id!r}")
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
