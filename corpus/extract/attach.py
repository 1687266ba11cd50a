"""Cue attachment: which speaker mention and speech verb a direct quotation belongs to.

After the closing mark ("“…,” Lund said", "“…” ― Ana Ruiz", "“…?” Ekberg demanded") or before the
opening one ("Lund said: “…”", "The captain made the following comment: “…”"); a cue in the passive
("“…,” Tom Bell was told") gives the "by" phrase's speaker or nobody.
"""

from __future__ import annotations

import re

from .after_mentions import _LEADING_MODIFIERS, _LISTENER_FIRST, _adjuncts_only, _after_mention
from .cues import _ADV, _M, AFTER_APPOS, AFTER_CM, AFTER_MC, BEFORE_CM, THAT_INNER_NAMED_COLON, before_cue
from .fragments import _OPENER, IT, sentence_subject
from .layout import QuoteSpan
from .lexicon import CUE, OBJECT_CUES, PASSIVE_AUX
from .mentions import Mention, parse_mention
from .run_state import RunState

# After a closing mark, a dash and a name that ends the paragraph: “…” ― Ana Ruiz.
_DASH_NAME = re.compile(r"[ \t]*[,.]?[ \t]*[―—–][ \t]*(?P<m>[A-Z][^\n,;:“”\"«»()!?]{1,60}?)[ \t]*\.?[ \t]*(?:\n|$)")
# After a closing mark: a name or pronoun, one verb and the end of the sentence ("Ekberg demanded.").
# "“…,” she carried on." / "“…,” they reply." / "“…,” it advised.": a pronoun and any verb too.
_AFTER_ANY_VERB = re.compile(r"^[ \t]+(?P<m>(?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w'’-]*|he|she|they|it|we)[ \t]+"
                             r"(?P<cue>[a-z]{3,}(?:ed|s)(?:[ \t]+(?:back|on))?|(?:shot|hit|struck)[ \t]+back|went[ \t]+on|"
                             r"(?:(?<=\bthey[ \t])|(?<=\bwe[ \t])|(?<=\bI[ \t]))[a-z]{3,}(?<!ed)(?<!ly))\b[^.!?“”\"«»\n]{0,80}[.!?]")
# After a closing mark, a verb in the past the cue list lacks, then its subject and the sentence's end:
# "“…,” mused Ekberg.", "“…,” opined the Gazette, …".
_AFTER_INVERTED = re.compile(rf"^[ \t]*[,]?[ \t]+(?P<cue>[a-z]{{3,}}ed)[ \t]+(?P<m>{_M})(?=[ \t]*(?:[.!?,]|$))")
_CLOSES = re.compile(r"[ \t]*(?:[.!?]|,\s)")
# First person, or "we": the writer or a group speaking, whom no name is read from (kept as the evidence).
_UNNAMED_PRONOUN = frozenset(["I", "we"])
# A name alone before a colon and the quotation, after a dash, a line's start or "from": a digest's credit line.
_NAME_COLON = re.compile(r"(?:^|[-–—―]\s+)(?:(?:More\s+|more\s+)?(?:[Ff]rom)\s+)?"
                         r"(?P<m>[A-Z][\w.'’&-]*(?:\s+(?:and\s+)?[A-Z][\w.'’&-]*){0,5}|the\s+[a-z]+)\s*:\s*$")
# A sentence ending in a colon that introduces someone's words.
_COLON_INTRO = re.compile(rf"(?:\b{CUE}|\b(?:comments?|statement|remarks|words|message|tweet(?:ed)?|post(?:ed)?|"
                          r"following|this\s+way|as\s+follows|put\s+it|wrote|writes|explained|scold(?:ed|s)|"
                          r"address(?:ed|es)|boom(?:ed|s)|shout(?:ed|s)|yell(?:ed|s)|plead(?:ed|s)|lectur(?:ed|es)|"
                          r"summed\s+(?:it\s+)?up|sums\s+(?:it\s+)?up|chimed\s+in|weighed\s+in))\b[^.!?:]*:\s*$")
