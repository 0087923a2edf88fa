"""Before the window opens, every system library Qt's xcb plugin lacks is named at once.

The ``ldd`` texts in tests/data were captured on a bare Debian 12 (debootstrap minbase,
``pip install .``): one with none of the README's packages, one lacking the three xcb
libraries the old README line missed. A real ``ldd`` runs on a copy of the real plugin
that cannot find Qt's own libraries (its RUNPATH points next to it), and on the real one.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.main import platform_check
from desktop.main.platform_check import DEBIAN_PACKAGES, Missing
from tests.test_cli import headless_env

DATA = Path(__file__).parent / "data"
README = Path(__file__).parent.parent / "README.md"


def _captured(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_the_three_libraries_the_old_readme_missed_are_all_named() -> None:
    """Qt itself named only libxcb-cursor0 on that machine, then aborted."""
    text = _captured("ldd_libqxcb_debian12_three_missing.txt")
    assert platform_check.not_found(text) == [
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
    ]
    missing = [Missing(name, DEBIAN_PACKAGES.get(name)) for name in platform_check.not_found(text)]
    said = platform_check.message(missing)
    assert "libxcb-icccm.so.4  (libxcb-icccm4)" in said
    assert said.splitlines()[-1].strip() == (
        "sudo apt-get update && sudo apt-get install -y "
        "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
    )


@pytest.mark.parametrize(
    "name", ["ldd_libqxcb_bare_debian12.txt", "ldd_libQt6XcbQpa_bare_debian12.txt"]
)
def test_every_library_a_bare_debian_lacks_has_its_package(name: str) -> None:
    missing = platform_check.not_found(_captured(name))
    assert len(missing) >= 20
    assert [m for m in missing if m not in DEBIAN_PACKAGES] == []


def test_the_readme_install_line_holds_every_package() -> None:
    """The README's Debian/Ubuntu line is the verified list (and updates apt first)."""
    readme = README.read_text(encoding="utf-8")
    line = re.search(r"sudo apt-get update && sudo apt-get install -y (.+)\n", readme)
    assert line is not None
    assert set(DEBIAN_PACKAGES.values()) <= set(line.group(1).split())


def test_a_copy_of_the_real_plugin_without_qt_beside_it_lacks_qt(tmp_path: Path) -> None:
    """Real ldd, real plugin: its RUNPATH ($ORIGIN/../../lib) finds no Qt in the copy."""
    real = platform_check.qt_folder()
    plugin = tmp_path / platform_check.XCB_FILES[0]
    plugin.parent.mkdir(parents=True)
    shutil.copy(real / platform_check.XCB_FILES[0], plugin)
    missing = platform_check.missing_libraries(tmp_path)
    names = [m.library for m in missing]
    assert {"libQt6XcbQpa.so.6", "libQt6Gui.so.6", "libQt6Core.so.6"} <= set(names)
    assert all(m.package is None for m in missing if m.library.startswith("libQt6"))
    said = platform_check.message(missing)
    assert "libQt6Gui.so.6 (find its package: apt-file search libQt6Gui.so.6)" in said
    # With Qt's folder beside it again, the libraries left are the machine's own.
    (tmp_path / "lib").symlink_to(real / "lib")
    assert not [m for m in platform_check.missing_libraries(tmp_path) if m.package is None]


def test_on_this_machine_every_missing_library_has_a_package() -> None:
    missing = platform_check.missing_libraries(platform_check.qt_folder())
    assert [m.library for m in missing if m.package is None] == []


@pytest.mark.parametrize(
    ("environ", "xcb"),
    [
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, False),
    ],
)
def test_only_a_start_on_xcb_is_checked(environ: dict[str, str], xcb: bool) -> None:
    assert platform_check.uses_xcb(environ) is xcb


def test_offscreen_starts_are_not_checked() -> None:
    assert platform_check.refusal("en", {"QT_QPA_PLATFORM": "offscreen"}) is None


def test_baton_says_it_before_loading_qt_widgets_and_creates_nothing(tmp_path: Path) -> None:
    """The real command's start, on a Qt whose xcb plugin cannot load (the copy above)."""
    fake = tmp_path / "Qt"
    plugin = fake / platform_check.XCB_FILES[0]
    plugin.parent.mkdir(parents=True)
    shutil.copy(platform_check.qt_folder() / platform_check.XCB_FILES[0], plugin)
    database = tmp_path / "baton.sqlite3"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from desktop.main import platform_check\n"
        f"platform_check.qt_folder = lambda: Path({str(fake)!r})\n"
        "from desktop.cli import main\n"
        f"code = main(['--db', {str(database)!r}, '--lang', 'en'])\n"
        "print('widgets' if 'PySide6.QtWidgets' in sys.modules else 'no widgets')\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=headless_env(tmp_path, QT_QPA_PLATFORM="xcb"),
        cwd=Path(__file__).parent.parent,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.strip() == "no widgets"
    assert result.stderr.startswith("Baton cannot open its window")
    assert "libQt6XcbQpa.so.6" in result.stderr and "libQt6Gui.so.6" in result.stderr
    assert not database.exists()
