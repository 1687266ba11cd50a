"""The word lists turn labels are read with (:mod:`.labels`): clause words, openers, particles, the
roles of questioners and answerers, editorial words, the lower-case words of a role."""

from __future__ import annotations

from .lexicon import ORG_HEADS, PERSON_NOUNS, TITLE_WORDS

# Titles abbreviated in a briefing transcript's ALL-CAPS labels: "SEC. BLAKE:", "MS. ORTIZ:", "AMB. RICE:", "USEC. CASTRO:".
CAPS_TITLES = frozenset(["mr", "mrs", "ms", "dr", "sec", "secy", "amb", "sen", "rep", "gov", "gen", "adm", "lt",
                         "col", "maj", "capt", "sgt", "prof", "pres", "rev", "hon", "cmdr", "supt", "insp", "det",
                         # the Philippines' "USEC. CASTRO:", "ATTY. REYES:"; India's "SMT. RAO:"
                         "usec", "asec", "atty", "engr", "cong", "smt", "shri", "sri"])
# Titles that are part of how the person is named: "Patriarch Kirill", "King Salman".
STYLED = frozenset(["patriarch", "metropolitan", "king", "queen", "prince", "princess", "emir", "sheikh", "sultan", "pope", "archbishop"])
# Lower-case words that make a phrase a clause rather than a role.
CLAUSE_WORDS = frozenset(["i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they", "them", "their", "this", "that", "these", "those", "who", "whom", "which", "what", "whose", "there", "here", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "yes", "said", "says", "say", "told", "tells", "asked", "asks", "added", "reads", "read", "wrote", "writes", "noted", "stated", "replied", "answered", "want", "wants", "wanted", "like", "let", "repeat", "following", "follows", "also", "again", "just", "only", "very", "so", "then", "now", "thus", "however", "because", "if", "when", "while", "as", "than", "but", "or", "nor", "a", "an", "some", "any", "all", "every", "each", "many", "much", "more", "most", "such", "one", "two", "first", "second", "third", "last", "next"])
# Lower-case words that read as a clause at a phrase's start but occur inside roles ("World’s first woman
# cosmonaut", "Argumenty i Fakty Editor-in-Chief").
IN_ROLES = frozenset(["i", "first", "second", "third", "last", "next"])
# Words that open a sentence, never a label.
OPENERS = frozenset(["and", "but", "or", "so", "finally", "also", "now", "then", "as", "in", "on", "at", "for", "with", "about", "regarding", "concerning", "the", "a", "an", "this", "that", "these", "those", "there", "here", "it", "we", "i", "you", "my", "our", "one", "another", "next", "besides", "however"])
PARTICLES = frozenset(["de", "da", "di", "du", "del", "della", "dos", "das", "van", "von", "der", "den", "ter", "ten", "le", "la", "bin", "ibn", "al", "el", "y"])
CAP_PARTICLES = frozenset(["De", "Da", "Di", "Du", "Del", "Della", "Van", "Von", "Der", "Den", "Le", "La", "Al", "El", "Bin", "Ibn", "Abu"])
# One-word labels that are never people: editorial and structural words, questioner and answerer roles.
QUESTIONER = frozenset(["question", "questions", "q", "interviewer", "journalist", "journalists", "correspondent", "reporter", "host", "moderator", "presenter", "anchor", "audience"])
ANONYMOUS = frozenset(["answer", "answers", "a", "reply", "response", "remark", "remarks", "comment", "comments", "voice", "voices", "participant", "participants", "interpreter", "translator", "operator", "speaker"])
# Editorial labels: they end a turn and are nobody's words ("Ed.: See the catalogue.").
NOTES = frozenset(["note", "notes", "image", "images", "photo", "photos", "picture", "video", "source", "sources", "update", "updated", "editor", "editors", "ed", "ed.", "caption", "credit", "credits", "correction", "clarification", "disclaimer", "transcript", "translation"])
NOT_NAMES = NOTES | frozenset(["example", "summary", "background", "context", "warning", "deadline", "agenda", "theme", "subject", "topic", "topics", "attention", "first", "second", "third", "fourth", "fifth", "finally", "next", "then", "also", "again", "today", "yesterday", "tomorrow", "now", "here", "there", "yes", "no", "okay", "ok", "well", "so", "but", "and", "or", "however", "meanwhile", "moreover", "therefore", "thus", "please", "thanks", "welcome", "hello", "goodbye", "conclusion", "introduction", "p.s", "ps", "nb", "important", "attachment", "address", "tags", "tag", "location", "date", "time", "place", "venue", "result", "results", "total", "score", "status"])
# Words that open an editorial line, never a speaker's label ("Watch:", "Read more:", "Earlier:").
EDITORIAL = frozenset(["watch", "read", "listen", "see", "related", "earlier", "later", "previously", "update",
                       "updated", "updates", "breaking", "live", "more", "also", "recommended", "relevant", "follow",
                       "subscribe", "advertisement", "sponsored", "explainer", "opinion", "analysis", "correction",
                       "background", "context", "graphic", "map", "timeline", "factbox", "sidebar", "trending"])
# A report verb first, then the speaker: "Continued Ruiz:", "Said Ellis:" — an attribution, never a label.
VERB_FIRST = frozenset(["said", "says", "added", "adds", "asked", "wrote", "stated", "continued", "explained", "noted",
                        "replied", "concluded", "recalled", "responded"])
# A capitalised word after these belongs to a role: "Minister of Sport", "Patriarch of Moscow and All Russia".
ROLE_LINKS = frozenset(["of", "for", "on", "in", "at", "and", "all", "the"])
PLACE_WORDS = frozenset(["region", "territory", "district", "oblast", "republic", "province", "state", "city", "area", "county", "krai", "okrug", "federation", "kingdom", "island", "islands"])
ROLE_PARTICIPLES = frozenset(["retired", "elected", "designated", "appointed", "acting", "united", "authorised",
                              "authorized", "honoured", "honored", "distinguished", "decorated", "qualified",
                              "certified", "licensed", "registered", "accredited", "seconded"])
# The lower-case words a label's role is made of: links, particles, titles, occupations.
LABEL_LOWER = (ROLE_LINKS | PARTICLES | TITLE_WORDS | PERSON_NOUNS | ORG_HEADS
               | frozenset(["with", "to", "by", "from", "de", "da", "affairs", "relations", "development",
                            "science", "education", "health", "culture", "sport", "defence", "defense",
                            "economic", "economy", "trade", "industry", "finance", "finances", "energy",
                            "resources", "protection", "welfare", "research", "&", "–", "—", "-"])
               | QUESTIONER | ANONYMOUS)
