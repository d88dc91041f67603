"""The footer of every kb screen: Textual's, recomposed only when the keys it shows change.

Textual's Footer rebuilds all its keys whenever bindings are refreshed (every focus change,
each screen resume): five times on the way to the first screen, each time mounting and
styling every key again — as much work as the rest of the main screen.  The keys shown rarely
change (the same bindings are active from one focus to the next), so this footer compares
what it would show with what it shows and recomposes only on a difference.
"""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KbFooter(Footer):
    """A compact Footer that recomposes only when its keys (key, label, enabled) change."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(**kwargs)
        self._shown: tuple | None = None
        # Composed with its keys from the start: Textual's Footer composes empty until the screen
        # first reports its bindings, then mounts its keys and lays the screen out again.
        self._bindings_ready = True

    def _keys(self, screen) -> tuple:
        """What the footer shows for ``screen``'s active bindings: one key per action, as Footer.compose
        draws them (``f1,question_mark`` shows as f1 whether or not a focused input takes ``?``)."""
        shown: dict[str, tuple] = {}
        for _, binding, enabled, tooltip in screen.active_bindings.values():
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING:
                shown.setdefault(binding.action, (binding.key, binding.action, binding.description,
                                                  binding.key_display, enabled, tooltip))
        return tuple(shown.values())

    def compose(self):
        if self._bindings_ready:
            self._shown = self._keys(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and self.compact:
                # Born compact: the key's watcher adds -compact on mount otherwise, and every key
                # is styled a second time for it.
                widget.add_class("-compact", update=False)
            yield widget

    def bindings_changed(self, screen) -> None:
        if self._bindings_ready and self.is_attached and screen is self.screen and self._keys(screen) == self._shown:
            return  # the same keys: nothing to rebuild
        super().bindings_changed(screen)
