"""Who speaks a quoted fragment inside narration: "X described Y as a “disgrace”", "X did Y, saying “…”".

A fragment's speaker is the subject of the speech act before it. When that act is a participle or the
second of two coordinated verbs ("The mayor posted three messages, saying …", "The councillor presented
the budget and vowed to punish “…”"), its subject is the sentence's subject, which may carry an apposition
or a relative clause ("Ekberg, who has sailed here for years, blasted …"). A subject that is a plain noun
phrase no name can be read from ("The retired shipbuilder says …") is kept as the mention — the
evidence a reader sees — and resolves to nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import SPEECH_ACT, SUBJECT_VERB
from .lexicon import PASSIVE_AUX
from .mentions import Mention, parse_mention
from .subjects import mention_from

# "“…,” it added." / "it cited “…”": an organisation or a document speaking. The word is the
# evidence; which body it stands for is not guessed (never resolved, never an antecedent).
IT = Mention("role", "it", role="it")


@dataclass(frozen=True, slots=True)
class FragmentFrame:
    mention: Mention | None
    mention_pos: int  # where to look for the mention's words (its start, or the cue's)
    cue: str
    start: int  # where the reported part begins: after the cue


# "X, who …, VERB" / "X, a former governor, VERB": a subject with an apposition or relative clause.
_APPOS_SUBJECT = re.compile(
    # an opening adverbial first ("With 50 days to go, X, a senior adviser, called …")
    r"(?:(?:In|On|At|With|After|Before|During|Since|From|Under|Earlier|Later|Last|Speaking|Asked|Meanwhile|"
    r"However|Then|But|And|Still|Yet)\b[^,;:“”\"«»\n]{0,80},\s+)?"
    r"(?!(?:In|On|At|With|After|Before|During|Since|From|Under)\s)(?P<m>[A-Z][^,;:“”\"«»\n]{0,60}?),\s+(?P<app>(?:who|a|an|the|[a-z\d])[^;:“”\"«»\n]{0,160}?),\s+"
    r"(?:(?:is|was|has|had|have|were|are)\s+)?(?:\w+ly\s+)?(?:also\s+|then\s+|again\s+)?"
    r"(?P<v>[a-z]+(?:ed|es|s)|said|told|called|wrote|took|gave|spoke|made|put|sent|held|set|read)\b"
)
# The act follows a clause of the subject's own: ", saying …", " and vowed …", " while calling …".
_DEPENDENT = re.compile(r"(?:,\s*|\s(?:and|while|before|after|by|then)\s+(?:also\s+)?)$")
# A noun phrase that is a subject but no name: "The retired shipbuilder", "one passenger".
_NOUN_PHRASE = re.compile(r"^(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w.'’-]*)"
                          r"(?:\s+[\w.'’-]+){1,5}$")
# "Holmgren’s comments", "his warning", "the statement": the word is a noun there, not a speech act.
_NOUN_BEFORE = re.compile(r"(?:['’]s?|\b(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those))\s+$",
                          re.IGNORECASE)
_BY_ACT = re.compile(r"\sby\s+$")
# A clause of another subject between a speaker and a participle after it: "“…?” Ruiz asks as a ferryman
# walks past, saying …" — the participle may be the ferryman's.
OTHER_SUBJECT_BETWEEN = re.compile(
    r"\b(?:as|while|when|whenever|after|before|because|since|until|whereas)\s+"
    r"(?:(?:a|an|the|his|her|their|its|one|another|some)\s+(?:[\w'’-]+\s+){0,3}[a-z][\w'’-]*|"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+(?:[a-z]+ly\s+)?(?:[a-z]{2,}ed|walks|says|speaks|comes|goes|"
    r"arrives|leaves|stands|sits|looks|runs|shouts|yells|interrupts|cuts|steps|enters|turns)\b")
_NAME_BETWEEN = re.compile(r"\s[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\b")
# The whole clause before the act: a noun phrase, then a full name in apposition, then the act.
_KIN_THEN_NAME = re.compile(r"^\s*(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Mm]y|[Oo]ur)\s+[a-z][\w'’-]*"
                            r"(?:\s+[a-z][\w'’-]*){0,3},\s+(?P<m>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}),\s*$")
_PASSIVE = re.compile(PASSIVE_AUX + r"(?:\w+ly\s+)?$")
_SENTENCE_END = re.compile(r"(?<=[a-z\d][.!?])\s+(?=[A-Z])")
_NOT_NOUNS = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|that|which|who|when|if|"
                        r"because|this|it|there)\b", re.IGNORECASE)


# Around a subject, words that are not part of it: a sentence adverb or connective before ("Then he
# turned on …", "But the mayor …"), a time, a party in brackets or an adverb after ("Ana Ruiz on Saturday
# criticised …", "Tom Ekberg (Ind.) said", "Ana Ruiz also …").
_LEADING = re.compile(r"\s*(?:(?:Then|But|And|So|Yet|Still|Later|Meanwhile|Earlier|Now|Instead|Also|However|Indeed|"
                      r"Separately|Afterwards?|Again|Finally|Previously|Today|Yesterday|Tonight)\b\s*,?\s*)+")
_TRAILING = re.compile(
    r"(?:\s+\([^()]{0,30}\)|\s+(?:on|last|this|earlier|late|early|in|at|during|after|before|since)\s+(?:\w+day|week|month|"
    r"year|night|morning|evening|afternoon|weekend|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2})?)|"
    r"\s+(?:also|then|again|later|earlier|once|now|still|has|have|had|is|was|are|were|"
    r"(?!(?:family|assembly|supply|rally|ally|reply|monopoly|anomaly|bully)\b)[a-z]{2,}ly))+\s*$")


def _subject_words(text: str) -> tuple[str, int]:
    """``text`` without leading connectives and trailing adjuncts, and how far in its words start."""
    lead = _LEADING.match(text)
    shift = lead.end() if lead and lead.end() < len(text) else 0
    core = text[shift:]
    tail = _TRAILING.search(core)
    if tail and tail.start() > 0:
        core = core[:tail.start()]
    return core, shift


def _own_subject(clause: str, s: int) -> tuple[Mention, int] | None:
    """The subject the act at the end of ``clause`` (which starts at ``s``) has in its own clause, after
    the last comma ("…, Y called it", "Ana Ruiz has also broadly called for"), and where it starts."""
    tail = clause.rsplit(",", 1)[-1]
    words, shift = _subject_words(tail)
    men = mention_from(words)
    if men is None:
        return None
    if men.kind == "document":
        # "she issued a statement calling on …": who issued it is read from the words up to the act.
        return men, s + len(clause)
    at = words.rfind(men.surface.split()[0]) if men.surface.split() else -1
    return men, s + len(clause) - len(tail) + shift + max(at, 0)


def _subject_mention(text: str) -> Mention | None:
    return parse_mention(text) or mention_from(text)


def sentence_subject(f: str, s: int, limit: int) -> tuple[Mention, int] | None:
    """The subject of the sentence starting at ``s`` (its first verb before ``limit``) when it names
    a speaker, and where its words start."""
    m = SUBJECT_VERB.match(f, s, limit)
    if m and _SUBORDINATE.match(m.group("m")):
        m = None  # "After Tom Dunn lost the vote, Ana Ruiz …": the subject of a clause before the main one
    if m and not (m.group("v").endswith("ing") and not m.group("aux")):
        words, shift = _subject_words(m.group("m"))
        men = mention_from(words)
        if men and words.lstrip().startswith(men.surface.split()[0]):
            return men, m.start("m") + shift
        # "One operative inside the union tried …": the subject is the whole phrase, not the
        # name at its end; it names nobody.
        np = _noun_phrase(words)
        if np:
            return np, m.start("m") + shift
        # (nothing read, as in "Tom Dunn, who has sailed here for years, said": the verb was a relative clause's)
    a = _APPOS_SUBJECT.match(f, s, limit)
    if a:
        men = _subject_mention(a.group("m"))
        if men:
            return men, a.start("m")
    dressed = _dressed_subject(f, s, limit)
    return dressed[:2] if dressed else None


# A verb of the main clause: an auxiliary and a participle, a past or present form, a common irregular past.
_MAIN_VERB = re.compile(
    r"(?<=[\w.)’'”,])\s+(?:(?:also|then|again|later|earlier|once|now|still|never|all\s+but|[a-z]+ly)\s+)*"
    r"(?P<v>(?:(?:is|was|has|had|have|were|are)\s+(?:[a-z]+ly\s+)?[a-z]{3,}(?:ing|ed)|"
    r"(?!(?:is|was|has|does|as|this|his|its|us|yes|plus|thus|news|series|less|unless|across|whereas|"
    r"always|perhaps|days|years|weeks|months|times|minutes|hours)\b)[a-z]{3,}(?:ed|s)|"
    r"went|told|said|wrote|gave|took|made|spoke|sent|held|put|read|stood|brought|began|came|left|kept|led|"
    r"ran|won|lost|saw|thought|felt|struck|drew|threw|sought|fought|met))\b")
# What a sentence may open with before its subject: a preposition or conjunction's phrase, a participle's
# ("Speaking at a rally in Salem, New Hampshire, Ana Ruiz went …"), a time ("Eight years ago, …").
_OPENER = re.compile(
    r"^\s*(?:(?:After|When|While|As|Because|Although|Though|Since|Before|Until|Once|If|In|On|At|With|During|"
    r"From|Under|Amid|Despite|For|Like|Unlike|Following|Without|Within|Throughout|Earlier|Later|Last|This|"
    r"Then|But|And|Yet|Still|Meanwhile|However|Instead|Now|Today|Yesterday|Hours|Days|Weeks|Months|Years)\b|"
    r"[A-Z][a-z]+(?:ing|ed)\b|(?:[A-Z][a-z]+|\d+)\s+(?:days?|weeks?|months?|years?|hours?)\s+(?:ago|later|earlier)\b)")
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\b")
_SUBORDINATE = re.compile(r"^\s*(?:After|When|While|As|Because|Although|Though|Since|Before|Until|Once|If)\b")
# A noun phrase the full name after it stands in apposition to: "The French energy minister, Ana Ruiz,",
# "Mr. Bell's campaign chairman, Tom Dunn,".
_ROLE_BEFORE_NAME = re.compile(r"^\s*(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Mm]y|[Oo]ur|"
                               r"(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w'’-]*['’]s?)(?:\s+[A-Z][\w'’-]*){0,3}"
                               r"\s+[a-z][\w'’-]*(?:\s+[\w'’-]+){0,6}$")


def _dressed_subject(f: str, s: int, limit: int) -> tuple[Mention, int, re.Match[str]] | None:
    """The subject of the sentence starting at ``s`` when an opening phrase with commas in it stands before
    it or an apposition after it: "Speaking at a rally in Salem, New Hampshire, Ana Ruiz went after …",
    "Tom Dunn, Vermont’s former governor, also attacked …", "Tom Dunn, Republican of Ohio, called …",
    "Ana Ruiz, whose firm, Nordlys, builds ferries, said …". Read from the first verb of the main clause: the
    name right before it (after an opening phrase), or the name that opens the sentence (perhaps after one
    opening phrase) followed by the apposition and a comma. A name that is no person's own ("Mr. Bell's
    campaign chairman") names nobody; a role and a full name in apposition give that name. Returns the
    mention, where it starts, and the main verb's match."""
    for v in _MAIN_VERB.finditer(f, s, limit):
        pre = f[s:v.start()]
        dressing = _TRAILING.search(pre)  # "…, on Tuesday called": the time is no part of the subject
        pre = pre[:dressing.start()] if dressing and dressing.start() > 0 else pre
        segs = pre.split(",")
        if len(segs) < 2:
            if _SUBORDINATE.match(pre):
                continue  # "After Tom Dunn won, …": the verb of a clause before the main one
            return None  # no comma before the main verb: SUBJECT_VERB's reading, not ours
        if pre.rstrip().endswith(","):
            # "Tom Dunn, …, VERB": the subject opens the sentence (or follows one opening phrase).
            body = segs[:-1]
            lead = 1 if _OPENER.match(body[0]) and len(body) >= 2 else 0
            subj = body[lead]
            at = s + sum(len(x) + 1 for x in segs[:lead])
            men = parse_mention(subj.strip())
            if men and men.kind in {"name", "pronoun"} and "'" not in subj and "’" not in subj \
                    and not _OPENER.match(subj):
                return men, at + len(subj) - len(subj.lstrip()), v
            if _ROLE_BEFORE_NAME.match(subj) and len(body) > lead + 1:
                # "The French energy minister, Ana Ruiz, said …"
                name = body[lead + 1]
                named = parse_mention(name.strip())
                if named and named.kind == "name" and named.name and " " in named.name:
                    return named, at + len(subj) + 1 + len(name) - len(name.lstrip()), v
            return None
        tail = segs[-1]
        if _RELATIVE.search(tail):
            continue  # "Ana Ruiz, a lawyer who now runs a firm, said": the verb of a relative clause
        # "OPENING PHRASE, …, Ana Ruiz went": the name right before the verb, after an opening phrase.
        if not _OPENER.match(segs[0]):
            return None  # "Dunn, Ruiz said, …": no opening phrase; the first words are no subject
        men = parse_mention(tail.strip())
        if men and men.kind in {"name", "pronoun"} and not _OPENER.match(tail):
            return men, s + len(pre) - len(tail) + len(tail) - len(tail.lstrip()), v
        return None
    return None


