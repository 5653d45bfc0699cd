<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>ExportPage</name>
        <message>
            <location filename="../export/page.py" line="280" />
            <source>Preparing {0}…</source>
            <translation>Готовим «{0}»…</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="305" />
            <source>Pulling the results of {0} from Unisender…</source>
            <translation>Забираем результаты «{0}» из Unisender…</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="321" />
            <source>Cancelling after the current request…</source>
            <translation>Останавливаемся после текущего запроса…</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="371" />
            <source>No campaigns yet: create one on the Campaigns page.</source>
            <translation>Кампаний пока нет: создайте её на странице «Кампании».</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="377" />
            <source>Checking the campaign for {0}…</source>
            <translation>Проверяем кампанию для {0}…</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="430" />
            <source>Remainder (winner {0})</source>
            <translation>Остаток (победитель {0})</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="432" />
            <source>Remainder</source>
            <translation>Остаток</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="433" />
            <source>Variant {0}</source>
            <translation>Вариант {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="443" />
            <source>Exported to {1}: {0} object(s) recorded. Exporting again creates nothing.</source>
            <translation>Выгружено в {1}: записано объектов — {0}. Повторная выгрузка ничего не создаст.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="446" />
            <source>{0} object(s) already created at {1} by an earlier export: exporting again resumes and creates nothing twice.</source>
            <translation>Уже создано в {1} прошлой выгрузкой объектов: {0}. Повторная выгрузка продолжит с места остановки и ничего не создаст дважды.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="452" />
            <source>The remainder gets the winner later: choose it on the Campaigns page, then export with “Winner to the remainder”.</source>
            <translation>Остаток получит победителя позже: выберите его на странице «Кампании» и выгрузите с отметкой «Победителя — остатку».</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="466" />
            <source>✗ Cannot be exported as it is:</source>
            <translation>✗ В таком виде выгрузить нельзя:</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="468" />
            <source>✓ Can be exported, with remarks:</source>
            <translation>✓ Можно выгрузить, с замечаниями:</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="470" />
            <source>✓ Everything in the template can be expressed.</source>
            <translation>✓ Всё в шаблоне переводится.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="482" />
            <source>Variables:</source>
            <translation>Переменные:</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="509" />
            <source>done</source>
            <translation>готово</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="509" />
            <source>failed</source>
            <translation>ошибка</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="510" />
            <source>cancelled</source>
            <translation>отменено</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="510" />
            <source>running or interrupted</source>
            <translation>идёт или прервано</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="511" />
            <source>dry run</source>
            <translation>пробный запуск</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="516" />
            <source>nothing new</source>
            <translation>ничего нового</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="517" />
            <source>lists: {0}</source>
            <translation>списков: {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="517" />
            <source>contact batches: {0}</source>
            <translation>пакетов контактов: {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="518" />
            <source>messages: {0}</source>
            <translation>писем: {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="518" />
            <source>campaigns: {0}</source>
            <translation>рассылок: {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="519" />
            <source>templates: {0}</source>
            <translation>шаблонов: {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="519" />
            <source>send batches: {0}</source>
            <translation>пакетов отправки: {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="536" />
            <source>Created:</source>
            <translation>Создано:</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="541" />
            <source>… and {0} more</source>
            <translation>… и ещё {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="585" />
            <source>Dry run: {0} request(s) would be made; nothing was sent.</source>
            <translation>Пробный запуск: запросов было бы сделано — {0}; ничего не отправлено.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="591" />
            <source>Done: {0} object(s) created.</source>
            <translation>Готово: создано объектов — {0}.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="592" />
            <source>Everything was already done: nothing created.</source>
            <translation>Всё уже было сделано: ничего не создано.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="594" />
            <source>Campaign ids: {0}</source>
            <translation>id рассылок: {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="606" />
            <source>{0}: delivered {1}, opened {2} ({3}), clicked {4} ({5})</source>
            <translation>{0}: доставлено {1}, открыли {2} ({3}), кликнули {4} ({5})</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="610" />
            <source>Results stored in the campaign: see them on the Campaigns page.</source>
            <translation>Результаты сохранены в кампании: смотрите их на странице «Кампании».</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="618" />
            <source>Cancelled. What was created is recorded: export again to continue.</source>
            <translation>Отменено. Созданное записано: выгрузите снова, чтобы продолжить.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="665" />
            <location filename="../export/page.py" line="687" />
            <source>Campaign</source>
            <translation>Кампания</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="666" />
            <source>Send to</source>
            <translation>Куда</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="667" />
            <source>Winner to the remainder</source>
            <translation>Победителя — остатку</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="668" />
            <source>Send the chosen winner to the rest of the segment (after the test)</source>
            <translation>Отправить выбранного победителя остальной части сегмента (после теста)</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="670" />
            <source>API address</source>
            <translation>Адрес API</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="671" />
            <source>the service's own address (change only for a test server, e.g. http://127.0.0.1:8080)</source>
            <translation>собственный адрес сервиса (меняйте только для тестового сервера, например http://127.0.0.1:8080)</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="673" />
            <source>Dry run</source>
            <translation>Пробный запуск</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="674" />
            <source>List every request without sending anything</source>
            <translation>Показать все запросы, ничего не отправляя</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="675" />
            <source>Export</source>
            <translation>Выгрузить</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="676" />
            <source>Cancel</source>
            <translation>Отменить</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="677" />
            <source>Pull results</source>
            <translation>Забрать результаты</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="678" />
            <source>Read opens and clicks of each variant from Unisender into the campaign's results</source>
            <translation>Забрать открытия и клики каждого варианта из Unisender в результаты кампании</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="680" />
            <source>Groups</source>
            <translation>Группы</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="681" />
            <source>Group</source>
            <translation>Группа</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="681" />
            <source>Contacts</source>
            <translation>Контакты</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="682" />
            <source>Subject</source>
            <translation>Тема</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="683" />
            <source>Translation report</source>
            <translation>Отчёт о переводе</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="684" />
            <source>Progress</source>
            <translation>Ход выгрузки</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="685" />
            <source>Export history</source>
            <translation>История выгрузок</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="686" />
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="686" />
            <source>Where</source>
            <translation>Куда</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="687" />
            <source>Result</source>
            <translation>Итог</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="688" />
            <source>Created</source>
            <translation>Создано</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="689" />
            <source>Nothing has been exported yet.</source>
            <translation>Пока ничего не выгружали.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="691" />
            <source>Choose a campaign and where to send it, then Export. Cancel stops safely: exporting again resumes.</source>
            <translation>Выберите кампанию и куда её отправить, затем «Выгрузить». «Отменить» останавливает безопасно: повторная выгрузка продолжит с места остановки.</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <source>Export</source>
            <translation>Выгрузка</translation>
        </message>
        <message>
            <source>Send a campaign to Unisender and see what every export created.</source>
            <translation>Отправка кампании в Unisender и что создала каждая выгрузка.</translation>
        </message>
    </context>
</TS>