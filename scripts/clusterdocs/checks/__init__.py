"""Checks of the English side against the Chinese: parity of sections, figures traced."""
