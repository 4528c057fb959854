"""Saved FOI responses -> draft raw records for review. Entry points: ``extract_file``, ``extract_text``
and the ``foi-analysis extract`` command (``command``); the reading is split into ``text`` (bytes ->
clean lines), ``doc`` (messages, authority, reference), ``grounds``, ``events`` and ``answers``."""

from .command import add_arguments, extract_file, extract_text, main

__all__ = ["add_arguments", "extract_file", "extract_text", "main"]
