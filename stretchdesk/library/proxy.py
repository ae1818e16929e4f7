"""Search and filters over the pose library, fast enough to run on every keystroke.

Each pose's searchable text and facets are computed once; a query change works
out the accepted rows and their ranks in one Python pass (narrowing from the
previous result while the runner keeps typing) and the proxy only looks them up.
Best match first: the name starts with the words, then the words are whole words
of the name, then part of it, then aliases, then target areas; A-Z within each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from stretchdesk.core.models import Pose
from stretchdesk.library.model import PoseListModel

NO_EQUIPMENT = "no-equipment"


_WORD = re.compile(r"[^\w']+")


@dataclass(frozen=True, slots=True)
class _Facets:
    name: str
    name_words: frozenset[str]
    aliases: str
    text: str
    targets: frozenset[str]
    position: str
    props: frozenset[str]
    kind: str
    difficulty: str

    @classmethod
    def of(cls, pose: Pose) -> _Facets:
        name = pose.name.casefold()
        return cls(
            name,
            frozenset(_WORD.split(name)),
            " ".join(pose.aliases).casefold(),
            pose.searchable_text() + " " + " ".join(area.value for area in pose.targets),
            frozenset(area.value for area in pose.targets),
            pose.position.value,
            frozenset(prop.value for prop in pose.props),
            pose.kind.value,
            pose.difficulty.value,
        )


@dataclass(frozen=True, slots=True)
class PoseFilter:
    """What the runner asked for; empty strings mean "any"."""

    text: str = ""
    area: str = ""
    position: str = ""
    prop: str = ""
    kind: str = ""
    difficulty: str = ""

    def words(self) -> list[str]:
        return self.text.casefold().split()

    def accepts(self, facets: _Facets) -> bool:
        return self.accept_many([facets], [True])[0]

    def accept_many(self, facets: list[_Facets], candidates: list[bool]) -> list[bool]:
        """One pass over many poses; only rows whose candidate flag is True are checked."""
        words = self.words()
        area, position, kind, difficulty = self.area, self.position, self.kind, self.difficulty
        prop = self.prop
        if not (area or position or prop or kind or difficulty):
            if len(words) == 1:
                word = words[0]
                return [ok and word in f.text for f, ok in zip(facets, candidates, strict=True)]
            return [ok and all(w in f.text for w in words)
                    for f, ok in zip(facets, candidates, strict=True)]
        result = []
        for f, ok in zip(facets, candidates, strict=True):
            result.append(
                ok
                and (not area or area in f.targets)
                and (not position or position == f.position)
                and (not kind or kind == f.kind)
                and (not difficulty or difficulty == f.difficulty)
                and (not prop or (not f.props if prop == NO_EQUIPMENT else prop in f.props))
                and all(w in f.text for w in words)
            )
        return result

    def rank(self, facets: _Facets) -> int:
        """0 is the best match; poses with equal ranks keep their A-Z order."""
        words = self.words()
        if not words:
            return 0
        if facets.name.startswith(" ".join(words)):
            return 0
        if all(word in facets.name_words for word in words):
            return 1
        if all(word in facets.name for word in words):
            return 2
        if all(word in facets.aliases for word in words):
            return 3
        return 4

    def narrows(self, previous: PoseFilter) -> bool:
        """True when every pose this filter accepts was accepted by `previous`."""
        same_facets = (self.area, self.position, self.prop, self.kind, self.difficulty) == (
            previous.area, previous.position, previous.prop, previous.kind, previous.difficulty
        )
        old = previous.words()
        new = self.words()
        return same_facets and len(new) >= len(old) and all(
            o in n for o, n in zip(old, new, strict=False)
        )


class PoseFilterProxy(QSortFilterProxyModel):
    """Multi-word AND search over names, aliases and target areas, plus facet filters."""

    def __init__(self, source: PoseListModel) -> None:
        super().__init__()
        self._facets: list[_Facets] = []
        self._accepted: list[bool] = []
        self._ranks: list[int] = []
        self._filter = PoseFilter()
        self.setSourceModel(source)
        self.sort(0)
        source.modelReset.connect(self._on_source_reset)
        self._on_source_reset()

    @property
    def current_filter(self) -> PoseFilter:
        return self._filter

    def set_filter(self, wanted: PoseFilter) -> None:
        if wanted == self._filter and len(self._accepted) == len(self._facets):
            return
        facets = self._facets
        if wanted.narrows(self._filter) and len(self._accepted) == len(facets):
            accepted = wanted.accept_many(facets, self._accepted)
        else:
            accepted = wanted.accept_many(facets, [True] * len(facets))
        self._filter = wanted
        ranks = [wanted.rank(f) if ok else 0 for f, ok in zip(facets, accepted, strict=True)]
        if accepted == self._accepted and ranks == self._ranks:
            return
        self.beginFilterChange()
        self._accepted = accepted
        self._ranks = ranks
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.invalidate()  # ranks changed: sort again

    def set_search_text(self, text: str) -> None:
        current = self._filter
        self.set_filter(
            PoseFilter(text, current.area, current.position, current.prop, current.kind,
                       current.difficulty)
        )

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        try:
            return self._accepted[source_row]
        except IndexError:
            return True

    def lessThan(self, source_left: QModelIndex | QPersistentModelIndex,
                 source_right: QModelIndex | QPersistentModelIndex) -> bool:
        left, right = source_left.row(), source_right.row()
        try:
            return (self._ranks[left], left) < (self._ranks[right], right)
        except IndexError:
            return left < right

    def _on_source_reset(self) -> None:
        source = self.sourceModel()
        assert isinstance(source, PoseListModel)
        self.beginFilterChange()
        self._facets = [_Facets.of(pose) for pose in source.poses()]
        self._accepted = self._filter.accept_many(self._facets, [True] * len(self._facets))
        self._ranks = [self._filter.rank(f) for f in self._facets]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.invalidate()
