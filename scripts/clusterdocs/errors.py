"""The one error type the pipeline reports to readers: a bad input, named by file and place."""

from __future__ import annotations


class SourceError(Exception):
    """A problem in an input file, shown to the user as one line: `file:place: message`."""

    def __init__(self, path: str, place: str, message: str) -> None:
        super().__init__(f"{path}:{place}: {message}" if place else f"{path}: {message}")
        self.path = path
        self.place = place
        self.message = message