def _noun_phrase(text: str) -> Mention | None:
    text = text.strip()
    if text.lower() == "it":
        return IT
    if _NOUN_PHRASE.match(text) and not _NOT_NOUNS.search(text):
        return Mention("role", text, role=text)
    return None


def fragment_frame(f: str, s: int, limit: int) -> FragmentFrame | None:
    """The speech act before ``limit`` in the sentence starting at ``s``, and its subject."""
    m = SUBJECT_VERB.match(f, s, limit)
    if m and m.group("v").endswith("ing") and not m.group("aux"):
        m = None  # "Issues of improving “…”": a gerund in the subject, not a verb
    if m and not SPEECH_ACT.fullmatch(m.group("v")):
        # "The council seized on Ekberg's claim that …", "The ad uses footage …": a subject that
        # does something other than speak is not the speaker of the words quoted after it.
        m = None
    unread = False  # a subject and speech verb matched, but no speaker was read from the words before the verb
    if m:
        words, shift = _subject_words(m.group("m"))
        men = mention_from(words)
        if men:
            return FragmentFrame(men, m.start("m") + shift, m.group("v"), m.end())
        unread = True  # ("Tom Dunn, for his part, is labeling …" matched "for his part")
    a = _APPOS_SUBJECT.match(f, s, limit)
    if a and SPEECH_ACT.fullmatch(a.group("v")):
        men = _subject_mention(a.group("m"))
        if men:
            return FragmentFrame(men, a.start("m"), a.group("v"), a.end())
    if (m is None or unread) and (a is None or not SPEECH_ACT.fullmatch(a.group("v"))):
        dressed = _dressed_subject(f, s, limit)
        if dressed and SPEECH_ACT.search(dressed[2].group("v")) and not SPEECH_ACT.search(f, dressed[2].end(), limit):
            # "Tom Dunn, the board's oldest member, on Tuesday called …" (the act nearest the words)
            return FragmentFrame(dressed[0], dressed[1], dressed[2].group("v"), dressed[2].end())
    acts = list(SPEECH_ACT.finditer(f, s, limit))
    if not acts:
        return None
    # The nearest speech act whose subject the words name: its own ("…, Y called it “…”") or, for a
    # participle or a second verb, the sentence's ("X did Y, saying “…”").
    acts = [a for a in acts if not _NOUN_BEFORE.search(f, max(s, a.start() - 30), a.start())]
    if not acts:
        return None
    for act in reversed(acts):
        clause = f[s:act.start()]
        if _PASSIVE.search(clause):
            continue  # "When Tom Bell was warned …": the one the act is done to does not speak
        dependent = bool(_DEPENDENT.search(clause))
        # "… in Bergen and told them …": a second verb has no subject of its own.
        own = _own_subject(clause, s) if clause.strip() and not dependent else None
        if own:
            return FragmentFrame(own[0], own[1], act.group(), act.end())
        named = _KIN_THEN_NAME.search(clause)
        if named:
            # "Another critic, Laurence Holm, likened …", "His father, Anders Holm, says": the name in apposition.
            men = parse_mention(named.group("m"))
            if men and men.kind == "name" and men.name and " " in men.name:
                return FragmentFrame(men, s + named.start("m"), act.group(), act.end())
        if dependent:
            found = sentence_subject(f, s, act.start())
            if found and _BY_ACT.search(clause) and _NAME_BETWEEN.search(f, found[1] + len(found[0].surface), act.start()):
                break  # "she watches Ana Ruiz thrill crowds by exhorting …": the act may be the person named after
            if found and OTHER_SUBJECT_BETWEEN.search(f, found[1] + len(found[0].surface), act.start()):
                break  # "Ruiz spoke as a ferryman walked past, saying …": the participle may be the ferryman's
            if found:
                return FragmentFrame(found[0], found[1], act.group(), act.end())
            break  # the participle's subject is the sentence's, which names nobody we can read
    if m:
        words, shift = _subject_words(m.group("m"))
        np = _noun_phrase(words)
        if np:
            return FragmentFrame(np, m.start("m") + shift, m.group("v"), m.end())
    act = acts[-1]
    # The words right before the act, in its own sentence and clause: "… The retired shipbuilder says".
    tail = _SENTENCE_END.split(f[s:act.start()])[-1].rsplit(",", 1)[-1]
    return FragmentFrame(_noun_phrase(tail), act.start(), act.group(), act.end())
