"""``python -m assistant …`` is the command line, with every command."""

from assistant.cli import app

app(prog_name="assistant")
