"""Run the figures' recognition check (method: docs/recognition-check.md).

    .venv/bin/python docs/recognition_check.py sheets OUT_DIR KEY.json [--seed N] [--glow] [--described]
        writes OUT_DIR/sheet-*.png and OUT_DIR/names.txt for the judge; the key goes elsewhere;
        --glow lights each pose's target areas as the player does; --described follows each
        name on the list with " — " and the pose's one-line summary (the judge answers the name)
    .venv/bin/python docs/recognition_check.py score KEY.json ANSWERS.tsv
        prints the share named right, and right with high confidence, then every miss
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from stretchdesk.core.atomic import atomic_write_bytes
from stretchdesk.core.catalog import builtin_poses
from stretchdesk.drawing.recognition import make_quiz, score


def _sheets(args: argparse.Namespace) -> int:
    out, key_path = args.out.resolve(), args.key.resolve()
    if key_path.is_relative_to(out):
        print(f"recognition_check: keep the key out of {out}: the judge sees that folder", file=sys.stderr)
        return 2
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    quiz = make_quiz(seed, glow=args.glow, described=args.described)
    out.mkdir(parents=True, exist_ok=True)
    for number, sheet in enumerate(quiz.sheets, start=1):
        if not sheet.save(str(out / f"sheet-{number}.png")):
            print(f"recognition_check: can't write {out / f'sheet-{number}.png'}", file=sys.stderr)
            return 1
    atomic_write_bytes(out / "names.txt", ("\n".join(quiz.names) + "\n").encode())
    names = {pose_id: pose.name for pose_id, pose in builtin_poses().items() if pose_id in quiz.key.values()}
    key = {"seed": seed, "glow": args.glow, "described": args.described,
           "key": {str(n): pose_id for n, pose_id in quiz.key.items()}, "names": names}
    atomic_write_bytes(key_path, json.dumps(key, indent=1).encode())
    print(f"{len(quiz.key)} figures on {len(quiz.sheets)} sheets in {out}; key in {key_path}")
    del app
    return 0


def _score(args: argparse.Namespace) -> int:
    key = json.loads(args.key.read_text())
    result = score({int(n): pose_id for n, pose_id in key["key"].items()}, key["names"],
                   args.answers.read_text())
    print(result.summary())
    for miss in result.misses:
        print(f"  #{miss.number} {miss.pose_id}: answered {miss.answer!r} [{miss.confidence}]")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    sheets = commands.add_parser("sheets", help="unlabeled, shuffled sheets for a judge")
    sheets.add_argument("out", type=Path)
    sheets.add_argument("key", type=Path)
    sheets.add_argument("--seed", type=int)
    sheets.add_argument("--glow", action="store_true", help="light the target areas on each figure")
    sheets.add_argument("--described", action="store_true", help="each name followed by the pose's summary")
    sheets.set_defaults(run=_sheets)
    scoring = commands.add_parser("score", help="score a judge's answers against the key")
    scoring.add_argument("key", type=Path)
    scoring.add_argument("answers", type=Path)
    scoring.set_defaults(run=_score)
    args = parser.parse_args()
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
