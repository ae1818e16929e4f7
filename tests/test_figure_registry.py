"""The figure library builds a pose's figure on first request, never at import."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from stretchdesk.core.skeleton import figure_ids, pose_figure
from stretchdesk.core.skeleton.library import BUILDERS, is_built


def test_importing_the_library_builds_no_figure() -> None:
    script = textwrap.dedent(
        """
        from stretchdesk.core.skeleton import figure_ids, pose_figure
        from stretchdesk.core.skeleton.library import _built
        assert len(figure_ids()) > 60, figure_ids()
        assert not _built, sorted(_built)
        pose_figure("childs-pose")
        assert sorted(_built) == ["childs-pose"], sorted(_built)
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_a_figure_is_built_once_and_kept() -> None:
    first = pose_figure("butterfly")
    assert is_built("butterfly")
    assert pose_figure("butterfly") is first
    assert set(figure_ids()) == set(BUILDERS)


def test_an_unknown_pose_has_no_figure() -> None:
    with pytest.raises(KeyError):
        pose_figure("no-such-pose")
