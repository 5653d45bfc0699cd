"""Messages of the API exporters in English or Russian.

The core speaks the user's language without Qt: every message is an English
``str.format`` template, and :func:`tr` returns its Russian form for
``lang="ru"``. The CLI passes ``--lang``, the app its UI language.
"""

from __future__ import annotations

from typing import Any

_RU: dict[str, str] = {
    # steps
    "list «{title}»": "список «{title}»",
    "contacts of {group}": "контакты {group}",
    "batch {n} of {total}": "пакет {n} из {total}",
    "batch {n}": "пакет {n}",
    "group {label}": "группы {label}",
    "the remainder": "остатка",
    "message of variant {label}": "письмо варианта {label}",
    "message of the winner {label} for the remainder": "письмо победителя {label} для остатка",
    "campaign of variant {label}": "рассылка варианта {label}",
    "campaign of the winner {label} for the remainder":
        "рассылка победителя {label} для остатка",
    "template of variant {label}": "шаблон варианта {label}",
    "template of variant {label} (current content)": "шаблон варианта {label} (текущее содержимое)",
    "sending to {group}": "отправка {group}",
    "{what} ({n} batch)": "{what} ({n} пакет)",
    "{what} ({n} batches)": "{what} ({n} пакетов)",
    # step log
    "{label}: already done ({id})": "{label}: уже сделано ({id})",
    "{label}: created ({id})": "{label}: создано ({id})",
    "{label}: would create ({id})": "{label}: будет создано ({id})",
    "{label}: updated ({id})": "{label}: обновлено ({id})",
    "{label}: would update ({id})": "{label}: будет обновлено ({id})",
    "id {id}": "id {id}",
    "no id": "без id",
    "{n} contact(s)": "контактов: {n}",
    "{method}: {reason}; retrying (attempt {n})": "{method}: {reason}; повтор (попытка {n})",
    "list «{title}» exists at Unisender; using it":
        "список «{title}» уже есть в Unisender; используем его",
    "{group}: Unisender rejected {n} address(es) of this batch":
        "{group}: Unisender отклонил адресов в этом пакете: {n}",
    "campaign of {group} waits for Unisender's moderation before it is sent":
        "рассылка {group} ждёт модерации Unisender перед отправкой",
    "{group} batch {n}: accepted earlier (repeated idempotence_key)":
        "{group}, пакет {n}: уже принят ранее (повторный idempotence_key)",
    "{group}: Unisender Go did not accept {n} address(es) of this batch":
        "{group}: Unisender Go не принял адресов в этом пакете: {n}",
    # summaries
    "Done: {what}.": "Сделано: {what}.",
    "Not done: {what}.": "Не сделано: {what}.",
    "nothing": "ничего",
    "What was done is recorded; run the same export again to continue without creating "
    "anything twice.": "Сделанное записано; запустите ту же выгрузку снова, чтобы продолжить "
    "без повторного создания.",
    "Nothing was created; run the same export again once this is fixed.":
        "Ничего не создано; запустите ту же выгрузку снова, когда это будет исправлено.",
    "{service} export cancelled": "Выгрузка в {service} отменена",
    # HTTP faults
    "{method}: gave up after {n} attempts: {reason}":
        "{method}: не удалось после {n} попыток: {reason}",
    "the server did not answer in time": "сервер не ответил вовремя",
    "could not connect to {host} ({error})": "не удалось соединиться с {host} ({error})",
    # Unisender refusals
    "Unisender does not accept the API key {key} ({method}): check the key in Settings or "
    "in KONVERT_UNISENDER_KEY": "Unisender не принимает API-ключ {key} ({method}): проверьте "
    "ключ в настройках или в KONVERT_UNISENDER_KEY",
    "Unisender denied access to {method}: the key has no right to it (a restricted or "
    "blocked account): {text}": "Unisender запретил доступ к {method}: у ключа нет прав "
    "(ограниченный или заблокированный аккаунт): {text}",
    "Unisender rejected a value in {method}: {text}":
        "Unisender отклонил значение в {method}: {text}",
    "Unisender: not enough money on the account for {method}; top up the balance":
        "Unisender: на счёте не хватает денег для {method}; пополните баланс",
    "Unisender does not know the method {method}: is the API address right?":
        "Unisender не знает метод {method}: верен ли адрес API?",
    "Unisender refused {method}: {text} ({code})": "Unisender отказал в {method}: {text} ({code})",
    "Unisender answered {method} without {name}; nothing more was sent":
        "Unisender ответил на {method} без {name}; больше ничего не отправлено",
    # Unisender Go refusals
    "Unisender Go does not accept the API key (HTTP 401): check KONVERT_UNISENDER_GO_KEY or "
    "the key saved in Settings": "Unisender Go не принимает API-ключ (HTTP 401): проверьте "
    "KONVERT_UNISENDER_GO_KEY или ключ в настройках",
    "Unisender Go denied access to {method}: {text}":
        "Unisender Go запретил доступ к {method}: {text}",
    "Unisender Go does not know {method}: is the API address right? ({text})":
        "Unisender Go не знает {method}: верен ли адрес API? ({text})",
    "Unisender Go: the request of {method} is too large ({text})":
        "Unisender Go: запрос {method} слишком велик ({text})",
    "Unisender Go refused {method}: {text}": "Unisender Go отказал в {method}: {text}",
    "Unisender Go answered template/set without the template's id; nothing was sent":
        "Unisender Go ответил на template/set без id шаблона; ничего не отправлено",
    # usage
    "campaign {name} has no winner yet: choose one first":
        "у кампании {name} ещё нет победителя: сначала выберите его",
    "the winner {label} is not a variant of {name}": "победитель {label} — не вариант {name}",
    "campaign {name} has not been exported to Unisender yet: export the test groups first":
        "кампания {name} ещё не выгружалась в Unisender: сначала выгрузите тестовые группы",
    "campaign {name} has no remainder group to send the winner to":
        "у кампании {name} нет остатка, которому отправить победителя",
    "Unisender schedules at most 100 days ahead; the campaign's send time is {when} UTC":
        "Unisender планирует не дальше чем на 100 дней; время отправки кампании {when} UTC",
    "Unisender Go schedules at most 24 hours ahead; the campaign's send time is {when} UTC: "
    "export it later": "Unisender Go планирует не дальше чем на 24 часа; время отправки "
    "кампании {when} UTC: выгрузите её позже",
    # stats
    "campaign {name} has not been exported to {service}: nothing to pull":
        "кампания {name} не выгружалась в {service}: забирать нечего",
    "stats of {name}: variant {label} has no campaign at Unisender yet":
        "статистика {name}: у варианта {label} ещё нет рассылки в Unisender",
    "Unisender answered getCampaignCommonStats for {label} without {name}":
        "Unisender ответил на getCampaignCommonStats для {label} без {name}",
    "stats of Unisender Go come from event dumps, which Konvert does not read yet; import "
    "the results as a CSV instead": "статистика Unisender Go приходит выгрузками событий, "
    "которые Konvert пока не читает; импортируйте результаты из CSV",
}


def tr(lang: str, text: str, /, **values: Any) -> str:
    """``text`` (an English template) in ``lang``, filled with ``values``."""
    template = _RU.get(text, text) if lang == "ru" else text
    return template.format(**values)


def russian_templates() -> dict[str, str]:
    """Every English template with its Russian form (for the tests)."""
    return dict(_RU)
