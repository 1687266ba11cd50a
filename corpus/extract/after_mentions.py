"""Who an attribution after a quotation names: the mention read from the words after the cue ("“…,” said
board Chairman Jo Lind", "said Harbour Minority Whip Ana Ruiz (D-Vt.)", "“…,” mused Ekberg"), and whether the
words after a "“…?” X told" are only the verb's adjuncts (its listener, place, time) rather than a clause it reports.
"""

from __future__ import annotations

import re

from ..names import given_name
from .fragments import IT
from .mentions import Mention, parse_mention

# Cues whose object is the listener even after a quotation ("“…,” told MSNBC"), and the end of a mention.
_LISTENER_FIRST = frozenset(["told", "tells", "informed", "informs", "reminded", "reminds", "assured", "assures"])
# After a verb, words that only dress it: a comma (a participle follows), its place, time, medium or audience,
# the end of the sentence — never a clause it reports ("… said on Tuesday that …").
_ADJUNCT_AFTER = re.compile(r"(?![^.!?“”\"]*\bthat\b)\s*(?:\.|,\s*[a-z]|(?:on|in|at|to|about|of|during|after|before|while|"
                            r"as|from|with|via|last|this|yesterday|today|earlier|later)\b)")
# Not a preposition: after "a spokesman for", "the family of", "an aide to" the name is the one the
# speaker works for or belongs to, not the speaker.
_LEADING_MODIFIERS = re.compile(r"^(?:(?!(?:for|of|to|with|from|at|on|by|behind|near|against|like|under)\s)"
                                r"(?:the|[a-z][\w-]*|[\d/]+)\s+){1,3}(?=[A-Z])")
_NOUN_PHRASE = re.compile(r"^(?:the|a|an|my|his|her|their|our|one|another|some|many|[A-Z][\w.'’-]*|"
                          r"(?!(?:this|his|its|was|has|is|does|says|thus|plus|yes|us|as)\b)[a-z][\w'’-]*[a-rt-z]s)(?:\s+[\w.'’-]+){0,5}$")  # … or a plural: "supporters of X"


_SUBORDINATOR = re.compile(r"\s*(?:after|before|when|whenever|while|as|since|because|until|if|though|although|once|"
                          r"where|whereas|unless)\b", re.IGNORECASE)
# A party and state in brackets after a name: "(D-Ill.)", "(R)", "(I-Vt.)".
_PARTY_TAG = re.compile(r"\s*\((?:[DRI]|[DRI]-[A-Z][\w.]{1,6}|[A-Z][a-z]+\.?)\)$")
# Words that make the name after them another's: "the wife of Ana Ruiz", "Ana Ruiz's aide".
_NOT_A_TITLE = re.compile(r"(?:\b(?:of|for|to|with|from|by|and|or|at|on|in|about|against|like|than)|['’]s?)$", re.IGNORECASE)


def _titled_full_name(text: str) -> Mention | None:
    """"Harbour Minority Whip Ana Ruiz", "retired Army Lt. Gen. Ana Ruiz": titles and modifiers no lexicon
    knows, before a full name whose first word is a known given name — that person. Never a name that is
    the object of a word before it ("the wife of Ana Ruiz") or in another's possessive."""
    words = text.split()
    if len(words) < 3 or any(c in text for c in ",;:“”\"«»()"):
        return None
    for k in (3, 2):
        head, tail = words[:-k], words[-k:]
        if not head or any(_NOT_A_TITLE.search(w) for w in head):
            continue  # "an aide to Chancellor Ana Ruiz", "Ruiz's aide Karl Berg": someone else's name
        if not all(w[:1].isupper() for w in tail) or given_name(tail[0]) is None:
            continue
        men = parse_mention(" ".join(tail))
        if men and men.kind == "name" and men.name and " " in men.name:
            return men
    return None


# Whom a "told" addresses after a quotation: "Dunn told the Harbour Gazette", "… told reporters".
_LISTENER_NAMED = re.compile(r"\s*(?:(?:the|a|an)\s+)?(?:[A-Z][\w.'’&-]*\s*)+|\s*(?:him|her|them|us|me|reporters|journalists)\b")


def _adjuncts_only(cue: str, rest: str) -> bool:
    """After "“…?” X VERB": only the verb's own adjuncts follow (place, time, medium, the end of the sentence),
    not a reported clause; after "told" its listener first ("“…?” Dunn told the Gazette in an interview")."""
    if cue in _LISTENER_FIRST:
        heard = _LISTENER_NAMED.match(rest)
        if heard and heard.end() > 0:
            rest = rest[heard.end():]
            if rest.strip() in {"", "."}:
                return True
    return bool(_ADJUNCT_AFTER.match(rest))


def _after_mention(text: str) -> Mention | None:
    """The speaker in “…,” X said: a person / organisation / pronoun, else the name before an
    "of" phrase ("Mr. Morgan of the Sierra Club"), else an unresolvable noun phrase ("my father"),
    which still makes the quotation a quote, unattributed."""
    if _SUBORDINATOR.match(text):
        return None  # "… ''Buffett rule'' after Warren Buffett complained …": a clause of its own, no attribution
    men = parse_mention(text)
    if men:
        return men
    text = text.strip()
    if text.lower() == "it":
        return IT
    party = _PARTY_TAG.search(text)
    if party and party.start() > 0:
        # "Rep. Ana Ruiz (D-Vt.)": the party and state in brackets are no part of the name.
        men = _after_mention(text[:party.start()])
        if men and men.kind in {"name", "role"}:
            return men
    titled = _titled_full_name(text)
    if titled is not None:
        return titled
    # "the Rev. Ola Berg", "board Chairman Jo Lind", "2019 winner Karin Sund": a name after
    # an article or lower-case / numeric modifiers is that person (never a shorter tail of a name).
    lead = _LEADING_MODIFIERS.match(text)
    if lead and lead.end() < len(text):
        men = parse_mention(text[lead.end():])
        if men and men.kind == "name" and men.name and " " in men.name:
            return men
    if " of " in text:
        men = parse_mention(text.split(" of ")[0])
        if men and men.kind == "name":
            return men
    if _NOUN_PHRASE.match(text):
        return Mention("role", text)
    return None
