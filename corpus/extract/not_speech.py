"""Paragraphs inside a transcript that are not anyone's words.

- elision marks the site prints where it cut the transcript ("<…>", "‹…>", "[...]");
- bare courtesy formulas and salutations ("Thank you.", "Good afternoon, colleagues.", "Go ahead,
  please.", "Comrades,", "Dear Mr Putin,"): true to the record, but nobody looks them up, and
  thousands of them crowd out what people said;
- stage directions and editorial notes in brackets ("(Applause.)", "[Laughter]");
- captions ("File photo of interviewee R Saravanan. Image: R Saravanan.");
- editors' notes about the text itself ("This interview has been edited for length.", "Answers were
  condensed for clarity.", "The message said, in part:", "To be continued."): they end the turn they
  follow;
- headings and label fragments: a few words with no punctuation at all ("Hiring employees",
  "Vladimir", "President of Russia"). A heading ends the turn: what follows it is narration until
  the next label.
"""

from __future__ import annotations

import re

_ELISION = re.compile(r"^[\s<‹«(\[]*(?:…|\.\s?\.\s?\.)[\s>›»)\]]*$")
_BRACKETED = re.compile(r"^\s*[(\[][^()\[\]]*[)\]]\s*[.]?\s*$")
_CAPTION = re.compile(r"(?:^|[.)]\s)(?:Image|Photo|Picture|Photograph|Credit|Source)s?\s*:\s|^\s*(?:File\s+)?photo\s+of\b",
                      re.IGNORECASE)
_HEAD = (r"(?:(?:ok|okay|well|so|yes|and),?\s+)?"
         r"(?:thank\s+you(?:\s+(?:very|so)\s+much|\s+all|\s+everybody|\s+everyone|\s+again){0,2}"
         r"(?:\s+for\s+(?:your|the|this)\s+(?:attention|invitation|question|questions|hospitality|words|"
         r"kind\s+words|support|cooperation|opportunity))?|"
         r"thanks(?:\s+a\s+lot)?|many\s+thanks|good\s+(?:morning|afternoon|evening|day|night)|goodbye|good-bye|"
         r"hello|hi|welcome|greetings|all\s+the\s+best|you\s+are\s+welcome|(?:my\s+)?congratulations|"
         r"(?:go\s+ahead,?\s+)?please(?:,?\s+go\s+ahead)?|go\s+ahead|quiet,?\s+please|best\s+wishes|"
         r"(?:dear\s+)?(?:friends|colleagues|ladies\s+and\s+gentlemen)|mr\.?\s+president|madam\s+president)")
# Whom a formula addresses: a name or title ("Mr Orlov", "Mr President", with an editor's note in
# brackets) or a group ("colleagues", "friends and colleagues").
_ADDRESSEE = (r"(?:(?i:dear)\s+)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*\[[^\]\n]{1,40}\])?|"
              r"(?i:colleagues|friends|everyone|everybody|all|comrades|veterans|gentlemen|sir|madam|"
              r"ladies\s+and\s+gentlemen))")
_VOCATIVE = rf"{_ADDRESSEE}(?:\s+(?i:and)\s+{_ADDRESSEE})?"
# One courtesy sentence: vocatives, a formula, vocatives ("Mr President, colleagues, good afternoon.",
# "Good afternoon colleagues," opening a speech, "Mr Rogozin, please."), ending in a stop, a comma or nothing.
_COURTESY = re.compile(rf"(?:\([^()\n]{{1,30}}\)\s*)?(?:{_VOCATIVE}\s*,?\s*){{0,3}}(?i:{_HEAD})"
                       rf"(?:\s*,?\s*{_VOCATIVE}){{0,3}}\s*(?:[.!…,]+|$)(?=\s|$)")
# A salutation opening a speech or letter: only whom it addresses ("Comrades,", "Dear Mr Putin,",
# "President Xi, dear friend, Ladies and Gentlemen,").
_WHOM = (r"(?:(?i:dear|my|honoured|distinguished|esteemed)\s+){0,2}"
         r"(?:[A-Z][\w.'’-]*(?:\s+(?:of|the|and|van|von|de|der|le|la|[A-Z][\w.'’-]*))*(?:\s*\[[^\]\n]{1,80}\])?|"
         r"(?i:friend|colleague|ladies\s+and\s+gentlemen|everyone|all|sir|madam|women|men|people|children|youth)|"
         r"[a-z]+s)")  # plural addressees: "guests", "Comrades officers"
