"""Before the window opens: can Qt's xcb platform plugin load on this machine?

When a system library the plugin needs is missing, Qt prints that it "could not load
the Qt platform plugin "xcb"", names one library at best, and aborts the process. So
before the QApplication is created, Baton asks ``ldd`` about the plugin and Qt's xcb
library, collects every library reported "not found", and says all of them at once
with the Debian/Ubuntu packages that hold them and the command that installs them.

The parsing and the message are plain Python (no Qt); only a Japanese message loads
QtCore, for its translation. Runs on the main thread, before any Qt GUI class exists.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import PySide6

from desktop.i18n import languages
from desktop.i18n.translate import QT_TRANSLATE_NOOP

CTX = "PlatformCheck"

#: Every system library Qt's xcb plugin, its xcb library and the Qt libraries they load
#: link against, with the Debian package that holds it (the same names on Ubuntu 24.04,
#: where apt picks libglib2.0-0t64 for libglib2.0-0). Found with ``ldd`` on a bare
#: Debian 12 and ``apt-file search``; the README's install line is this list.
DEBIAN_PACKAGES: Mapping[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

#: The files asked about, relative to PySide6's Qt folder (the plugin, then the library
#: it loads first: between them they need every library above).
XCB_FILES = ("plugins/platforms/libqxcb.so", "lib/libQt6XcbQpa.so.6")

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)

HEADLINE = QT_TRANSLATE_NOOP(
    "PlatformCheck",
    "Baton cannot open its window: Qt's xcb platform plugin needs system libraries "
    "that are not installed:",
)
NO_PACKAGE = QT_TRANSLATE_NOOP("PlatformCheck", "%1 (find its package: apt-file search %1)")
INSTALL = QT_TRANSLATE_NOOP(
    "PlatformCheck", "Install them on Debian or Ubuntu (in a root shell, leave out “sudo”):"
)


@dataclass(frozen=True)
class Missing:
    library: str
    #: The Debian package that holds it; None for a library this list does not know.
    package: str | None


def not_found(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reported as not found, in order, each once."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def run_ldd(path: Path) -> str:
    """What ``ldd`` says about ``path`` ("" when there is no ldd or it fails to run)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return ""
    try:
        result = subprocess.run(  # noqa: S603 - the system's ldd on a file of our own
            [ldd, str(path)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout


def qt_folder() -> Path:
    """PySide6's Qt folder (its plugins and libraries), found without loading Qt."""
    return Path(PySide6.__file__).with_name("Qt")


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt will load its xcb plugin: asked for by name, or the default on Linux
    outside a Wayland session."""
    asked = environ.get("QT_QPA_PLATFORM", "").strip()
    if asked:
        return asked.split(";")[0].split(":")[0].strip() == "xcb"
    return sys.platform.startswith("linux") and not environ.get("WAYLAND_DISPLAY")


def missing_libraries(
    qt: Path, ldd: Callable[[Path], str] = run_ldd, files: Iterable[str] = XCB_FILES
) -> list[Missing]:
    """The libraries the xcb plugin under ``qt`` needs and this machine lacks."""
    names: dict[str, None] = {}
    for name in files:
        path = qt / name
        if path.exists():
            names.update(dict.fromkeys(not_found(ldd(path))))
    return [Missing(library, DEBIAN_PACKAGES.get(library)) for library in names]


def install_command(missing: Iterable[Missing]) -> str:
    packages = " ".join(dict.fromkeys(m.package for m in missing if m.package))
    return f"sudo apt-get update && sudo apt-get install -y {packages}"


def message(missing: list[Missing], translate: Callable[[str], str] = lambda text: text) -> str:
    """What the terminal shows: every missing library, its package, the install command."""
    lines = [translate(HEADLINE)]
    for item in missing:
        if item.package is not None:
            lines.append(f"  {item.library}  ({item.package})")
        else:
            lines.append("  " + translate(NO_PACKAGE).replace("%1", item.library))
    if any(item.package for item in missing):
        lines += ["", translate(INSTALL), "  " + install_command(missing)]
    return "\n".join(lines)


def _translator(language: str) -> Callable[[str], str]:
    """Baton's translation without a QCoreApplication (none may exist yet)."""
    if language == "en":
        return lambda text: text
    # Only now: QtCore needs GLib, which may be among the libraries missing.
    from PySide6.QtCore import QTranslator  # noqa: PLC0415

    qm = languages.compiled(language)
    translator = QTranslator()
    if qm is None or not translator.load(str(qm)):
        return lambda text: text
    return lambda text: translator.translate(CTX, text) or text


def refusal(language: str | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """The message to print instead of starting Qt, or None when the window can open."""
    if not uses_xcb(environ):
        return None
    missing = missing_libraries(qt_folder())
    if not missing:
        return None
    try:
        translate = _translator(languages.choose(language))
    except ImportError:  # QtCore itself cannot load (GLib is missing): said in English
        return message(missing)
    return message(missing, translate)
