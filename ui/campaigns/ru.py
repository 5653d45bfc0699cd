"""Russian texts of the Campaigns page, merged into ``ui/i18n/campaigns_ru.ts``.

After changing the page's strings::

    pyside6-lupdate ui/campaigns/*.py -no-obsolete -target-language ru_RU \\
        -ts ui/i18n/campaigns_ru.ts
    python -m ui.campaigns.ru && pyside6-lrelease ui/i18n/campaigns_ru.ts

Free ``tr()`` calls (``ui/campaigns/words.py``) land in the empty context.
"""

from __future__ import annotations

import sys

from ui.i18n.ru_shell import HERE, fill

_WORDS = {
    "{0} %": "{0} %",
    "clicks": "кликам",
    "opens": "открытиям",
    "conversions": "конверсиям",
    "The segment has nobody to send to yet.": "В сегменте пока некому отправлять.",
    "This test can detect a {0} lift in {1} (you asked for {2}): the test groups are large "
    "enough.": "Тест заметит рост на {0} по {1} (вы хотели {2}): тестовых групп хватает.",
    "This test can detect a {0} lift in {1}.": "Этот тест заметит рост на {0} по {1}.",
    "These test groups are too small to detect any realistic lift in {0}.":
        "Тестовые группы слишком малы, чтобы заметить реальный рост по {0}.",
    "For {0} you need {1}.": "Чтобы заметить {0}, нужно {1}.",
    "For {0} even the whole segment is not enough: you need {1} contacts per variant, the "
    "segment has {2}.": "Чтобы заметить {0}, не хватит и всего сегмента: нужно {1} контактов "
                        "на вариант, а в сегменте {2}.",
    "Winner: variant {0}. Every other variant has significantly fewer {1}.":
        "Победитель — вариант {0}: у остальных значимо меньше по {1}.",
    "Winner: variant {0} — {1} {2} against {3} for variant {4} (p = {5}).":
        "Победитель — вариант {0}: {1} по {2} против {3} у варианта {4} (p = {5}).",
    "Not yet: no variant is significantly better. If the difference seen holds, about {0} "
    "more contacts per variant would decide.":
        "Пока рано: ни один вариант не лучше значимо. Если разница сохранится, решат ещё "
        "около {0} контактов на вариант.",
    "Not yet: no variant is significantly better than the others.":
        "Пока рано: ни один вариант не лучше остальных значимо.",
    "Opens are inflated: Apple Mail Privacy Protection opens mail by itself. Decide on clicks.":
        "Открытия завышены: Apple Mail Privacy Protection открывает письма сама. "
        "Решайте по кликам.",
    "Fewer contacts than planned got each variant: deciding now is peeking and picks a false "
    "winner too often.": "Каждый вариант получило меньше контактов, чем запланировано: "
                         "решать сейчас — подглядывание, оно часто выбирает ложного "
                         "победителя.",
    "Fewer than 100 conversions per variant: aim for 100-200 before deciding on conversions.":
        "Меньше 100 конверсий на вариант: для решения по конверсиям нужно 100–200.",
}
_EDITOR = {
    "Edit campaign": "Изменение кампании",
    "Change plan": "Изменение плана",
    "Use the planned split": "Разбивка по плану",
    "Saving…": "Сохраняем…",
    "Pulling results from Unisender…": "Забираем результаты из Unisender…",
    "Results of the campaign": "Результаты кампании",
    "CSV files (*.csv *.txt)": "Файлы CSV (*.csv *.txt)",
    "Not saved: {0}": "Не сохранено: {0}",
    "Unsaved changes…": "Есть несохранённые изменения…",
    "All changes saved. Variants: {0}.": "Все изменения сохранены. Варианты: {0}.",
    "Set-up": "Настройка",
    "Plan": "План",
    "Results": "Результаты",
    "Export review bundle…": "Пакет для согласования…",
}
_STATE = {
    "Draft": "Черновик",
    "Exported": "Выгружена",
    "Results in": "Есть результаты",
    "Winner chosen": "Победитель выбран",
    "Winner exported": "Победитель выгружен",
}
_PAGE = {
    "Delete campaign": "Удалить кампанию",
    "Delete the campaign «{0}» with its groups and results? This cannot be undone.":
        "Удалить кампанию «{0}» вместе с группами и результатами? Отменить будет нельзя.",
    "New campaign…": "Новая кампания…",
    "Delete": "Удалить",
    "No campaigns yet.\n\nA campaign is one template sent to one segment with two to five "
    "subject variants: a small test group per variant first, the winner to the rest.\n\n"
    "Click «New campaign…» to start.":
        "Кампаний пока нет.\n\nКампания — это один шаблон для одного сегмента с двумя–пятью "
        "вариантами темы: сначала небольшая тестовая группа на каждый вариант, затем "
        "победитель — всем остальным.\n\nНажмите «Новая кампания…», чтобы начать.",
}
_DIALOG = {
    "New campaign": "Новая кампания",
    "Name": "Название",
    "Template": "Шаблон",
    "Segment": "Сегмент",
    "Subject A": "Тема A",
    "Subject B": "Тема B",
    "e.g. Autumn collection, test of subjects": "например, «Осенняя коллекция: тест тем»",
    "Another subject to test against A": "Другая тема, которую сравним с A",
}
_PLAN = {
    "Counting the segment…": "Считаем сегмент…",
    "The plan cannot be computed: {0}": "План не посчитать: {0}",
    "Needed per variant: {0}. Smallest test group: {1}. Smallest detectable lift: {2}. "
    "Sendable contacts: {3}.": "Нужно на вариант: {0}. Самая маленькая тестовая группа: {1}. "
                               "Заметный рост от: {2}. Можно отправить: {3}.",
    "Use {0}": "Взять {0}",
    "Opens are inflated by Apple Mail Privacy Protection, which opens mail by itself: clicks "
    "decide more honestly.": "Открытия завышает Apple Mail Privacy Protection — она "
                             "открывает письма сама; клики честнее.",
    "Rule of thumb: at least {0}-{1} conversions per variant; this plan expects about {2}.":
        "Правило: не меньше {0}–{1} конверсий на вариант; по плану ожидается около {2}.",
    "The deciding metric and this plan are recorded with the campaign before any result "
    "comes in.": "Решающая метрика и план сохраняются в кампании до того, как придут "
                 "результаты.",
    "Baseline rate of {0}": "Базовый уровень по {0}",
    "Smallest lift worth knowing (relative)": "Какой рост важно заметить (относительный)",
    "Confidence": "Достоверность",
    "Power": "Мощность",
}
_RESULTS_MODEL = {
    "Variant": "Вариант",
    "Sent": "Отправлено",
    "Opens": "Открытия",
    "Clicks": "Клики",
    "Conversions": "Конверсии",
    "Rate": "Доля",
    "95 % interval": "95 % интервал",
    "p-value": "p-значение",
    "remainder": "остаток",
}
_RESULTS = {
    "These results cannot be analysed on the deciding metric.":
        "По решающей метрике эти результаты не проанализировать.",
    "Chosen winner: {0}.": "Выбран победитель: {0}.",
    "Choose {0} as the winner": "Выбрать {0} победителем",
    "Rate of {0} with its 95 % interval": "Доля по {0} с 95 % интервалом",
    "Import results…": "Загрузить результаты…",
    "A CSV with the columns variant,sent,opens,clicks,conversions":
        "CSV со столбцами variant,sent,opens,clicks,conversions",
    "No results yet. After the send, import a CSV (variant, sent, opens, clicks, conversions) "
    "or pull them from Unisender.":
        "Результатов пока нет. После рассылки загрузите CSV (variant, sent, opens, clicks, "
        "conversions) или заберите их из Unisender.",
    "Pull results from Unisender": "Забрать результаты из Unisender",
    "Reads each variant's delivered, unique opens and unique clicks from the Unisender "
    "campaigns this campaign was exported to":
        "Берёт доставленные, уникальные открытия и клики каждого варианта из кампаний "
        "Unisender, в которые выгружена эта кампания",
}
_SETUP = {
    "Counting the segment…": "Считаем сегмент…",
    "remainder for the winner {0}": "остаток для победителя {0}",
    "of {0} sendable contacts in the segment": "из {0} контактов сегмента, которым можно писать",
    "Groups frozen at the first export.": "Группы зафиксированы при первой выгрузке.",
    "Test group per variant: {0} %": "Тестовая группа на вариант: {0} %",
    "Name": "Название",
    "Template": "Шаблон",
    "Segment": "Сегмент",
    "Decide by": "Решаем по",
    "Send": "Отправка",
    "Clicks (recommended)": "Кликам (рекомендуем)",
    "Opens (inflated by Apple Mail)": "Открытиям (завышены из-за Apple Mail)",
    "Conversions (needs 100-200 per variant)": "Конверсиям (нужно 100–200 на вариант)",
    "at a set time": "в заданное время",
    "Subject variants": "Варианты темы",
    "The body is the same for every variant: change one thing at a time.":
        "Текст письма у всех вариантов один: меняем что-то одно за раз.",
    "+ Variant": "+ Вариант",
    "Split": "Разбивка",
    "Send all now: split the whole segment equally, no remainder":
        "Отправить всем сразу: весь сегмент поровну, без остатка",
    "In the inbox": "Во входящих",
    "Each variant as an inbox list shows it, for a typical recipient.":
        "Каждый вариант так, как его покажет список входящих, для типичного получателя.",
    "Campaign name": "Название кампании",
    "Desktop": "Компьютер",
    "Phone": "Телефон",
}
_ROW = {
    "Subject of variant {0}": "Тема варианта {0}",
    "Preheader (optional)": "Прехедер (необязательно)",
    "Remove variant {0}": "Удалить вариант {0}",
}

RU: dict[tuple[str, str], str | tuple[str, ...]] = {}
for _context, _texts in (("", _WORDS), ("CampaignEditor", _EDITOR), ("CampaignState", _STATE),
                         ("CampaignsPage", _PAGE), ("NewCampaignDialog", _DIALOG),
                         ("PlanPane", _PLAN), ("ResultsModel", _RESULTS_MODEL),
                         ("ResultsPane", _RESULTS), ("SetupPane", _SETUP), ("VariantRow", _ROW)):
    for _source, _text in _texts.items():
        RU[(_context, _source)] = _text


def main() -> int:
    """Fill ``campaigns_ru.ts``; list what is still untranslated (exit 1 if anything)."""
    missing = fill(HERE / "campaigns_ru.ts", RU)
    for entry in missing:
        sys.stderr.write(f"untranslated: {entry}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
