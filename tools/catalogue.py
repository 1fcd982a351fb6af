"""Keep the message catalogues in step with the code.

    python tools/catalogue.py            # add new message ids to every .po file, keep existing translations
    python tools/catalogue.py --check    # exit 1 when an id is missing or untranslated (the tests do the same)

Message ids are the English string literals passed to ``_()`` or ``N_()`` anywhere in salon_segment/.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "salon_segment"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("nl", "ru")


def message_ids() -> dict[str, str]:
    """Every translatable literal in the package → where it first occurs."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def update(lang: str, ids: dict[str, str]) -> list[str]:
    """Merge ``ids`` into the language's .po file; return the ids still without a translation."""
    path = LOCALE / f"{lang}.po"
    old = read_po(path.open("rb")) if path.exists() else Catalog(locale=lang)
    catalogue = Catalog(locale=lang, project="salon-segment", charset="utf-8")
    for message_id, where in ids.items():
        existing = old.get(message_id)
        catalogue.add(
            message_id, existing.string if existing else "", locations=[(where.split(":")[0], int(where.split(":")[1]))]
        )
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=120, sort_output=False)
    return [m for m in ids if not (old.get(m) and old.get(m).string)]


def main() -> int:
    ids = message_ids()
    missing = {}
    for lang in LANGUAGES:
        if "--check" in sys.argv:
            path = LOCALE / f"{lang}.po"
            have = {m.id: m.string for m in read_po(path.open("rb"))} if path.exists() else {}
            missing[lang] = [m for m in ids if not have.get(m)]
        else:
            missing[lang] = update(lang, ids)
    for lang, ids_missing in missing.items():
        for message_id in ids_missing:
            print(f"{lang}: untranslated: {message_id!r}")
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
