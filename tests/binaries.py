"""Programs some tests drive; `.ci/run` installs them from Debian's packages."""

from __future__ import annotations

import shutil

import pytest


def require(program: str, package: str) -> str:
    path = shutil.which(program)
    if path is None:
        pytest.fail(f"`{program}` is not on PATH: install Debian's `{package}` package "
                    f"(apt-get install {package}), as .ci/run does", pytrace=False)
    return path
