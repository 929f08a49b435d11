"""The end-of-run report: per kind, what was created, updated and skipped, and why."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

KINDS = ("articles", "categories", "tags", "authors", "images", "comments", "redirects")
EXAMPLES_PER_REASON = 5


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    skipped: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=lambda: defaultdict(list))

    def skip(self, reason, example=None, *, count=1):
        self.skipped[reason] += count
        if example is not None and len(self.examples[reason]) < EXAMPLES_PER_REASON:
            self.examples[reason].append(str(example))

    @property
    def skipped_total(self):
        return sum(self.skipped.values())


class ImportReport:
    def __init__(self, *, dry_run=False):
        self.dry_run = dry_run
        self.kinds = {kind: Tally() for kind in KINDS}
        self.notes = []  # what an editor should look at: (where, what)
        self.errors = []  # what stopped the run early

    def __getitem__(self, kind):
        return self.kinds[kind]

    def note(self, where, what):
        self.notes.append((str(where), what))

    def lines(self, *, max_notes=200):
        title = "WordPress import report" + (
            " (dry run: nothing was written)" if self.dry_run else ""
        )
        lines = [title, "=" * len(title), ""]
        width = max(len(kind) for kind in KINDS)
        lines.append(f"{'':<{width}}  created  updated  skipped")
        for kind, tally in self.kinds.items():
            lines.append(
                f"{kind:<{width}}  {tally.created:>7}  {tally.updated:>7}  {tally.skipped_total:>7}"
            )
        for kind, tally in self.kinds.items():
            if not tally.skipped:
                continue
            lines += ["", f"Skipped {kind}:"]
            for reason, count in tally.skipped.most_common():
                examples = tally.examples.get(reason)
                suffix = f" (e.g. {', '.join(examples)})" if examples else ""
                lines.append(f"  {count:>6} × {reason}{suffix}")
        if self.notes:
            lines += ["", f"To check ({len(self.notes)}):"]
            lines += [f"  {where}: {what}" for where, what in self.notes[:max_notes]]
            if len(self.notes) > max_notes:
                lines.append(f"  … and {len(self.notes) - max_notes} more")
        if self.errors:
            lines += ["", "Errors:"] + [f"  {error}" for error in self.errors]
        return lines

    def __str__(self):
        return "\n".join(self.lines())
