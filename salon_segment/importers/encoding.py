"""The text encoding of a CSV export: a BOM, strict UTF-8, else the likeliest single-byte code page.

charset_normalizer guesses well between Cyrillic and Latin text, but on a small file it confuses the Latin
code pages: French and Dutch names in Windows-1252 come out as Windows-1250 (Hélène → Hélčne) and Polish
names in Windows-1250 as Windows-1252 (Wałęsa → Wa³êsa). Between those two the choice is made on evidence:
the bytes that only Central-European text uses (ł ą ż ś ź ş ţ ľ ť š ž, which Windows-1252 shows as symbols or
rare letters), and the bytes both use, told apart by where they stand in a word (è + consonant + e is French,
č + vowel Czech, ć at a word's end Croatian, ï after a vowel Dutch, ř + vowel Czech but ø + consonant Danish).
Windows-1252 wins a tie: it is what Western European tills write.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from salon_segment.errors import InputFileError

PREFERRED_CODE_PAGES = ("cp1252", "cp1251")
_LATIN = {"cp1250", "cp1252", "latin_1", "iso8859_1", "iso8859_2", "iso8859_15", "mac_latin2", "cp1254"}
_CYRILLIC = {"cp1251", "koi8_r", "mac_cyrillic"}

# Bytes whose Windows-1250 letter is typical of Central-European text (ł ą ż ś ź ř ş ţ ľ ť, and š ž, the same
# in both code pages) and whose Windows-1252 reading is a symbol or a letter Western names hardly use.
_CENTRAL = frozenset(
    b"\x8a\x8c\x8d\x8e\x8f\x9a\x9c\x9d\x9e\x9f\xa3\xa5\xaa\xaf\xb3\xb9\xba\xbc\xbe\xbf\xd8\xde\xf8\xfe"
)
# Central-European letters whose Windows-1252 reading is a real Western letter too (ě/ì, ů/ù, ň/ò, ă/ã,
# ő/õ, ű/û: Nicolò and João are Western): they count only next to a strong sign above.
_CENTRAL_WEAK = frozenset(b"\xc3\xcc\xd2\xd5\xd9\xdb\xe3\xec\xf2\xf5\xf9\xfb")
_NORDIC = frozenset(b"\xf8\xd8")
# The bytes both sides use for common letters, told apart by where they stand in a word:
# è/ê + consonant + e (Hélène, Lefèvre, Crêpe) is French; č + vowel or at a word's end (Černá, Kovač) is not;
# ć at a word's end (Šarić) is Croatian or Polish, æ inside a word Nordic; ï after a vowel (Anaïs) is Dutch or
# French; ñ between vowels (Muñoz) is Spanish, ń before a consonant or at the end (Gdańsk, Stań) Polish;
# ř + vowel (Jiří, Dvořák) is Czech where ø + consonant (Søren) is Danish; ő not before e (Szőke) is Hungarian
# where õ + e (Simões) is Portuguese.
_VOWEL = b"aeiouyAEIOUY\xe1\xe9\xed\xf3\xfa\xfd"
_CONSONANT = b"bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ"
_END = rb"(?![A-Za-z\x80-\xff])"
_WESTERN_SIGNS = re.compile(
    b"|".join(
        (
            rb"[\xe8\xc8\xea\xca][" + _CONSONANT + rb"]{1,2}[eE]",
            rb"[aeouAEOU][\xef\xcf]",
            rb"[" + _VOWEL + rb"][\xf1\xd1][" + _VOWEL + rb"]",
            rb"[\xe0\xc0\xe5\xc5]",
            rb"[\xe6\xc6](?=[A-Za-z])",
        )
    )
)
_CENTRAL_SIGNS = re.compile(
    b"|".join(
        (
            rb"[\xe8\xc8](?:[" + _VOWEL + rb"]|" + _END + rb")",
            rb"[\xe6\xc6]" + _END,
            rb"[\xf1\xd1](?:[" + _CONSONANT + rb"]|" + _END + rb")",
            rb"[\xf8\xd8][" + _VOWEL + rb"\xec]",
            rb"\xf5(?!e)",
        )
    )
)


def detect_encoding(data: bytes) -> str:
    """BOM first, then strict UTF-8, then statistical detection among the single-byte code pages."""
    return detect(data)[0]


def detect(data: bytes) -> tuple[str, str | None]:
    """(encoding, the whole text when the strict UTF-8 check decoded it anyway — no second decode)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", None
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:200_000]
    if sample.count(b"\x00") > len(sample) // 4:
        return ("utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"), None
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=["cp1251", "cp1252", "cp1250", "latin_1", "koi8_r", "mac_cyrillic"]).best()
    guess = best.encoding if best is not None else "cp1252"
    if guess in _LATIN or (guess in _CYRILLIC and _looks_latin(sample)):
        return latin_code_page(sample), None
    for preferred in PREFERRED_CODE_PAGES:  # same text either way: name the common code page
        try:
            if sample.decode(preferred) == sample.decode(guess):
                return preferred, None
        except UnicodeDecodeError:
            continue
    return guess, None


def _looks_latin(sample: bytes) -> bool:
    """Cyrillic words are runs of bytes over 0xBF; accented Latin letters stand mostly alone between ASCII ones."""
    runs = re.findall(rb"[\xc0-\xff]+", sample)
    in_words = sum(len(run) for run in runs if len(run) >= 3)
    return bool(runs) and in_words * 2 < sum(map(len, runs))


def latin_code_page(sample: bytes) -> str:
    """cp1252 or cp1250 by evidence (see the module docstring); latin_1 when neither decodes."""
    strong = [byte for byte in sample if byte in _CENTRAL]
    signs = len(_CENTRAL_SIGNS.findall(sample))
    western = len(_WESTERN_SIGNS.findall(sample))
    central = 0 if set(strong) <= _NORDIC and not signs else len(strong) + signs
    if central:
        central += sum(1 for byte in sample if byte in _CENTRAL_WEAK)
    order = ("cp1250", "cp1252") if central > western else ("cp1252", "cp1250")
    for code_page in order:
        try:
            sample.decode(code_page)
        except UnicodeDecodeError:
            continue
        return code_page
    return "latin_1"


BINARY_CHECK_CHARS = 100_000  # a NUL among the first characters: a binary file (or UTF-16 read as UTF-8)


def decode(path: Path, data: bytes, encoding: str | None) -> tuple[str, str]:
    """(encoding used, text without BOM); InputFileError for undecodable or binary content."""
    chosen, text = (encoding, None) if encoding else detect(data)
    try:
        text = text if text is not None else data.decode(chosen)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputFileError(
            f"{path}: cannot decode the file as {chosen} ({exc.__class__.__name__}); "
            "try --encoding cp1251, cp1252 or utf-16."
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text[:BINARY_CHECK_CHARS]:
        raise InputFileError(
            f"{path}: this looks like a binary file, not a CSV export; "
            "export the report as CSV or Excel, or try --encoding utf-16."
        )
    return chosen, text


def decode_head(path: Path, data: bytes, encoding: str | None, lines: int) -> tuple[str, str]:
    """``decode``, but of a file of ASCII bytes without a quote character (UTF-8 for sure, no value spans lines)
    only the first ``lines`` lines and the characters the binary check reads are decoded: all of its text the
    reader needs. Anything else is decoded whole."""
    if encoding is not None or not data.isascii() or b'"' in data:
        return decode(path, data, encoding)
    end = 0
    for _ in range(lines):
        end = data.find(b"\n", end) + 1
        if end == 0:
            end = len(data)
            break
    return decode(path, data[: max(end, BINARY_CHECK_CHARS)], "utf-8")
