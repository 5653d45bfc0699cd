"""Russian texts added for issue 13 (laptop screens, Russian throughout): writes ``laptop_ru.ts``.

Regenerate with::

    python -m ui.i18n.ru_laptop && pyside6-lrelease ui/i18n/laptop_ru.ts
"""

from __future__ import annotations

from pathlib import Path

from ui.i18n.tsfile import write_ts

HERE = Path(__file__).resolve().parent

RU: dict[tuple[str, str], str] = {
    ("BrandTab", "Currency"): "Валюта",
    ("ExportPage", "(filled in by Konvert)"): "(подставит Konvert)",
    ("InboxPreviewPane", "Desktop"): "Компьютер",
    ("InboxPreviewPane", "Phone"): "Телефон",
    ("SegmentsPage", "{0} (changed, not saved)"): "{0} (изменён, не сохранён)",
    ("OverlapDialog", "Ready-made segment"): "Готовый сегмент",
    ("OverlapDialog",
     "You have fewer than two saved segments, so the lists offer the ready-made ones. To "
     "compare your own, build a segment and press “Save as…”, then open this window again."):
        "Сохранённых сегментов меньше двух, поэтому в списках — готовые сегменты. Чтобы "
        "сравнить свои, соберите сегмент, нажмите «Сохранить как…» и откройте это окно снова.",
    ("RunPage", "Another import is writing to this workspace: this one starts as soon as it "
                "has finished…"):
        "В эту базу сейчас пишет другой импорт: этот начнётся, как только тот закончится…",
    ("TemplateEditor", "Saved with errors"): "Сохранено с ошибками",
    ("TemplateEditor", "Saved with errors: no version without errors to go back to"):
        "Сохранено с ошибками; версии без ошибок нет",
    ("TemplateEditor", "Restore the version without errors"): "Вернуть версию без ошибок",
    ("TemplateEditor",
     "Put back the last version of this template that rendered (Ctrl+Z undoes it)"):
        "Вернуть последнюю версию шаблона, которая отрисовывалась (Ctrl+Z отменит)",
}


if __name__ == "__main__":
    write_ts(HERE / "laptop_ru.ts", RU)
