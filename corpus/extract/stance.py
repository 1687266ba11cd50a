"""Stances a report names with its own verb: ``X called for new sanctions``, ``X endorsed Y``.

A reporter asking "who said what about sanctions?" wants "Olga Petrova called for new sanctions" as
much as "Olga Petrova said that sanctions are needed". The object is the reported content (stored as
indirect speech, never as a quotation) and the card shows it after the verb itself ("X called for …",
see ``OBJECT_PREDICATES``), never as "X said that …". Verbs of action ("attacked the car") are no
stance and are not read.

Only the plain case is read, as the news of its sentence: a subject the speech frames accept, then the
verb, then its object. Left alone: a sentence with a speech verb (the stance may be someone's reported
words), a passive ("was accused of"), a modal, infinitive or negation ("would oppose", "did not
endorse"), a subordinate or relative clause ("after X rejected …", "X, who endorsed him, …"), an
object that is a preposition or a bare pronoun ("backed off", "praised him"), and a quoted
characterisation ("slammed the plan as “reckless”", read with the direct quotes).
"""

from __future__ import annotations

import re

from .frames import Frame, _coordinated_subject
from .lexicon import CUE_RE, STANCE_VERBS, trie_pattern, words
from .subjects import subject_before

_VERB = "|".join(v.replace(" ", r"\s+") for v in sorted(STANCE_VERBS, key=len, reverse=True))
STANCE = re.compile(rf"\b(?P<cue>{_VERB})\s+(?=\S)")
# Word stems for a cheap first look: most sentences name no stance.
_ANY_STANCE = re.compile(trie_pattern(words("call endors critici oppos support prais accus reject defend condemn denounc "
                                             "blam propos slam blast welcom applaud dismiss question demand")))
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be|get|gets|got)\s+(?:(?:also|not|never|\w+ly)\s+)?$")
_MODAL = re.compile(r"\b(?:would|could|will|might|may|should|must|to|can|cannot|won't|wouldn't|not|never|n't)\s+"
                    r"(?:(?:also|\w+ly)\s+)?$", re.IGNORECASE)
# No object: "backed off", "opposed to", "the tax X proposed under a flat rate", "praised him".
_NO_OBJECT = re.compile(r"(?:off|by|to|as|under|in|on|at|with|from|into|over|after|before|during|when|while|if|"
                        r"because|since|and|or|but|so|out|up|down|away|back|that|which|who|whom|"
                        r"(?:him|her|them|it|me|us|you)(?!\s+(?:of|for|as)\b))\b", re.IGNORECASE)
# A subordinate clause just before the subject: "… after Pavel Orlov rejected the offer".
_SUBORDINATE = re.compile(r"\b(?:after|when|whenever|whether|if|because|since|as|while|before|until|once|although|"
                          r"though|unless|where|how|why|what|that|which)\s+(?:[\w.'’-]+\s+){0,5}$", re.IGNORECASE)
# Before a coordinated verb ("Orlov opened the fair and praised …"): no clause boundary of another kind.
_SUBORDINATE_ANY = re.compile(r"\b(?:after|when|whenever|whether|if|because|since|as|while|before|until|once|"
                              r"although|though|unless|where|that|which|who)\b", re.IGNORECASE)
# Where the object ends: another report (", saying …"), a new clause, the sentence's end.
_END = re.compile(r"(?:,\s+(?:saying|adding|arguing|noting|calling|telling|insisting|warning|stressing|explaining|"
                  r"claiming|declaring|suggesting|and|but|which|who|while)\b|\s+because\b|;|"
                  r"[.!?][\"”’]?\s*$)")
_QUOTE_MARKS = set("“”\"«»")
# An object's means ("by carrying out …"): what was done, not a position taken.
_BY_MEANS = re.compile(r"\bby\s+(?:\w+ly\s+)?\w+ing\b")
# A person as the object: a post or a relative ("his deputy", "the head of …", "Boris Yeltsin's daughter").
_KIN_OR_POST = re.compile(r"(?:his|her|their|its|the|a)\s+(?:\w+\s+){0,2}(?:deputy|deputies|head|chief|minister|"
                          r"director|adviser|advisor|aide|secretary|governor|commander|daughter|son|wife|husband|"
                          r"staff|envoy|ambassador|official|officials)\b")
# When, at the object's end, is no part of the stance: "endorsed the tariff on Monday".
_TIME_TAIL = re.compile(r"\s+(?:(?:on|last|this|early|late|earlier)\s+(?:\w+day|week|month|year|night|morning|evening|"
                        r"afternoon)|yesterday|today|(?:in|on)\s+(?:January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)(?:\s+\d{1,2})?)$")


def stance_frames(folded: str, s: int, e: int) -> list[Frame]:
    """The stance reported in the sentence ``folded[s:e]``, if it reports one plainly (at most one)."""
    sent = folded[s:e]
    if not _ANY_STANCE.search(sent) or CUE_RE.search(sent):
        return []
    for m in STANCE.finditer(sent):
        before = max(0, m.start() - 24)
        if _PASSIVE.search(sent, before, m.start()) or _MODAL.search(sent, before, m.start()):
            continue
        obj = sent[m.end():]
        if _NO_OBJECT.match(obj) or _QUOTE_MARKS.intersection(obj) or "''" in sent[:m.start()]:
            continue
        if m.group("cue").startswith("welcome") and obj[:1].isupper():
            continue  # "welcomed President Petrov in the foyer": a greeting
        if m.group("cue").startswith("dismiss") and (obj[:1].isupper() or _KIN_OR_POST.match(obj)):
            continue  # "dismissed Deputy Minister X", "dismissed his chief of staff": a firing, no stance
        if _BY_MEANS.search(obj.split(".")[0]):
            continue  # "the army supported the landing by carrying out an offensive": a deed, no stance
        found = subject_before(sent, m.start()) or (
            None if _SUBORDINATE_ANY.search(sent, 0, m.start()) else _coordinated_subject(sent, m.start()))
        if not found:
            continue
        men, mstart = found
        if men.surface.lower() in {"who", "which", "that"} or _SUBORDINATE.search(sent, 0, mstart):
            continue  # background ("X, who endorsed him last week, …"), not the sentence's news
        cut = _END.search(obj)
        end = m.end() + (cut.start() if cut else len(obj.rstrip(" .!?")))
        t = _TIME_TAIL.search(sent, m.end(), end)
        end = t.start() if t else end
        return [Frame(men, " ".join(m.group("cue").split()), s + m.end(), s + end, s + mstart)]
    return []
