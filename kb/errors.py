"""The one exception kb raises for problems the user can fix."""


class KbError(Exception):
    """A problem with the user's input or files, told in one line.

    The message says what went wrong, where, and what to do; the CLI prints it
    as ``kb: <message>`` and exits with ``exit_code`` (2 unless said otherwise).
    """

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code
