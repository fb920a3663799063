"""The project installs as a package with every file it reads at run time, quietly."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_wheel_holds_every_cypher_file_and_builds_without_warnings(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), "."]
    built = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    assert "warning" not in (built.stdout + built.stderr).lower(), built.stderr
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (ROOT / "cypher").rglob("*.cypher"):
        assert str(path.relative_to(ROOT)) in names