# A report inside the sentence's report whose own subject names nobody: "X said his mother always told
# him:", "X recalled that his coach once said:" (a possessive or article noun phrase, then a speech verb).
_INNER_REPORT = re.compile(rf"\b(?:{CUE})\s+(?:that\s+)?(?P<np>(?:his|her|their|my|our|a|an|the)\s+"
                           rf"(?!(?:who|which|that|and|but|or|then)\b)[a-z][\w'’-]*(?:\s+(?!(?:who|which|that|and|but|or|then)\b)[a-z][\w'’-]*)?)"
                           # "her landlord, Rashid Qadir, had texted her:": the apposition names the inner speaker
                           rf"(?:,\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+),)?\s+"
                           rf"(?:\w+ly\s+|once\s+|had\s+|has\s+|would\s+)*(?:{CUE}|(?<=\s)(?:had|has)\s+[a-z]{{3,}}ed|"
                           rf"texted|messaged|emailed|e-mailed|tweeted|posted|scrawled|sent|wrote|written)\b[^.!?:;“”\"«»]{{0,40}}:\s*$")
# "Said Ellis: “…”": the verb first, at the start of a sentence.
_SAID_FIRST = re.compile(rf"(?:^|[.!?][\"”’)]?\s+)(?:Said|Says|Added|Wrote|Asked|Stated|Continued|Explained|Noted|"
                         rf"Replied|Concluded|Recalled|Responded)\s+(?P<m>{_M})\s*[:,]\s*$")
_PARAGRAPH_GAP = re.compile(r"[ \t]*\n(?:[ \t]*\n)*")
# The paragraph after a quotation that signs it: a dash and a name, then at most a comma and a few words.
_SIGNED_BELOW = re.compile(r"[ \t]*[-–—―][ \t]*(?P<m>[A-Z][^\n,;:“”\"«»()!?]{1,60}?)[ \t]*(?:[.]?[ \t]*$|,[^\n]{0,80}$)")
# "As Tom Dunn put it in a letter, “…”" / "as the Gazette puts it, “…”" / "As Tom Dunn, the harbour master, put it: “…”".
# … and "As Tom Dunn had written years earlier, “…”", "as Ana Ruiz noted, “…”": the verb without "it".
_AS_PUT_IT = re.compile(rf"\b[Aa]s\s+(?P<m>{_M})(?:,\s+[^,;:“”\"«»]{{1,80}}?,)?\s+"
                        r"(?:(?:had|has|have|once|famously|recently|later|also|then)\s+)*"
                        r"(?:(?:put|puts|said|says|wrote|writes)\s+it|said|says|wrote|writes|written|noted|notes|"
                        r"observed|observes|argued|argues|explained|explains|remarked|remarks|recalled|recalls|"
                        r"reported|reports|told|tells|warned|warns)\b"
                        rf"[^“”\"«»:;.!?]{{0,60}}?[,:]\s*$")
