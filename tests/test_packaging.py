"""Packaging: the built wheel carries the map's front-end files and the resources, declares the SPDX
licence, and the runtime install (what `make demo` does) brings no Spark."""

from __future__ import annotations

import email
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _setuptools_ok() -> bool:
    try:
        import setuptools
    except ImportError:
        return False
    return int(setuptools.__version__.split(".")[0]) >= 77


def test_runtime_dependencies_have_no_spark() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    deps = " ".join(meta["project"]["dependencies"]).lower()
    assert "pyspark" not in deps
    assert any("pyspark" in d for d in meta["project"]["optional-dependencies"]["spark"])
    assert meta["build-system"]["requires"] == ["setuptools>=77"]


def test_make_demo_installs_no_spark() -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    plan = subprocess.run(["make", "-n", "-B", "demo", "VENV=/nonexistent-venv"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert plan.returncode == 0, plan.stderr
    installs = [line for line in plan.stdout.splitlines() if "pip install" in line]
    assert installs and not any("spark" in line or "dev" in line for line in installs), installs


def test_wheel_carries_the_map_and_docs_assets(tmp_path: Path) -> None:
    from kronika.api.app import DOCS_VENDOR, NODE_MODULES, vendor_ready

    if not vendor_ready() or not all((NODE_MODULES / d).is_dir() for d in DOCS_VENDOR.values()):
        pytest.skip("npm front-end packages not installed (make install runs npm ci)")
    if not _setuptools_ok():
        pytest.skip("setuptools >= 77 is needed to build (dev extra)")
    src = tmp_path / "src-tree"
    src.mkdir()
    for f in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / f, src / f)
    shutil.copytree(ROOT / "src", src / "src", symlinks=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "node_modules"))
    (src / "src/kronika/web/node_modules").symlink_to(NODE_MODULES.resolve())
    out = tmp_path / "dist"
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                        "-w", str(out), str(src)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    (wheel,) = out.glob("kronika-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = email.message_from_bytes(z.read(meta_name))
    for need in ("kronika/web/static/index.html", "kronika/web/static/app.js", "kronika/web/static/api-docs.js",
                 "kronika/web/static/timeline.js", "kronika/web/static/i18n.js",
                 "kronika/web/node_modules/leaflet/dist/leaflet.js",
                 "kronika/web/node_modules/leaflet/dist/leaflet.css",
                 "kronika/web/node_modules/leaflet.markercluster/dist/leaflet.markercluster.js",
                 "kronika/web/node_modules/topojson-client/dist/topojson-client.min.js",
                 "kronika/web/node_modules/world-atlas/countries-50m.json",
                 "kronika/web/node_modules/swagger-ui-dist/swagger-ui-bundle.js",
                 "kronika/resources/lexicons/uk/events.toml", "kronika/resources/data/governments.toml"):
        assert need in names, need
    assert not any(n.endswith(".map") for n in names)  # source maps stay out: the wheel stays small
    assert meta["License-Expression"] == "GPL-3.0-or-later"
    assert all("extra ==" in d for d in meta.get_all("Requires-Dist") or [] if "pyspark" in d)


def test_record_contract_is_in_the_repo() -> None:
    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    for heading in ("### EVENT", "### COUNT", "### SOURCE", "### QUOTE", "## Input"):
        assert heading in doc
