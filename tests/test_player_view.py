"""What the TV shows, decided without Qt: every instruction and caution reaches the
screen, the start hint and the stop question, the figure scene."""

from __future__ import annotations

from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.models import Hold, Routine, Step
from stretchdesk.core.player_view import Presenter
from stretchdesk.core.screen_text import MAX_LINES, PAGE_SECONDS
from stretchdesk.core.session import FakeClock, Session
from stretchdesk.core.session_state import Phase
from stretchdesk.core.timeline import SegmentKind, expand


def presenter_for(*poses: str, seconds: float = 60) -> tuple[Presenter, Session, FakeClock]:
    routine = Routine(name="Test", items=[Step(pose=pose, hold=Hold(seconds=seconds)) for pose in poses])
    catalog = builtin_poses()
    clock = FakeClock()
    session = Session(expand(routine, catalog), clock)
    return Presenter(routine, catalog, session), session, clock


def at(session: Session, clock: FakeClock, index: int, offset: float) -> None:
    assert session.started_at is not None
    clock.now = session.started_at + session.segment_start(index) + offset
    session.poll()


def test_long_instructions_turn_pages_so_none_is_dropped() -> None:
    catalog = builtin_poses()
    long_pose = next(p for p in catalog.values() if len(p.instructions) > MAX_LINES and not p.per_side)
    presenter, session, clock = presenter_for(long_pose.id)
    session.start()
    assert session.segments[0].kind is SegmentKind.PREPARE
    length = session.segment_length(0)
    seen: list[str] = []
    pages: set[str] = set()
    offset = 0.0
    while offset < length:
        at(session, clock, 0, offset)
        screen = presenter.tv_content(session.state())
        assert len(screen.lines) <= MAX_LINES
        seen += [line for line in screen.lines if line not in seen]
        pages.add(screen.page)
        offset += PAGE_SECONDS
    assert seen == list(long_pose.instructions)
    count = -(-len(long_pose.instructions) // MAX_LINES)
    assert pages == {f"{n}/{count}" for n in range(1, count + 1)}


def test_cautions_show_one_at_a_time_while_holding() -> None:
    presenter, session, clock = presenter_for("plow", "supported-fish")
    plow = builtin_poses()["plow"]
    session.start()
    hold = next(i for i, s in enumerate(session.segments) if s.kind is SegmentKind.HOLD)
    shown = set()
    for step in range(len(plow.cautions)):
        at(session, clock, hold, step * PAGE_SECONDS + 0.5)
        caution = presenter.tv_content(session.state()).caution
        assert caution.startswith("Careful: ")
        shown.add(caution)
    assert any("neck" in caution for caution in shown)
    assert len(shown) == len(plow.cautions)


def test_before_the_start_the_tv_says_which_key_starts() -> None:
    presenter, session, _clock = presenter_for("butterfly")
    prompt = presenter.tv_content(session.state()).prompt
    assert prompt is not None and prompt.title == "Press Space to start" and not prompt.question
    session.start()
    assert presenter.tv_content(session.state()).prompt is None


def test_the_stop_question_says_what_will_be_saved() -> None:
    presenter, session, clock = presenter_for("butterfly", "pigeon")
    session.start()
    asked = presenter.tv_content(session.state(), asking_stop=True).prompt
    assert asked is not None and asked.question and asked.title == "Stop the routine?"
    assert asked.detail == "Nothing is saved yet: under 5 s held."
    hold = next(i for i, s in enumerate(session.segments) if s.kind is SegmentKind.HOLD)
    at(session, clock, hold, 20)
    asked = presenter.tv_content(session.state(), asking_stop=True).prompt
    assert asked is not None and asked.detail == "20 s held over 1 pose will be saved to your history."
    assert presenter.saved_text(True) == "Saved to your history: 20 s held over 1 pose."


def test_a_transition_morphs_from_the_pose_just_held() -> None:
    presenter, session, clock = presenter_for("butterfly", "pigeon")
    session.start()
    index = next(i for i, s in enumerate(session.segments) if s.kind is SegmentKind.TRANSITION)
    at(session, clock, index, session.segment_length(index) / 2)
    state = session.state()
    assert state.phase is Phase.TRANSITION
    scene = presenter.tv_content(state).scene
    assert (scene.from_pose_id, scene.pose_id) == ("butterfly", "pigeon")
    assert 0.4 < scene.blend < 0.6
