"""Wording: pose instructions for either side, and the words the voice says.

Instructions are written for the right side. When a runner plays the left side,
"step your right foot forward" must read "step your left foot forward", or they
end up stretching the same leg twice.

The voice is heard, not read, so it says short names, which limb the side is
about and numbers in words ("Pigeon, right leg, thirty seconds"), while the TV
keeps "Pigeon Pose", RIGHT and 0:30.
"""

from __future__ import annotations

import re

from stretchdesk.core.models import Pose
from stretchdesk.core.vocabulary import Area

# "right" that is not a side: "a right angle", "right over your ankle", "right away"
_SIDE_WORD = re.compile(r"\b(left|right)\b(?!-angle|\s+(?:angles?|over|away)\b)", re.IGNORECASE)
_OTHER = {"left": "right", "right": "left"}


def _swap(match: re.Match[str]) -> str:
    word = match.group(1)
    other = _OTHER[word.lower()]
    if word.isupper():
        return other.upper()
    return other.capitalize() if word[0].isupper() else other


def mirror_sides(text: str) -> str:
    """Swap every left/right that names a side, keeping capitals."""
    return _SIDE_WORD.sub(_swap, text)


# -- what the voice says -------------------------------------------------------

_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_LEG_AREAS = frozenset({Area.HIPS, Area.HIP_FLEXORS, Area.HAMSTRINGS, Area.GLUTES, Area.QUADS, Area.CALVES,
                        Area.ADDUCTORS, Area.IT_BAND})
_TRUNK_AREAS = frozenset({Area.SPINE, Area.LOWER_BACK, Area.CORE})
_SIDED_LEG = re.compile(r"\b(?:left|right) (?:legs?|foot|feet|knees?|hips?|ankles?|heels?|thighs?|shins?|calf|"
                        r"calves|glutes?|toes?|soles?)\b", re.IGNORECASE)
_SIDED_ARM = re.compile(r"\b(?:left|right) (?:arms?|hands?|elbows?|shoulders?|wrists?|palms?|fingers?)\b",
                        re.IGNORECASE)


def number_words(number: int) -> str:
    """A whole number as words, the way a voice should say it: 25 -> "twenty-five"."""
    if number < 0:
        return "minus " + number_words(-number)
    if number < 20:
        return _ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    for size, word in ((1_000_000, "million"), (1000, "thousand"), (100, "hundred")):
        if number >= size:
            high, rest = divmod(number, size)
            return f"{number_words(high)} {word}" + (f" {number_words(rest)}" if rest else "")
    raise AssertionError(number)  # unreachable: every number >= 100 has a size above


def _digits_as_words(text: str) -> str:
    return re.sub(r"\d+", lambda match: number_words(int(match.group())), text)


def counted(number: int, unit: str) -> str:
    """ "thirty seconds", "one breath": the number in words, the unit plural unless one."""
    return f"{number_words(number)} {unit}{'' if number == 1 else 's'}"


def spoken_duration(seconds: float) -> str:
    """ "one minute thirty seconds" (the TV shows 1:30; the voice says it in words)."""
    minutes, rest = divmod(round(seconds), 60)
    parts = [counted(minutes, "minute")] if minutes else []
    if rest or not minutes:
        parts.append(counted(rest, "second"))
    return " ".join(parts)


def spoken_name(name: str) -> str:
    """A pose's name as said aloud: short, no "(...)" or ", ..." qualifier, no trailing
    "Pose" (kept after a possessive: "Child's Pose"), numbers in words."""
    short = re.sub(r"\s*\([^)]*\)", "", name).split(",")[0].strip()
    without = re.sub(r"\s+pose$", "", short, flags=re.IGNORECASE)
    if not re.search(r"'s$", without) and without:
        short = without
    said = _digits_as_words(short or name)
    return said[0].upper() + said[1:]


def side_word(pose: Pose) -> str:
    """What "right" means for a pose when it is said: "leg", "arm" or "side".

    From the pose's data: a pose aimed at the trunk (a twist, a side bend) works a
    side; one aimed at the legs works a leg unless its instructions name arms
    more often than legs (a twist led by the arms); chest and shoulders, an arm."""
    primary = pose.targets[0]
    text = " ".join(pose.instructions)
    legs, arms = len(_SIDED_LEG.findall(text)), len(_SIDED_ARM.findall(text))
    if primary in _TRUNK_AREAS:
        return "side"
    if primary in _LEG_AREAS:
        return "leg" if legs >= arms else "side"
    return "arm" if arms >= legs else "side"
