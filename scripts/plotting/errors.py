"""The one kind of error scripts/plot reports as bad input: one line, exit 2."""


class InputError(Exception):
    """A file, option or destination scripts/plot cannot use. The message is one line naming
    the problem and what is accepted."""
