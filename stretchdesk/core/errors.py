"""One exception type whose message is the one line a user sees."""


class StretchDeskError(Exception):
    """A problem the user can fix; str() is a complete, one-line explanation."""
