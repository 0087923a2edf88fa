"""Languages: choose one, build the ``.qm`` from its ``.ts`` source, install translators.

The ``.qm`` files are build outputs and are not committed: :func:`compiled` runs Qt's
``lrelease`` (shipped inside PySide6) into the user cache directory whenever the ``.ts``
is newer than the cached build.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

import resources

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator

LANGUAGES = ("en", "ja")
#: The attribute of the application that keeps its installed translators alive.
TRANSLATORS = "_baton_translators"
TRANSLATIONS = resources.path("translations")


#: The environment variables that name the user's language, strongest first (POSIX).
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def choose(requested: str | None = None) -> str:
    """``requested`` if given, else the user's language (Japanese or English).

    The locale environment decides where it is set (without loading Qt, so headless
    commands in English never do); elsewhere (Windows, macOS) Qt asks the system.
    """
    if requested:
        return requested
    for name in LOCALE_VARIABLES:
        value = os.environ.get(name, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    from PySide6.QtCore import QLocale

    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def source(language: str) -> Path:
    return TRANSLATIONS / f"baton_{language}.ts"


def _lrelease() -> Path:
    import PySide6

    return Path(PySide6.__file__).with_name("lrelease")


def compiled(language: str) -> Path | None:
    """The compiled translation for ``language``, built if missing or stale; None for English."""
    ts = source(language)
    if language == "en" or not ts.exists():
        return None
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    cache = Path(platformdirs.user_cache_dir("Baton", appauthor=False)) / "translations"
    qm = cache / f"baton_{language}_{digest}.qm"
    if not qm.exists():
        cache.mkdir(parents=True, exist_ok=True)
        tmp = qm.with_suffix(".tmp")
        subprocess.run(  # noqa: S603 - Qt's own lrelease, fixed arguments
            [str(_lrelease()), "-silent", str(ts), "-qm", str(tmp)], check=True
        )
        tmp.replace(qm)
    return qm


def switch(app: QCoreApplication, language: str) -> None:
    """Make ``language`` the app's: the translations installed before are removed first.

    Text already on screen stays as it was: the caller builds its windows again.
    """
    for translator in getattr(app, TRANSLATORS, ()):
        app.removeTranslator(translator)
    setattr(app, TRANSLATORS, install(app, language))


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Baton's and Qt's own translations; keep the returned list alive."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(
        QLocale(QLocale.Language.Japanese if language == "ja" else QLocale.Language.English)
    )
    translators: list[QTranslator] = []
    qm = compiled(language)
    if qm is not None:
        ours = QTranslator(app)
        if ours.load(str(qm)):
            app.installTranslator(ours)
            translators.append(ours)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        theirs = QTranslator(app)
        if theirs.load(f"qtbase_{language}", qt_dir):
            app.installTranslator(theirs)
            translators.append(theirs)
    return translators
