"""``manage.py train_health_model``: learn the health signals' word weights from labelled comments.

Moderators add comments the signals got wrong to a labelled file (``comments/labelled/``, or
their own with ``--add``) and train again; ``--cross-validate`` reports how the model does on
each file when trained without it — the honest estimate of how it does on phrasing it has not
seen — and ``--check`` fails when the shipped weights no longer match the labelled files.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from comments import health, health_model


class Command(BaseCommand):
    help = (
        "Train the health signals' learned weights from the labelled comment files and write "
        "comments/health_model.json (or --output)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--add", action="append", default=[], metavar="FILE",
            help="Another labelled file (label, a tab, the comment; one per line) to learn from.",
        )  # fmt: skip
        parser.add_argument("--output", default=str(health_model.MODEL_PATH))
        parser.add_argument(
            "--check", action="store_true",
            help="Write nothing; fail if the weights file was not trained on these files.",
        )  # fmt: skip
        parser.add_argument(
            "--cross-validate", action="store_true",
            help="Also print recall and precision on each file when trained without it.",
        )  # fmt: skip

    def handle(self, *args, add, output, check, cross_validate, **options):
        files = health_model.labelled_files() + [Path(name) for name in add]
        try:
            rows = health_model.read_labelled(files)
        except (OSError, ValueError, UnicodeDecodeError) as error:
            raise CommandError(str(error)) from error
        if check:
            try:
                shipped = json.loads(Path(output).read_text("utf-8"))
            except (OSError, ValueError):
                shipped = {}
            if shipped.get("data_sha256") != health_model.digest(rows):
                raise CommandError(
                    f"{output} was not trained on the labelled files: run "
                    "`manage.py train_health_model`."
                )
            self.stdout.write(f"{output} matches the {len(rows)} labelled comments.")
            return
        if cross_validate:
            for line in cross_validation(files):
                self.stdout.write(line)
        model = health_model.train(rows)
        Path(output).write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", "utf-8")
        health_model.load.cache_clear()
        self.stdout.write(f"Trained on {len(rows)} comments from {len(files)} files: {output}")


def cross_validation(files):
    """A Markdown table: for each file, how the signals do on it when trained on every other."""
    patterns = tuple(health.Pattern(*row) for row in health.DEFAULT_PATTERNS)
    yield "| file | claim recall | claim precision | crisis recall | crisis precision | " + (
        "ordinary held |\n| --- | --- | --- | --- | --- | --- |"
    )
    for held_out in files:
        rows = health_model.read_labelled([held_out])
        trained = health_model.train(
            health_model.read_labelled([path for path in files if path != held_out])
        )
        model = health_model.scorer(trained)
        judged = []
        for label, text in rows:
            found = health.scan(text, patterns, model)
            judged.append((label, found.claim_score >= 1, found.crisis_score >= 1))
        yield f"| {Path(held_out).name} ({len(rows)}) | " + " | ".join(_figures(judged)) + " |"


def _figures(judged):
    def share(hits, total):
        return f"{hits * 100 // total} % ({hits}/{total})" if total else "–"

    for index, kind in ((1, "claim"), (2, "crisis")):
        flagged = [label for label, *held in judged if held[index - 1]]
        yield share(sum(1 for label, *held in judged if label == kind and held[index - 1]),
                    sum(1 for label, *_ in judged if label == kind))  # fmt: skip
        yield share(flagged.count(kind), len(flagged))
    ordinary = [any(held) for label, *held in judged if label == "ordinary"]
    yield share(sum(ordinary), len(ordinary))
