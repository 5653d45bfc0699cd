"""Russian texts of the Segments page, merged into ``ui/i18n/segments_ru.ts``.

After changing the page's strings::

    pyside6-lupdate ui/segments/*.py -no-obsolete -target-language ru_RU \\
        -ts ui/i18n/segments_ru.ts
    python -m ui.segments.ru && pyside6-lrelease ui/i18n/segments_ru.ts

The language switcher loads every ``ui/i18n/*_ru.qm``.
"""

from __future__ import annotations

import sys

from ui.i18n.ru_shell import HERE, fill

_CONDITION = {
    "Wrap in NOT (contacts for whom this is false)": "Обернуть в НЕ (те, для кого это не так)",
    "Remove this condition": "Удалить условие",
    "Change field": "Смена поля",
    "Change operator": "Смена условия",
    "Change value": "Смена значения",
    "Change period": "Смена периода",
}
_GROUP = {
    "Match": "Подходят",
    "ALL of these (AND)": "ВСЕ условия (И)",
    "ANY of these (OR)": "ЛЮБОЕ условие (ИЛИ)",
    "Wrap in NOT": "Обернуть в НЕ",
    "Remove this group": "Удалить группу",
    "Empty group: ALL matches everyone, ANY matches no one.":
        "Пустая группа: «ВСЕ» подходит всем, «ЛЮБОЕ» — никому.",
    "+ Condition": "+ Условие",
    "Add a condition to this group": "Добавить условие в эту группу",
    "Add condition": "Добавление условия",
    "+ Group": "+ Группа",
    "Add a nested group (AND / OR)": "Добавить вложенную группу (И / ИЛИ)",
    "Add group": "Добавление группы",
    "+ In segment": "+ В сегменте",
    "Contacts of another saved segment": "Контакты другого сохранённого сегмента",
    "Add segment reference": "Добавление ссылки на сегмент",
}
_LABELS = {
    "Profile": "Профиль", "Purchases": "Покупки", "Behaviour": "Поведение",
    "Lifecycle": "Жизненный цикл", "RFM": "RFM", "Custom": "Дополнительные поля",
    "is": "равно", "is not": "не равно", "is one of": "одно из", "is none of": "ни одно из",
    "contains": "содержит", "starts with": "начинается с", "more than": "больше",
    "at least": "не меньше", "less than": "меньше", "at most": "не больше",
    "between": "от … до", "is empty": "не заполнено", "is not empty": "заполнено",
    "did it at all": "было хотя бы раз", "before": "до", "after": "после", "on": "в день",
    "in the last N days": "за последние N дней", "more than N days ago": "более N дней назад",
    "is the day": "в день", "is not the day": "не в день", "later than": "позже",
    "on or after": "не раньше", "earlier than": "раньше", "on or before": "не позже",
    "female": "женский", "male": "мужской", "unknown": "не указан",
    "subscribed": "подписан", "unsubscribed": "отписался", "bounced": "недоставка",
    "complained": "жалоба на спам",
    "cold": "холодные", "warm": "тёплые", "hot": "горячие", "active": "активные",
    "passive": "пассивные", "inactive": "неактивные", "very inactive": "совсем неактивные",
    "champions": "чемпионы", "loyal": "лояльные", "potential loyalists": "будущие лояльные",
    "new customers": "новые покупатели", "promising": "перспективные",
    "need attention": "требуют внимания", "about to sleep": "засыпающие",
    "at risk": "в зоне риска", "can't lose them": "нельзя потерять",
    "hibernating": "спящие", "lost": "потерянные",
    "ALL of these": "ВСЕ условия", "ANY of these": "ЛЮБОЕ условие", "NOT": "НЕ",
    "yes": "да", "no": "нет", "in segment “{0}”": "в сегменте «{0}»",
    "{0} and {1}": "{0} и {1}", "in the last {0} days": "за последние {0} дн.",
    "more than {0} days ago": "более {0} дн. назад", "at least {0} times": "не менее {0} раз",
}
_PAGE = {
    "Save segment": "Сохранить сегмент", "Segment name:": "Название сегмента:",
    "Segment “{0}” saved.": "Сегмент «{0}» сохранён.", "Not saved: {0}": "Не сохранено: {0}",
    "copy": "копия", "In segment": "В сегменте",
    "Fill in the value of “{0}” to count.": "Заполните значение «{0}», чтобы посчитать.",
    "contacts match · {0} can be sent to": "контактов подходит · можно отправить: {0}",
    "Exporting members…": "Выгружаем участников…",
    "{0} contacts written to {1}": "Записано контактов: {0}, файл {1}",
    "segment": "сегмент", "Export members to CSV": "Выгрузить участников в CSV",
    "CSV files (*.csv)": "Файлы CSV (*.csv)", "Save as a new segment": "Сохранить как новый",
    "Unsaved segment": "Сегмент не сохранён",
    "The open segment is not saved. Open “{0}” and drop it?":
        "Открытый сегмент не сохранён. Открыть «{0}» и отказаться от него?",
    "Open": "Открыть", "Rename…": "Переименовать…", "Duplicate": "Дублировать",
    "Delete…": "Удалить…", "Rename segment": "Переименовать сегмент",
    "New name:": "Новое название:", "Delete segment": "Удалить сегмент",
    "Delete the segment “{0}”?": "Удалить сегмент «{0}»?",
    "Ready-made: {0}": "Готовый: {0}", "New segment": "Новый сегмент",
    "Not saved yet": "Ещё не сохранён", "Saved segments": "Сохранённые сегменты",
    "No saved segments yet: build one and press Save, or start from a ready-made one.":
        "Сохранённых сегментов пока нет: соберите сегмент и нажмите «Сохранить» "
        "или начните с готового.",
    "Ready-made…": "Готовые сегменты…", "Compare segments…": "Сравнить сегменты…",
    "Undo (Ctrl+Z)": "Отменить (Ctrl+Z)", "Redo (Ctrl+Shift+Z)": "Повторить (Ctrl+Shift+Z)",
    "Save": "Сохранить", "Save as…": "Сохранить как…", "Why in / not in?": "Почему входит?",
    "Check a contact against every condition": "Проверить контакт по каждому условию",
    "Export CSV…": "Выгрузить CSV…", "First members": "Первые участники",
    "Email": "Почта", "Name": "Имя", "City": "Город",
    "Click a bar to open that status as a segment.":
        "Нажмите на полосу, чтобы открыть этот статус как сегмент.",
}
_DIALOGS = {
    ("ExplainDialog", "Why is this contact in the segment?"): "Почему контакт входит в сегмент?",
    ("ExplainDialog", "Contact e-mail"): "Почта контакта",
    ("ExplainDialog", "Explain"): "Проверить",
    ("ExplainDialog", "Checking…"): "Проверяем…",
    ("ExplainDialog", "✓ {0} is in the segment."): "✓ {0} входит в сегмент.",
    ("ExplainDialog", "✗ {0} is not in the segment: the conditions marked ✗ are why."):
        "✗ {0} не входит в сегмент: причина — условия, отмеченные ✗.",
    ("OverlapDialog", "Compare segments"): "Сравнение сегментов",
    ("OverlapDialog", "— no third —"): "— без третьего —",
    ("OverlapDialog", "Compare"): "Сравнить",
    ("OverlapDialog", "Region"): "Область",
    ("OverlapDialog", "Contacts"): "Контакты",
    ("OverlapDialog", "Counting…"): "Считаем…",
    ("OverlapDialog", "in none of them"): "ни в одном",
    ("OverlapDialog", "only “{0}”"): "только «{0}»",
    ("OverlapDialog", " and "): " и ",
    ("OverlapDialog", "“{0}”"): "«{0}»",
    ("OverlapDialog", "{0}, not the other"): "{0}, но не в остальном",
    ("OverlapDialog", "in all: {0}"): "во всех: {0}",
    ("VennDiagram", "In none of them: {0} of {1} contacts"):
        "Ни в одном: {0} из {1} контактов",
    ("LifecycleChart", "Contacts by lifecycle status"): "Контакты по статусу жизненного цикла",
    ("LifecycleChart", "Counting…"): "Считаем…",
    ("LifecycleChart", "{0}: {1} contacts ({2}%)"): "{0}: {1} контактов ({2}%)",
    ("NotFrame", "NOT — contacts for whom this is false"): "НЕ — те, для кого это не так",
    ("NotFrame", "Remove NOT"): "Убрать НЕ",
    ("NotFrame", "Keep the rule, drop the NOT"): "Оставить условие, убрать НЕ",
    ("NotFrame", "Remove"): "Удалить",
    ("RuleBuilder", "Remove"): "Удаление",
    ("RuleBuilder", "Remove NOT"): "Снятие НЕ",
    ("RuleBuilder", "Wrap in NOT"): "Обёртка в НЕ",
    ("RuleBuilder", "Switch AND / OR"): "Смена И / ИЛИ",
    ("RuleBuilder", "Move"): "Перемещение",
    ("ReferenceRow", "In segment"): "В сегменте",
    ("ReferenceRow", "Wrap in NOT (not in this segment)"): "Обернуть в НЕ (не в этом сегменте)",
    ("ReferenceRow", "Remove this condition"): "Удалить условие",
    ("ReferenceRow", "Change segment"): "Смена сегмента",
    ("BoolEditor", "yes"): "да",
    ("BoolEditor", "no"): "нет",
    ("ChipsEditor", "add a value…"): "добавьте значение…",
    ("ChipsEditor", "Remove this value"): "Убрать это значение",
    ("DateRangeEditor", "and"): "и",
    ("NumberRangeEditor", "and"): "и",
    ("DaysEditor", "days"): "дн.",
    ("DragHandle", "Drag to move into another group"): "Перетащите в другую группу",
    ("EnumListEditor", "choose…"): "выберите…",
    ("TextEditor", "type a value"): "введите значение",
    ("WindowEditor", "any time"): "за всё время",
    ("WindowEditor", "in the last "): "за последние ",
    ("WindowEditor", " days"): " дн.",
    ("WindowEditor", "Only events of the last N days count"):
        "Учитываются только события за последние N дней",
    ("WindowEditor", "at least "): "не менее ",
    ("WindowEditor", "×"): " раз",
    ("WindowEditor", "How many such events at least"): "Сколько раз как минимум",
}

RU: dict[tuple[str, str], str | tuple[str, str, str]] = {
    **{("ConditionRow", k): v for k, v in _CONDITION.items()},
    **{("GroupFrame", k): v for k, v in _GROUP.items()},
    **{("SegmentLabels", k): v for k, v in _LABELS.items()},
    **{("SegmentsPage", k): v for k, v in _PAGE.items()},
    **_DIALOGS,
}


def main() -> int:
    """Fill ``segments_ru.ts``; exit 1 listing what is still untranslated."""
    missing = fill(HERE / "segments_ru.ts", RU)
    for entry in missing:
        sys.stderr.write(f"untranslated: {entry}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
