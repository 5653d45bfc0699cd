"""Russian texts of the MJML validation level box (``ui/editor/validation.py``).

Run after ``pyside6-lupdate``::

    pyside6-lupdate ui/editor/validation.py -no-obsolete -target-language ru_RU \
        -ts ui/i18n/validation_ru.ts
    python -m ui.i18n.ru_validation && pyside6-lrelease ui/i18n/validation_ru.ts
"""

from __future__ import annotations

import sys

from ui.i18n.ru_shell import HERE, fill

_V = "ValidationLevelBox"

RU: dict[tuple[str, str], str | tuple[str, str, str]] = {
    (_V, "MJML validation:"): "Проверка MJML:",
    (_V, "soft"): "мягкая",
    (_V, "strict"): "строгая",
    (_V, "skip"): "нет",
    (_V, "As official MJML: soft (the default) renders MJML with problems and lists them "
         "as warnings; strict shows them as errors and keeps the last good preview; skip "
         "checks nothing"):
        "Как в официальном MJML: мягкая (по умолчанию) показывает письмо и с ошибками MJML, "
        "перечисляя их как предупреждения; строгая считает их ошибками и оставляет последний "
        "удачный предпросмотр; без проверки — ничего не проверяет",
}


def main() -> int:
    """Fill validation_ru.ts; exit 1 if texts are missing."""
    missing = fill(HERE / "validation_ru.ts", RU)
    for entry in missing:
        sys.stderr.write(f"untranslated: {entry}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
