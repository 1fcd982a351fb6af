"""Issue 17, item 8: the .po files are the source of truth; the catalogue tool only extracts and merges.

A translator's hand edit survives a catalogue run, and no tool writes a catalogue from Python tuples.
"""

from __future__ import annotations

import shutil
import sys

from babel.messages.pofile import read_po

from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import catalogue


def test_a_hand_edit_of_a_po_file_survives_a_catalogue_run(tmp_path, monkeypatch):
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "salon_segment" / "locale", locale)
    monkeypatch.setattr(catalogue, "LOCALE", locale)
    path = locale / "nl.po"
    text = path.read_text(encoding="utf-8")
    with path.open("rb") as handle:
        messages = [m for m in read_po(handle, locale="nl") if m.id and isinstance(m.id, str) and m.string]
    edited = next(m for m in messages if f'msgstr "{m.string}"\n' in text and '"' not in m.string)
    path.write_text(text.replace(f'msgstr "{edited.string}"\n', f'msgstr "{edited.string} (bewerkt)"\n', 1), "utf-8")
    catalogue.update("nl", catalogue.extract())
    with path.open("rb") as handle:
        after = read_po(handle, locale="nl")
    assert after[edited.id].string == f"{edited.string} (bewerkt)"


def test_only_the_catalogue_tool_writes_catalogues():
    writers = [p.name for p in (ROOT / "tools").glob("*.py") if ".po" in p.read_text(encoding="utf-8")]
    assert writers == ["catalogue.py"]
    assert not (ROOT / "tools" / "translations.py").exists()
    assert "translations.py" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
