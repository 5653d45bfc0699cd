<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>ExportPage</name>
        <message>
            <location filename="../export/page.py" line="277" />
            <source>Preparing {0}…</source>
            <translation>Готовим «{0}»…</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="297" />
            <source>Cancelling after the current request…</source>
            <translation>Останавливаемся после текущего запроса…</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="347" />
            <source>No campaigns yet: create one on the Campaigns page.</source>
            <translation>Кампаний пока нет: создайте её на странице «Кампании».</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="353" />
            <source>Checking the campaign for {0}…</source>
            <translation>Проверяем кампанию для {0}…</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="406" />
            <source>Remainder (winner {0})</source>
            <translation>Остаток (победитель {0})</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="408" />
            <source>Remainder</source>
            <translation>Остаток</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="409" />
            <source>Variant {0}</source>
            <translation>Вариант {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="419" />
            <source>Exported to {1}: {0} object(s) recorded. Exporting again creates nothing.</source>
            <translation>Выгружено в {1}: записано объектов — {0}. Повторная выгрузка ничего не создаст.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="422" />
            <source>{0} object(s) already created at {1} by an earlier export: exporting again resumes and creates nothing twice.</source>
            <translation>Уже создано в {1} прошлой выгрузкой объектов: {0}. Повторная выгрузка продолжит с места остановки и ничего не создаст дважды.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="428" />
            <source>The remainder gets the winner later: choose it on the Campaigns page, then export with “Winner to the remainder”.</source>
            <translation>Остаток получит победителя позже: выберите его на странице «Кампании» и выгрузите с отметкой «Победителя — остатку».</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="442" />
            <source>✗ Cannot be exported as it is:</source>
            <translation>✗ В таком виде выгрузить нельзя:</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="444" />
            <source>✓ Can be exported, with remarks:</source>
            <translation>✓ Можно выгрузить, с замечаниями:</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="446" />
            <source>✓ Everything in the template can be expressed.</source>
            <translation>✓ Всё в шаблоне переводится.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="458" />
            <source>Variables:</source>
            <translation>Переменные:</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="485" />
            <source>done</source>
            <translation>готово</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="485" />
            <source>failed</source>
            <translation>ошибка</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="486" />
            <source>cancelled</source>
            <translation>отменено</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="486" />
            <source>running or interrupted</source>
            <translation>идёт или прервано</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="487" />
            <source>dry run</source>
            <translation>пробный запуск</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="492" />
            <source>nothing new</source>
            <translation>ничего нового</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="493" />
            <source>lists: {0}</source>
            <translation>списков: {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="493" />
            <source>contact batches: {0}</source>
            <translation>пакетов контактов: {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="494" />
            <source>messages: {0}</source>
            <translation>писем: {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="494" />
            <source>campaigns: {0}</source>
            <translation>рассылок: {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="495" />
            <source>templates: {0}</source>
            <translation>шаблонов: {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="495" />
            <source>send batches: {0}</source>
            <translation>пакетов отправки: {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="512" />
            <source>Created:</source>
            <translation>Создано:</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="517" />
            <source>… and {0} more</source>
            <translation>… и ещё {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="561" />
            <source>Dry run: {0} request(s) would be made; nothing was sent.</source>
            <translation>Пробный запуск: запросов было бы сделано — {0}; ничего не отправлено.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="567" />
            <source>Done: {0} object(s) created.</source>
            <translation>Готово: создано объектов — {0}.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="568" />
            <source>Everything was already done: nothing created.</source>
            <translation>Всё уже было сделано: ничего не создано.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="570" />
            <source>Campaign ids: {0}</source>
            <translation>id рассылок: {0}</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="578" />
            <source>Cancelled. What was created is recorded: export again to continue.</source>
            <translation>Отменено. Созданное записано: выгрузите снова, чтобы продолжить.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="622" />
            <location filename="../export/page.py" line="641" />
            <source>Campaign</source>
            <translation>Кампания</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="623" />
            <source>Send to</source>
            <translation>Куда</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="624" />
            <source>Winner to the remainder</source>
            <translation>Победителя — остатку</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="625" />
            <source>Send the chosen winner to the rest of the segment (after the test)</source>
            <translation>Отправить выбранного победителя остальной части сегмента (после теста)</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="627" />
            <source>API address</source>
            <translation>Адрес API</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="628" />
            <source>the service's own address (change only for a test server, e.g. http://127.0.0.1:8080)</source>
            <translation>собственный адрес сервиса (меняйте только для тестового сервера, например http://127.0.0.1:8080)</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="630" />
            <source>Dry run</source>
            <translation>Пробный запуск</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="631" />
            <source>List every request without sending anything</source>
            <translation>Показать все запросы, ничего не отправляя</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="632" />
            <source>Export</source>
            <translation>Выгрузить</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="633" />
            <source>Cancel</source>
            <translation>Отменить</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="634" />
            <source>Groups</source>
            <translation>Группы</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="635" />
            <source>Group</source>
            <translation>Группа</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="635" />
            <source>Contacts</source>
            <translation>Контакты</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="636" />
            <source>Subject</source>
            <translation>Тема</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="637" />
            <source>Translation report</source>
            <translation>Отчёт о переводе</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="638" />
            <source>Progress</source>
            <translation>Ход выгрузки</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="639" />
            <source>Export history</source>
            <translation>История выгрузок</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="640" />
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="640" />
            <source>Where</source>
            <translation>Куда</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="641" />
            <source>Result</source>
            <translation>Итог</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="642" />
            <source>Created</source>
            <translation>Создано</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="643" />
            <source>Nothing has been exported yet.</source>
            <translation>Пока ничего не выгружали.</translation>
        </message>
        <message>
            <location filename="../export/page.py" line="645" />
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