# Text written on a thing, not spoken: "a wreath bearing the inscription in gold letters: “…”".
_OBJECT_TEXT = re.compile(r"\b(?:inscription|slogan|signs?|banners?|placards?|posters?|proclamation|headlines?|"
                          r"captions?|titled?|motto|labels?|logo|plaque|engraving|t-shirts?|reading)\b[^:.!?]{0,40}:\s*$",
                          re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# A clause with a new subject, ended by a colon before the quotation: "…, before his coach Tom Berg interrupted:",
# "…, when Berg cut in:".
_NEW_VOICE = re.compile(r"[,;]\s+(?:before|after|when|while|until|then|but)\s+(?P<m>(?:(?:his|her|their|the)\s+)?"
                        r"(?:[a-z][\w-]*\s+){0,2}[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:[a-z]+ly\s+)?"
                        r"[a-z]{3,}(?:\s+(?:in|up|back|on|out))?\s*:\s*$")


def _capitalised(words: str) -> bool:
    """A name or title in capitals ("To the Unknown Soldier from the President"), not a sentence spoken."""
    long = [w for w in _WORD.findall(words) if len(w) > 3]
    return bool(long) and sum(1 for w in long if w[0].isupper()) >= 0.6 * len(long)


# What may stand before a subject that opens its sentence: "And Ms. Lund scoffed:".
_OPENS = re.compile(r"\s*(?:(?:And|But|Then|So|Yet|Still|Later|Now|Instead|Finally|Meanwhile)\b\s*,?\s*)*")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z“\"])")
_PASSIVE_AUX = re.compile(PASSIVE_AUX + r"(?:\w+ly\s+)?$")
_PASSIVE_CUE = re.compile(PASSIVE_AUX + rf"(?:\w+ly\s+)?(?P<cue>{CUE})\b")
# After a closing mark, a role, then the full name in commas, then the verb: ", his wife, Ana Ruiz, wrote".
_AFTER_ROLE_NAME = re.compile(rf"^\s*,?\s*(?:the|a|an|his|her|their|its|(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.'’-]*['’]s)\s"
                              rf"[^,;:“”\"«»\n]{{1,60}}?,\s+"
                              rf"(?P<m>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{1,3}}),\s+{_ADV}(?P<cue>{CUE})\b")
# "“…,” said her daughter, Karin Moore." / "“…,” said the harbour master, Jonas Ekberg, on Monday": the verb,
# a role, then the name in apposition to it.
_AFTER_CUE_ROLE_NAME = re.compile(rf"^\s*,?\s*(?P<cue>{CUE})\s+(?:the|a|an|his|her|their|its|[A-Z][\w.'’-]*['’]s)\s"
                                  rf"[^,;:“”\"«»\n]{{1,60}}?,\s+(?P<m>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{1,3}})"
                                  r"\s*(?:[.,;!?]|$)")
# Between a mention and its own verb: no quotation mark and no sentence end.
_CLAUSE_BREAK = re.compile(r"[“”\"«»]|[.!?](?<![A-Z]\.)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr)\.)(?<!\b(?:Mrs|Gov|Sen|Rep|Gen|Rev)\.)\s")
_BY_AGENT = re.compile(r"\s+by\s+(?P<m>[^,;:.!?“”\"«»]{1,80}?)\s*(?=[,;:.!?“\"«]|$)")
_UNNAMED_SUBJECT = re.compile(r"\s*(?P<np>(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+[a-z][\w'’-]*"
                              r"(?:\s+(?!(?:who|whom|whose|which|that|put|said|says|told|wrote)\b)[a-z][\w'’-]*)?)\b")
