"""Members' display names: normalised so that names cannot hide characters, reorder text or pass for another's.

A name is brought to Unicode's NFKC form (so "ｆｕｌｌ-width" letters and ligatures become plain ones), loses
control and formatting characters (right-to-left overrides, zero-width joiners and spaces), and has its
spacing collapsed. Names that would still mislead are refused with a message saying why: a word that mixes
alphabets (a Cyrillic "а" in a Latin "Alice" is the usual way to pass for someone else), or a letter
buried under a pile of combining marks.
"""

import unicodedata

from django.core.exceptions import ValidationError

MAX_MARKS_PER_LETTER = 3
# Alphabets whose letters look alike, told apart by the first word of a letter's Unicode name ("LATIN SMALL
# LETTER A"). Others mix within a word by right (Japanese writes kanji and kana together) and are left alone.
LOOKALIKE_SCRIPTS = {"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC"}


def _invisible(char):
    # Cc: control characters; Cf: format characters (bidi overrides, zero-width joiners and spaces).
    return unicodedata.category(char) in {"Cc", "Cf"}


def _lookalike_script(char):
    script = unicodedata.name(char, "").split(" ", 1)[0]
    return script if script in LOOKALIKE_SCRIPTS else None


def normalise_display_name(value):
    """Return the name as it will be shown, or raise ValidationError saying what to change."""
    text = unicodedata.normalize("NFKC", value)
    text = "".join(" " if char.isspace() else char for char in text if char.isspace() or not _invisible(char))
    text = " ".join(text.split())
    marks = 0
    for char in text:
        marks = marks + 1 if unicodedata.combining(char) else 0
        if marks > MAX_MARKS_PER_LETTER:
            raise ValidationError(
                "Your name has too many accents or marks on one letter. Use at most 3 on each letter.",
                code="combining",
            )
    for word in text.split():
        scripts = {_lookalike_script(char) for char in word if char.isalpha()} - {None}
        if len(scripts) > 1:
            raise ValidationError(
                "Write each word of your name in one alphabet: “%(word)s” mixes letters from different "
                "alphabets that look alike.",
                code="mixed_script",
                params={"word": word},
            )
    if not any(char.isalnum() for char in text):
        raise ValidationError("Enter your name using letters", code="no_letters")
    return text
