"""Prompt templates from ``prompts/``: versioned files, ``$variables``, missing ones an error."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

from assistant.errors import ConfigError


class PromptError(ConfigError):
    """A prompt file is missing, or a variable is missing or unexpected."""


@dataclass(frozen=True)
class Prompt:
    name: str
    version: int
    role: str
    template: str

    @property
    def variables(self) -> set[str]:
        return {m.group("named") or m.group("braced") for m in Template.pattern.finditer(self.template)} - {None}

    def render(self, **values: str) -> str:
        missing = self.variables - set(values)
        extra = set(values) - self.variables
        if missing or extra:
            raise PromptError(
                f"提示词 {self.name}.v{self.version}.{self.role} 变量不符："
                f"缺少 {sorted(missing) or '无'}，多余 {sorted(extra) or '无'}"
            )
        return Template(self.template).substitute(values)


def load_prompt(root: Path, name: str, role: str, version: int | None = None) -> Prompt:
    """``<root>/<name>.v<version>.<role>.md``; the newest version when ``version`` is None."""
    if version is None:
        found = [int(m.group(1)) for p in root.glob(f"{name}.v*.{role}.md") if (m := re.search(r"\.v(\d+)\.", p.name))]
        if not found:
            raise PromptError(f"找不到提示词文件 {root}/{name}.v*.{role}.md")
        version = max(found)
    path = root / f"{name}.v{version}.{role}.md"
    if not path.is_file():
        raise PromptError(f"找不到提示词文件 {path}")
    return Prompt(name, version, role, path.read_text(encoding="utf-8"))