class CueAttachment(RunState):
    """The speech verb and mention a quotation is attached to (mixed into the extraction run)."""

    def attach(self, q: QuoteSpan, line_start: int, line_end: int, prev_end: int) -> tuple[Mention, str, int] | None:
        """The speaker mention and cue a speech verb attaches to quotation ``q``."""
        f = self.folded
        inner = f[q.start:q.end].rstrip()
        after_end = min(self.lay.lines[q.last_line][1], q.outer_end + 160)
        after = f[q.outer_end:after_end]
        # “… looked”. She explained how …: a full stop inside or just after the closing mark ends
        # the sentence; what follows is a new one, not this quotation's attribution.
        ends_sentence = inner[-1:] in ".!?…" or after[:1] in ".!?"
        m = _DASH_NAME.match(f, q.outer_end, after_end + 2)
        if m:
            # “…” ― Ana Ruiz: a pull quote or reader's comment signed with the speaker's name alone.
            men = parse_mention(m.group("m"))
            if men and men.kind in {"name", "org"}:
                return men, "―", m.start("m")
        signed = self._signed_below(q)
        if signed is not None:
            return signed
        m = AFTER_MC.match(after)
        # … but "“…?” Ms. Lund asked, waving …" and "“…!” Ekberg said on the radio." are attributions: the
        # verb's own adjuncts follow it, not a reported clause ("“…” She said the vote …"). A full stop after
        # the closing mark ("the lighthouse called the “old keeper”. Ms. Lund also wrote in …") ends the sentence.
        if m and not (ends_sentence and m.group("m").strip()[:1].isupper()
                      and m.group("rest").strip() not in {"", "."}
                      and not (after[:1] not in ".!?" and _adjuncts_only(m.group("cue"), m.group("rest")))):
            men = _after_mention(m.group("m"))
            if men:
                return men, m.group("cue"), q.outer_end + m.start("m")
        m = AFTER_APPOS.match(after)
        # ("“…?” Berg, a retired worker, said": a question or exclamation mark is no sentence end before it)
        if m and not (inner[-1:] in ".…" or after[:1] in ".!?"):
            # ("the economist Ana Ruiz, a former adviser to the mayor, wrote": modifiers before the name)
            men = parse_mention(m.group("m")) or _after_mention(m.group("m"))
            if men and men.kind == "name":
                at = m.start("m") + max(0, m.group("m").rfind(men.surface)) if men.surface in m.group("m") else m.start("m")
                return men, m.group("cue"), q.outer_end + at
        m = _AFTER_ROLE_NAME.match(after)
        if m and not ends_sentence:
            # "“…,” the harbour master, Jonas Ekberg, said": the name in apposition to the role.
            men = parse_mention(m.group("m"))
            if men and men.kind == "name" and men.name and " " in men.name:
                return men, m.group("cue"), q.outer_end + m.start("m")
        m = _AFTER_CUE_ROLE_NAME.match(after)
        if m and not ends_sentence and m.group("cue") not in OBJECT_CUES:
            men = parse_mention(m.group("m").rstrip("."))  # "Karin Moore." ends the sentence
            if men and men.kind == "name" and men.name and " " in men.name:
                return men, m.group("cue"), q.outer_end + m.start("m")
        m = AFTER_CM.match(after)
        if m and m.group("cue") in OBJECT_CUES and m.group("cue") not in {"asked", "asks"} \
                and (m.group("cue") in _LISTENER_FIRST or not _CLOSES.match(after, m.end("m"))):
            # "“…,” told MSNBC": after "told" comes the listener, not the speaker ("“…,” warned Ruiz." is hers)
            m = None
        # "“Why not?” asked Dunn.": a question or exclamation mark is no sentence end before the verb.
        if m and not (inner[-1:] in ".…" or after[:1] in ".!?"):
            men = _after_mention(m.group("m"))
            if men:
                return men, m.group("cue"), q.outer_end + m.start("m")
        m = _AFTER_ANY_VERB.match(after)
        if m and inner[-1:] in ",?!":
            # “Why is the ferry late?” Ekberg demanded. / “…,” she shouts over the noise: a name or pronoun and
            # a verb the cue list lacks, completing the sentence the quotation opened.
            who = m.group("m")
            men = IT if who == "it" else Mention("role", who, role=who) if who in _UNNAMED_PRONOUN else parse_mention(who)
            if men and (men.kind in {"name", "pronoun"} or men is IT or who in _UNNAMED_PRONOUN):
                return men, m.group("cue"), q.outer_end + m.start("m")
        m = _AFTER_INVERTED.match(after)
        opens = f[max(line_start, prev_end):q.open + 1]  # (the mark itself: a sentence break looks ahead at it)
        cut = [b.end() for b in _SENTENCE_BREAK.finditer(opens)]
        opens = opens[:-1]
        if m and inner[-1:] in ",?!" and not opens[cut[-1] if cut else 0:].strip():
            # “Sundays are for fishing,” mused Ekberg. / “…,” opined the Gazette: a verb the cue list lacks, then
            # its subject, ending the sentence the quotation opened.
            men = _after_mention(m.group("m"))
            if men and men.kind in {"name", "pronoun", "role", "org"}:
                return men, m.group("cue"), q.outer_end + m.start("m")
        bstart = max(line_start, prev_end, q.open - 200)
        before = f[bstart:q.open]
        if not before.strip() and q.open - line_start < 3 and q.line > 0:
            ps, pe = self.lay.lines[q.line - 1]
            prev = f[ps:pe].rstrip()
            if prev.endswith(":"):
                before, bstart = prev, ps
        voice = _NEW_VOICE.search(before)
        if voice:
            # "“We won,” Lund said, before his coach Tom Berg interrupted: “…”": the clause the colon closes has
            # a subject of its own, whose words these are — never the earlier cue's speaker.
            who = voice.group("m")
            bare = _LEADING_MODIFIERS.sub("", who)
            men = parse_mention(bare) or Mention("role", who, role=who)
            return men, ":", bstart + voice.start("m") + (len(who) - len(bare) if men.surface == bare else 0)
        relay = self._inner_report(before, bstart) if before.rstrip().endswith(":") else None
        if relay is not None:
            return relay
        found = before_cue(before)
        if found:
            return found[0], found[1], q.open - len(before) + found[2]
        for pattern in (_SAID_FIRST, _AS_PUT_IT):
            m = pattern.search(before)
            men = (_after_mention(m.group("m")) if pattern is _AS_PUT_IT else parse_mention(m.group("m"))) if m else None
            if m and men and men.kind in {"name", "pronoun", "org"}:  # ("as the columnist Ana Ruiz wrote")
                return men, "said" if pattern is _SAID_FIRST else "put it", q.open - len(before) + m.start("m")
        named = _NAME_COLON.search(before)
        if named and (named.start() > 0 or bstart == line_start):
            # "POLLS MISS THE TURNOUT - Ana Ruiz: “…”", "More from Ruiz and Dunn: “…”", "From the report: “…”": a
            # name (or a document) and a colon right before the quotation, no verb — a digest's credit line. Kept
            # as the evidence only: no verb says the words are that person's own (they may be a piece's).
            return Mention("role", named.group("m")), ":", bstart + named.start("m")
        if before.rstrip().endswith(":") and _COLON_INTRO.search(before):
            # "The captain made the following comment:" / "Staff explained it this way:": the subject of
            # the sentence the colon ends introduces the quotation.
            cut = [m.end() for m in _SENTENCE_BREAK.finditer(before)]
            sent_from = bstart + (cut[-1] if cut else 0)
            relayed = THAT_INNER_NAMED_COLON.search(f, sent_from, bstart + len(before))
            if relayed:
                # "X told the court that Maya Stone had sent a message reading: “…”": the words the report
                # relays are its inner subject's, not X's; no name is given for them here.
                return Mention("role", "relayed"), ":", relayed.start()
            subj = sentence_subject(f, sent_from, bstart + len(before))
            if subj and subj[0].kind in {"name", "pronoun", "org"}:
                return subj[0], ":", subj[1]
            unnamed = _UNNAMED_SUBJECT.match(f, sent_from, bstart + len(before))
            if unnamed:
                # "An engineer who inspected it put it simply: “…”": a quotation all the same, of nobody
                # the article names (the noun phrase is kept as the evidence).
                return Mention("role", unnamed.group("np")), ":", unnamed.start("np")
        # "“…,” the man shouted": a comma closing the quotation means an attribution of its own follows.
        own = inner[-1:] == "," and after[:1] in " \t" and after.lstrip()[:1].isalpha()
        if before.rstrip().endswith(":") and not _COLON_INTRO.search(before) and not own \
                and not _OBJECT_TEXT.search(before) and not _capitalised(inner):
            # "Ekberg gave a short answer: “…”", "She went further: “…”": a sentence its subject opens,
            # ended by a colon right before the quotation, introduces that subject's words whatever its verb.
            cut = [m.end() for m in _SENTENCE_BREAK.finditer(before)]
            sent_from = bstart + (cut[-1] if cut else 0)
            subj = sentence_subject(f, sent_from, bstart + len(before))
            # (after an opening phrase too: "At the town hall on Monday, the Dunn supporter retorted: “…”"; a noun
            # phrase no name is read from is kept as the evidence)
            opener = f[sent_from:subj[1]] if subj else ""
            if subj and (self.someone(subj[0]) or subj[0].kind == "role") \
                    and (_OPENS.fullmatch(opener) or (_OPENER.match(opener) and opener.rstrip().endswith(","))) \
                    and f.startswith(subj[0].surface.split()[0], subj[1]):
                return subj[0], ":", subj[1]
        m = BEFORE_CM.search(before)
        if m and m.group("cue") in OBJECT_CUES:
            m = None  # "X told The Huffington Post: “…”" is X's
        if m:
            men = parse_mention(m.group("m"))
            if men:
                return men, m.group("cue"), q.open - len(before) + m.start("m")
        return None

    def _signed_below(self, q: QuoteSpan) -> tuple[Mention, str, int] | None:
        """A quotation that is its whole paragraph, signed in the next one with a dash and a name ("“…”⏎⏎- Ana
        Ruiz, tweeting after the vote."), as fact checks and quote boxes print them: that name."""
        f, lines = self.folded, self.lay.lines
        ls, le = lines[q.last_line]
        if f[lines[q.line][0]:q.open].strip() or f[q.outer_end:le].strip(" \t.,"):
            return None
        # (the next paragraph in the text: a lone signature line may not be one of the layout's body lines)
        gap = _PARAGRAPH_GAP.match(f, le, le + 200)
        if gap is None:
            return None
        ns = gap.end()
        ne = f.find("\n", ns)
        m = _SIGNED_BELOW.match(f, ns, ne if ne >= 0 else len(f))
        if m is None:
            return None
        men = parse_mention(m.group("m"))
        if men is None or men.kind not in {"name", "org"}:
            return None
        return men, "―", m.start("m")

    def _inner_report(self, before: str, bstart: int) -> tuple[Mention, str, int] | None:
        """"X said his mother always told him: “…”", "X said her landlord, Rashid Qadir, had texted her: “…”": the
        words are the inner speaker's — the one an apposition names, else nobody the article names here — never
        the sentence subject's."""
        cut = [m.end() for m in _SENTENCE_BREAK.finditer(before)]
        sent_from = bstart + (cut[-1] if cut else 0)
        inner = _INNER_REPORT.search(self.folded, sent_from, bstart + len(before))
        if inner is None:
            return None
        named = parse_mention(inner.group("name")) if inner.group("name") else None
        if named is not None and named.kind == "name":
            return named, ":", inner.start("name")
        return Mention("role", inner.group("np").strip()), ":", inner.start("np")

    def _passive(self, men: Mention, cue: str, pos: int) -> tuple[Mention, int] | None:
        """For a cue in the passive ("X was told", "X was warned by Y"): the "by" phrase's mention and
        its offset, or (the listener's mention, -1) when no one is said to speak; None when active."""
        f = self.folded
        at = f.find(cue, pos, pos + 200)
        if at < 0 or _CLAUSE_BREAK.search(f, pos, at):
            # "“…,” said X. “… what has to be said.”": the cue stood before the mention, and the verb
            # found after it belongs to other words, not to this mention's clause.
            return None
        if cue == ":":  # "Tom Bell was told by Sue Gray: “…”"
            verb = _PASSIVE_CUE.search(f, pos, at)
            if verb is None:
                return None
            at, cue = verb.start("cue"), verb.group("cue")
        elif not _PASSIVE_AUX.search(f, max(pos, at - 30), at):
            return None
        by = _BY_AGENT.match(f, at + len(cue))
        if by:
            agent = parse_mention(by.group("m"))
            if agent is not None:
                return agent, by.start("m")
        return men, -1