_SALUTATION = re.compile(rf"^[“\"«]?{_WHOM}(?:\s*(?:,|\band\b|\s)\s*{_WHOM})*\s*[,!]$")
# "This interview has been edited for length and clarity.", "The following transcript was condensed.",
# "Edited for length.", "Answers have been lightly edited.": the editor speaking about the text.
_EDITORIAL = re.compile(
    r"(?i)^(?:(?:this|the(?:\s+following)?|our)\s+(?:interview|conversation|transcript|exchange|q\s*&\s*a|"
    r"discussion|text|answers|questions|remarks|responses|comments|quotes)\s+(?:(?:has|have)\s+been|was|were|is|are)\s+|"
    r"(?:interview|conversation|transcript|answers|responses|remarks|quotes)\s+(?:(?:has|have)\s+been\s+)?|"
    r"(?:it|they)\s+(?:has|have)\s+been\s+)?(?:\w+ly\s+)?(?:edited|condensed|shortened|abridged|translated|"
    r"transcribed|excerpted)\b[^.!?]{0,120}[.]?$")
# "The message said, in part:", "The telegram reads:", "To be continued.": the editor introducing or
# closing a text, not its author speaking.
_FRAMING = re.compile(
    r"(?i)^(?:(?:the|this|his|her|their|its)\s+(?:[\w-]+\s+){0,2}(?:message|letter|telegram|statement|address|"
    r"note|text|document|greeting|greetings|appeal|release|communiqu[eé]|declaration|decree)\s+"
    r"(?:said|says|reads|read|stated|states|noted|notes|went\s+on)(?:,?\s+(?:in\s+part|in\s+particular|among\s+"
    r"other\s+things))?,?\s*:|\(?to\s+be\s+continued\.?\)?\.?|\(?end\s+of\s+(?:the\s+)?(?:transcript|part\s+\w+)\.?\)?)$")
_PUNCT = re.compile(r"[.,;:!?…\"“”«»()\[\]—–]")
# A programme's sign-off on the page: "Listen to the full episode wherever you get your podcasts.",
# "Watch the whole interview above.", "Subscribe to the show on …" — the site, not the last speaker.
_FURNITURE = re.compile(
    r"(?i)^(?:(?:you\s+can\s+)?(?:listen|watch|hear|subscribe|download|stream)\s+(?:to\s+)?(?:the\s+|this\s+|our\s+)?"
    r"(?:full\s+|whole\s+|entire\s+|complete\s+|latest\s+)?(?:episode|interview|conversation|podcast|programme|"
    r"program|show|video|series)\b[^.!?]{0,100}[.!]?)$")


def is_elision(text: str) -> bool:
    return bool(_ELISION.match(text))


def is_courtesy(text: str) -> bool:
    """Only courtesy formulas, one or more ("Thank you. Good afternoon, colleagues.")."""
    if len(text) > 300:
        return False  # formulas are short; a long paragraph says something
    rest = " ".join(text.split())
    if not rest:
        return False
    while rest:
        m = _COURTESY.match(rest)
        if not m or not m.group():
            return False
        rest = rest[m.end():].lstrip()
    return True


def is_salutation(text: str) -> bool:
    if len(text) > 160:
        return False
    flat = " ".join(text.split())
    return flat.endswith((",", "!")) and bool(_SALUTATION.match(flat))  # the pattern ends in [,!]$


def is_caption(text: str) -> bool:
    if len(text) > 400:
        return False  # a caption is a line or two
    # Without a colon only the pattern's "photo of" reading can match, and that one only at the start.
    return bool(_BRACKETED.match(text.strip("“”\"«» ")) or (_CAPTION.search(text) if ":" in text else _CAPTION.match(text)))


def is_editorial(text: str) -> bool:
    """An editor's note about the text ("This interview has been edited for length.", "The message
    said, in part:", "To be continued.")."""
    if len(text) > 200:
        return False
    flat = " ".join(text.split())
    return bool(_EDITORIAL.match(flat) or _FRAMING.match(flat) or _FURNITURE.match(flat))


def is_heading(text: str) -> bool:
    """A few words and no punctuation at all: a heading, or a label fragment left by a wrap."""
    words = text.split()
    if 0 < len(words) <= 8 and text.rstrip(".:").isupper() and not _PUNCT.search(text.rstrip(".:")):
        return True  # "PLEDGED DELEGATES."
    return 0 < len(words) <= 8 and not _PUNCT.search(text) and words[0][:1].isupper()


def not_speech(text: str) -> bool:
    """Any of the above: the paragraph is no quote."""
    return is_elision(text) or is_courtesy(text) or is_salutation(text) or is_caption(text) or is_heading(text) \
        or is_editorial(text)
