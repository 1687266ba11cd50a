"""Where a reported clause ends: narration a sentence adds after the report is not the speaker's words.

"Sweden would raise defence spending, a day after meeting Stubb" (when), "Singapore must prepare, in his
first National Day Rally speech" (where it was said), "his government would not default, as protesters
gathered outside parliament" (what happened meanwhile), "“the banks should be nationalised”, a remark
attributed to him by …" (the reporter's comment).
"""

from __future__ import annotations

import re

from .clauses import clause_ok

_TRAILING = re.compile(
    r",\s+(?:"
    r"(?:(?:a|one|two|three|four|five|several|just|only|some)\s+)?(?:day|days|week|weeks|hour|hours|minute|minutes|"
    r"month|months|year|years)\s+(?:after|before)\b"
    r"|(?:shortly|soon|moments|minutes|hours|days|weeks|months|years|just|only)\s+(?:after|before)\b"
    r"|(?:in|during|at|on)\s+(?:his|her|their|its|a|an|the)\s+(?:[\w'’-]+\s+){0,4}(?:speech|address|interview|"
    r"statement|post|letter|note|briefing|conference|meeting|rally|appearance|broadcast|podcast|sermon|message|"
    r"tweet|video|visit|trip)\b[^,;]*$"
    r"|as\s+(?:protesters|demonstrators|crowds?|supporters|police|troops|fans|residents|opponents|critics|markets|"
    r"shares|prices)\s+[a-z]+ed\b"
    r"|(?:a\s+)?(?:remark|remarks|comment|comments|claim|words)\s+(?:attributed|made|reported)\b"
    r")")


def report_end(folded: str, start: int, end: int) -> int:
    """``end``, or where narration added after the reported clause ``folded[start:end]`` begins."""
    m = _TRAILING.search(folded, start, end)
    if not m or m.start() <= start or not clause_ok(folded[start:m.start()]):
        return end  # what would be left is no clause of its own ("In a message posted in December, hours after …")
    return m.start()
