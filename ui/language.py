"""The UI language: Russian or English, from --lang, the saved choice or the system.

Source strings are English; ``ui/i18n/konvert_ru.qm`` translates them (plus
Qt's own ``qtbase_ru.qm`` for standard buttons and dialogs). Installing or
removing a translator makes Qt send ``QEvent.LanguageChange`` to every
widget, which re-reads its texts in ``changeEvent``.

Every ``ui/i18n/*_<lang>.qm`` is loaded, so a module can ship its own file.
Updating the shell's translation after changing its UI strings::

    SHELL="ui/app.py ui/contacts_model.py ui/contacts_page.py ui/importing/*.py
           ui/language.py ui/main_window.py ui/pages.py ui/style.py ui/tasks.py"
    pyside6-lupdate $SHELL -no-obsolete -target-language ru_RU -ts ui/i18n/konvert_ru.ts
    pyside6-lupdate $SHELL -no-obsolete -target-language en_US -pluralonly \
        -ts ui/i18n/konvert_en.ts
    python -m ui.i18n.ru_shell      # or translate the new entries in Qt Linguist
    pyside6-lrelease ui/i18n/konvert_ru.ts ui/i18n/konvert_en.ts
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)

log = logging.getLogger(__name__)

LANGUAGES = ("ru", "en")
"""Languages the UI speaks."""

SETTINGS_KEY = "ui/language"
"""Where the user's choice is remembered in QSettings."""

I18N_DIR = Path(__file__).with_name("i18n")

_LOCALES = {
    "ru": QLocale(QLocale.Language.Russian, QLocale.Country.Russia),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}


def system_language() -> str:
    """``ru`` when the system locale is Russian, else ``en``."""
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


def current_language() -> str:
    """The UI language in force (``ru`` or ``en``), as :class:`LanguageSwitcher` set it."""
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"


def choose_language(explicit: str | None, settings: QSettings | None) -> str:
    """The language to start with: ``--lang``, else the saved choice, else the system's."""
    if explicit in LANGUAGES:
        return str(explicit)
    if settings is not None:
        saved = settings.value(SETTINGS_KEY)
        if saved in LANGUAGES:
            return str(saved)
    return system_language()


class LanguageSwitcher(QObject):
    """Installs the translators of one language into the application.

    Owned by the application (or the main window); :meth:`apply` can be
    called again at run time to switch.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installed: list[QTranslator] = []
        self._language = ""

    @property
    def language(self) -> str:
        """The language applied last (``""`` before the first :meth:`apply`)."""
        return self._language

    def apply(self, language: str) -> None:
        """Switch the whole UI to ``language`` (``ru`` or ``en``)."""
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        if language == self._language:
            return
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before applying a language")
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()
        QLocale.setDefault(_LOCALES[language])
        self._language = language
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Every ``*_<lang>.qm`` in ui/i18n is loaded, so a module may ship its
        # own file (segments_ru.qm...). English files hold only plural forms
        # ("1 contact", "2 contacts"); Qt's own texts are English already.
        files = [
            (path.stem, str(path.parent)) for path in sorted(I18N_DIR.glob(f"*_{language}.qm"))
        ]
        if language != "en":
            files.insert(0, (f"qtbase_{language}", qt_dir))
        for name, folder in files:
            translator = QTranslator(self)
            if translator.load(name, folder):
                QCoreApplication.installTranslator(translator)
                self._installed.append(translator)
            else:
                log.warning("cannot load translation %s from %s", name, folder)
        # Qt posts LanguageChange to the widgets; deliver it now so that the
        # UI speaks the new language when this returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
