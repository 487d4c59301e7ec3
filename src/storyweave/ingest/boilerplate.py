"""Recognise page furniture that scrapers and feeds leave in article bodies, one short line at a time.

Only short lines are judged (``Settings.boilerplate_max_line_chars``): a body sentence is never
taken for a button. Each rule names its reason, and the caller lists every removed line in
``Article.removed`` so the user can see what went and why.
"""

from __future__ import annotations

import re

_SOCIAL = (r"share|share this|share this (?:article|story|post|page)|share on \w+|spread the love|tweet|"
           r"pin it|pin|like|likes|follow|follow us(?: on \w+)?|email|e-mail|print|whatsapp|facebook|"
           r"twitter|x|linkedin|reddit|telegram|vk|weibo|wechat|copy link|copy|save|bookmark")
_SEP = r"\s*(?:[|/·•,;:]|\s)\s*"

RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("share/like/follow buttons", re.compile(rf"^(?:{_SOCIAL})(?:{_SEP}(?:{_SOCIAL}))*[\s:!.]*$", re.I)),
    ("comment form", re.compile(
        r"^(?:leave a (?:reply|comment)|post (?:a |your )?comment|add (?:a |your )?comment|comments?"
        r"|\d+\s+(?:comments?|replies)|no comments(?: yet)?|cancel reply|reply|(?:show|load|view) (?:all |more )?comments"
        r"|your email address will not be published.*|required fields are marked.*"
        r"|notify me of (?:new|follow-up) (?:comments|posts).*|save my name, email.*"
        r"|you must be logged in to post a comment.*|be the first to comment.*|join the (?:discussion|conversation)"
        r"|comment(?:\s*\*)?|name(?:\s*\*)?|website|email(?:\s*\*)?)[.!\s]*$", re.I)),
    ("weather widget", re.compile(
        r"^(?:[A-Za-z ]{0,20}\s)?-?\d{1,3}(?:[.,]\d)?\s*(?:℃|℉|°\s*[CF]?|º\s*[CF]?|degrees?(?: celsius| fahrenheit)?)"
        r"(?:\s*(?:/|~|-|to)\s*-?\d{1,3}(?:[.,]\d)?\s*(?:℃|℉|°\s*[CF]?|º\s*[CF]?))?(?:\s+[A-Za-z ]{0,20})?$", re.I)),
    ("navigation", re.compile(
        r"^(?:home|menu|search|skip to (?:main )?content|back to top|top|next(?: article| post| story| page)?"
        r"|previous(?: article| post| story| page)?|prev|read more|continue reading|see more|more"
        r"|related(?: articles| posts| stories| news| content)?|more (?:from|on|in) .{1,40}|you may also like"
        r"|you might also like|recommended(?: for you)?|trending(?: now)?|popular(?: posts| stories)?"
        r"|most read|editor'?s picks|(?:tags?|categories?|filed under|topics?)\s*[:：].*|sign in|log in|login"
        r"|register|close|open menu|toggle navigation)[\s:>»]*$", re.I)),
    ("navigation", re.compile(r"^home\s*(?:[>»/|›]\s*[^>»/|›]{1,40}){1,6}$", re.I)),
    ("teaser footer", re.compile(
        r"^(?:the post .{1,160} appeared first on [^,;]{1,60}|continue reading\b.{0,120}"
        r"|(?:read|see|view) (?:the )?(?:full|whole|entire|complete|rest of the) (?:story|article|post|report)"
        r"(?:\s+(?:at|on|here)\b.{0,60})?|click here (?:to|for) (?:read|continue|see|view|the full|more).{0,60}"
        r"|\[\s*(?:…|\.\.\.|&hellip;)\s*\]|…)[\s.!…»→>]*$", re.I)),
    ("copyright line", re.compile(r"^(?:©|\(c\)|copyright\b|all rights reserved).*$|^.{0,100}all rights reserved\.?$",
                                  re.I)),
    ("subscription prompt", re.compile(
        r"^(?:subscribe(?: now| today| for free| here)?|subscribe to .{1,80}|sign up(?: now| for .{1,80})?"
        r"|get (?:the|our) .{0,40}newsletter.*|newsletter|unsubscribe|click (?:here )?to subscribe.*"
        r"|(?:scan|long[- ]press) (?:the )?qr code.*|follow (?:our|the) (?:official )?(?:account|channel).*"
        r"|download (?:our|the) app.*)[.!\s]*$", re.I)),
    ("cookie notice", re.compile(
        r"^(?:(?:we|this (?:web)?site|our (?:web)?site) uses? cookies(?:\s+(?:(?:and similar|and other) \w+\s+)?"
        r"(?:to|so|for|on|in order)\b.*|[.!]?)|by (?:continuing to (?:use|browse)|using) "
        r"(?:this|our) (?:web)?site,? you (?:agree|consent)\b.*|(?:accept|allow|reject|decline) (?:all )?cookies"
        r"|(?:accept|reject) all|(?:cookie|privacy) (?:settings|policy|preferences)"
        r"|manage (?:cookies|(?:cookie |privacy )?preferences|consent))[.!\s]*$", re.I)),
    ("script notice", re.compile(
        r"^(?:(?:please )?(?:enable|turn on|activate) (?:javascript|js)\b.*|(?:javascript|js) (?:is )?(?:required|"
        r"disabled|not enabled|must be enabled)(?: (?:in|on|for) (?:your|this) (?:browser|site|page)| to (?:view|use|"
        r"see|display|play|read|watch) .{0,60})?[.!]?|(?:this|the) (?:web)?(?:site|page) requires javascript\b.*"
        r"|you (?:need to|must) enable javascript\b.*|your browser does ?n[o']t support (?:javascript|the video|"
        r"(?:the |this )?(?:audio|video) (?:element|tag))\b.*)$", re.I)),
    ("advertisement", re.compile(r"^(?:advertisement|advertising|sponsored(?: content)?|ads? by .{1,40}|ad|"
                                 r"promoted|paid content)[\s:]*$", re.I)),
)

WEATHER = RULES[2][1]
_TEMPERATURE = re.compile(r"-?\d{1,3}(?:[.,]\d)?\s*(?:℃|℉|°\s*[CF]|º\s*[CF])", re.I)


def classify(line: str, max_chars: int = 160) -> str | None:
    """The boilerplate reason for one line, or None when it may be body text."""
    stripped = line.strip()
    if not stripped or len(stripped) > max_chars:
        return None
    for reason, pattern in RULES:
        if pattern.match(stripped):
            return reason
    return None


def strip_temperature(line: str) -> tuple[str, bool]:
    """Take a weather reading out of a short line (a date line often carries one)."""
    rest, count = _TEMPERATURE.subn("", line)
    return rest.strip(), count > 0
