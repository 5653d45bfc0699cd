<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name />
        <message>
            <location filename="../campaigns/words.py" line="27" />
            <source>{0} %</source>
            <translation>{0} %</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="37" />
            <source>clicks</source>
            <translation>кликам</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="37" />
            <source>opens</source>
            <translation>открытиям</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="38" />
            <source>conversions</source>
            <translation>конверсиям</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="45" />
            <source>The segment has nobody to send to yet.</source>
            <translation>В сегменте пока некому отправлять.</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="47" />
            <source>This test can detect a {0} lift in {1} (you asked for {2}): the test groups are large enough.</source>
            <translation>Тест заметит рост на {0} по {1} (вы хотели {2}): тестовых групп хватает.</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="50" />
            <source>This test can detect a {0} lift in {1}.</source>
            <translation>Этот тест заметит рост на {0} по {1}.</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="52" />
            <source>These test groups are too small to detect any realistic lift in {0}.</source>
            <translation>Тестовые группы слишком малы, чтобы заметить реальный рост по {0}.</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="55" />
            <source>For {0} you need {1}.</source>
            <translation>Чтобы заметить {0}, нужно {1}.</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="57" />
            <source>For {0} even the whole segment is not enough: you need {1} contacts per variant, the segment has {2}.</source>
            <translation>Чтобы заметить {0}, не хватит и всего сегмента: нужно {1} контактов на вариант, а в сегменте {2}.</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="70" />
            <source>Winner: variant {0}. Every other variant has significantly fewer {1}.</source>
            <translation>Победитель — вариант {0}: у остальных значимо меньше по {1}.</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="72" />
            <source>Winner: variant {0} — {1} {2} against {3} for variant {4} (p = {5}).</source>
            <translation>Победитель — вариант {0}: {1} по {2} против {3} у варианта {4} (p = {5}).</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="77" />
            <source>Not yet: no variant is significantly better. If the difference seen holds, about {0} more contacts per variant would decide.</source>
            <translation>Пока рано: ни один вариант не лучше значимо. Если разница сохранится, решат ещё около {0} контактов на вариант.</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="80" />
            <source>Not yet: no variant is significantly better than the others.</source>
            <translation>Пока рано: ни один вариант не лучше остальных значимо.</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="93" />
            <source>Opens are inflated: Apple Mail Privacy Protection opens mail by itself. Decide on clicks.</source>
            <translation>Открытия завышены: Apple Mail Privacy Protection открывает письма сама. Решайте по кликам.</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="95" />
            <source>Fewer contacts than planned got each variant: deciding now is peeking and picks a false winner too often.</source>
            <translation>Каждый вариант получило меньше контактов, чем запланировано: решать сейчас — подглядывание, оно часто выбирает ложного победителя.</translation>
        </message>
        <message>
            <location filename="../campaigns/words.py" line="97" />
            <source>Fewer than 100 conversions per variant: aim for 100-200 before deciding on conversions.</source>
            <translation>Меньше 100 конверсий на вариант: для решения по конверсиям нужно 100–200.</translation>
        </message>
    </context>
    <context>
        <name>CampaignEditor</name>
        <message>
            <location filename="../campaigns/editor.py" line="203" />
            <source>Edit campaign</source>
            <translation>Изменение кампании</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="206" />
            <source>Change plan</source>
            <translation>Изменение плана</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="209" />
            <source>Use the planned split</source>
            <translation>Разбивка по плану</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="257" />
            <source>Saving…</source>
            <translation>Сохраняем…</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="289" />
            <source>Results of the campaign</source>
            <translation>Результаты кампании</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="289" />
            <source>CSV files (*.csv *.txt)</source>
            <translation>Файлы CSV (*.csv *.txt)</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="306" />
            <source>Pulling results from Unisender…</source>
            <translation>Забираем результаты из Unisender…</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="336" />
            <source>Not saved: {0}</source>
            <translation>Не сохранено: {0}</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="338" />
            <source>Unsaved changes…</source>
            <translation>Есть несохранённые изменения…</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="340" />
            <source>All changes saved. Variants: {0}.</source>
            <translation>Все изменения сохранены. Варианты: {0}.</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="349" />
            <source>Set-up</source>
            <translation>Настройка</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="350" />
            <source>Plan</source>
            <translation>План</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="351" />
            <source>Results</source>
            <translation>Результаты</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="352" />
            <source>Export review bundle…</source>
            <translation>Пакет для согласования…</translation>
        </message>
    </context>
    <context>
        <name>CampaignState</name>
        <message>
            <location filename="../campaigns/editor.py" line="361" />
            <source>Draft</source>
            <translation>Черновик</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="362" />
            <source>Exported</source>
            <translation>Выгружена</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="363" />
            <source>Results in</source>
            <translation>Есть результаты</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="364" />
            <source>Winner chosen</source>
            <translation>Победитель выбран</translation>
        </message>
        <message>
            <location filename="../campaigns/editor.py" line="365" />
            <source>Winner exported</source>
            <translation>Победитель выгружен</translation>
        </message>
    </context>
    <context>
        <name>CampaignsPage</name>
        <message>
            <location filename="../campaigns/page.py" line="257" />
            <source>Delete campaign</source>
            <translation>Удалить кампанию</translation>
        </message>
        <message>
            <location filename="../campaigns/page.py" line="258" />
            <source>Delete the campaign «{0}» with its groups and results? This cannot be undone.</source>
            <translation>Удалить кампанию «{0}» вместе с группами и результатами? Отменить будет нельзя.</translation>
        </message>
        <message>
            <location filename="../campaigns/page.py" line="291" />
            <source>New campaign…</source>
            <translation>Новая кампания…</translation>
        </message>
        <message>
            <location filename="../campaigns/page.py" line="292" />
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <location filename="../campaigns/page.py" line="294" />
            <source>No campaigns yet.

A campaign is one template sent to one segment with two to five subject variants: a small test group per variant first, the winner to the rest.

Click «New campaign…» to start.</source>
            <translation>Кампаний пока нет.

Кампания — это один шаблон для одного сегмента с двумя–пятью вариантами темы: сначала небольшая тестовая группа на каждый вариант, затем победитель — всем остальным.

Нажмите «Новая кампания…», чтобы начать.</translation>
        </message>
    </context>
    <context>
        <name>NewCampaignDialog</name>
        <message>
            <location filename="../campaigns/page.py" line="96" />
            <source>New campaign</source>
            <translation>Новая кампания</translation>
        </message>
        <message>
            <location filename="../campaigns/page.py" line="97" />
            <source>Name</source>
            <translation>Название</translation>
        </message>
        <message>
            <location filename="../campaigns/page.py" line="97" />
            <source>Template</source>
            <translation>Шаблон</translation>
        </message>
        <message>
            <location filename="../campaigns/page.py" line="98" />
            <source>Segment</source>
            <translation>Сегмент</translation>
        </message>
        <message>
            <location filename="../campaigns/page.py" line="98" />
            <source>Subject A</source>
            <translation>Тема A</translation>
        </message>
        <message>
            <location filename="../campaigns/page.py" line="99" />
            <source>Subject B</source>
            <translation>Тема B</translation>
        </message>
        <message>
            <location filename="../campaigns/page.py" line="101" />
            <source>e.g. Autumn collection, test of subjects</source>
            <translation>например, «Осенняя коллекция: тест тем»</translation>
        </message>
        <message>
            <location filename="../campaigns/page.py" line="102" />
            <source>Another subject to test against A</source>
            <translation>Другая тема, которую сравним с A</translation>
        </message>
    </context>
    <context>
        <name>PlanPane</name>
        <message>
            <location filename="../campaigns/plan.py" line="113" />
            <source>Counting the segment…</source>
            <translation>Считаем сегмент…</translation>
        </message>
        <message>
            <location filename="../campaigns/plan.py" line="122" />
            <source>The plan cannot be computed: {0}</source>
            <translation>План не посчитать: {0}</translation>
        </message>
        <message>
            <location filename="../campaigns/plan.py" line="128" />
            <source>Needed per variant: {0}. Smallest test group: {1}. Smallest detectable lift: {2}. Sendable contacts: {3}.</source>
            <translation>Нужно на вариант: {0}. Самая маленькая тестовая группа: {1}. Заметный рост от: {2}. Можно отправить: {3}.</translation>
        </message>
        <message>
            <location filename="../campaigns/plan.py" line="134" />
            <source>Use {0}</source>
            <translation>Взять {0}</translation>
        </message>
        <message>
            <location filename="../campaigns/plan.py" line="141" />
            <source>Opens are inflated by Apple Mail Privacy Protection, which opens mail by itself: clicks decide more honestly.</source>
            <translation>Открытия завышает Apple Mail Privacy Protection — она открывает письма сама; клики честнее.</translation>
        </message>
        <message>
            <location filename="../campaigns/plan.py" line="146" />
            <source>Rule of thumb: at least {0}-{1} conversions per variant; this plan expects about {2}.</source>
            <translation>Правило: не меньше {0}–{1} конверсий на вариант; по плану ожидается около {2}.</translation>
        </message>
        <message>
            <location filename="../campaigns/plan.py" line="148" />
            <source>The deciding metric and this plan are recorded with the campaign before any result comes in.</source>
            <translation>Решающая метрика и план сохраняются в кампании до того, как придут результаты.</translation>
        </message>
        <message>
            <location filename="../campaigns/plan.py" line="110" />
            <location filename="../campaigns/plan.py" line="166" />
            <source>Baseline rate of {0}</source>
            <translation>Базовый уровень по {0}</translation>
        </message>
        <message>
            <location filename="../campaigns/plan.py" line="167" />
            <source>Smallest lift worth knowing (relative)</source>
            <translation>Какой рост важно заметить (относительный)</translation>
        </message>
        <message>
            <location filename="../campaigns/plan.py" line="168" />
            <source>Confidence</source>
            <translation>Достоверность</translation>
        </message>
        <message>
            <location filename="../campaigns/plan.py" line="168" />
            <source>Power</source>
            <translation>Мощность</translation>
        </message>
    </context>
    <context>
        <name>ResultsModel</name>
        <message>
            <location filename="../campaigns/results.py" line="69" />
            <source>Variant</source>
            <translation>Вариант</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="69" />
            <source>Sent</source>
            <translation>Отправлено</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="69" />
            <source>Opens</source>
            <translation>Открытия</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="69" />
            <source>Clicks</source>
            <translation>Клики</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="70" />
            <source>Conversions</source>
            <translation>Конверсии</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="70" />
            <source>Rate</source>
            <translation>Доля</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="70" />
            <source>95 % interval</source>
            <translation>95 % интервал</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="71" />
            <source>p-value</source>
            <translation>p-значение</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="95" />
            <source>remainder</source>
            <translation>остаток</translation>
        </message>
    </context>
    <context>
        <name>ResultsPane</name>
        <message>
            <location filename="../campaigns/results.py" line="229" />
            <source>These results cannot be analysed on the deciding metric.</source>
            <translation>По решающей метрике эти результаты не проанализировать.</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="237" />
            <source>Chosen winner: {0}.</source>
            <translation>Выбран победитель: {0}.</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="244" />
            <source>Choose {0} as the winner</source>
            <translation>Выбрать {0} победителем</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="246" />
            <source>Rate of {0} with its 95 % interval</source>
            <translation>Доля по {0} с 95 % интервалом</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="259" />
            <source>Import results…</source>
            <translation>Загрузить результаты…</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="260" />
            <source>Pull results from Unisender</source>
            <translation>Забрать результаты из Unisender</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="262" />
            <source>Reads each variant's delivered, unique opens and unique clicks from the Unisender campaigns this campaign was exported to</source>
            <translation>Берёт доставленные, уникальные открытия и клики каждого варианта из кампаний Unisender, в которые выгружена эта кампания</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="265" />
            <source>A CSV with the columns variant,sent,opens,clicks,conversions</source>
            <translation>CSV со столбцами variant,sent,opens,clicks,conversions</translation>
        </message>
        <message>
            <location filename="../campaigns/results.py" line="267" />
            <source>No results yet. After the send, import a CSV (variant, sent, opens, clicks, conversions) or pull them from Unisender.</source>
            <translation>Результатов пока нет. После рассылки загрузите CSV (variant, sent, opens, clicks, conversions) или заберите их из Unisender.</translation>
        </message>
    </context>
    <context>
        <name>SetupPane</name>
        <message>
            <location filename="../campaigns/setup.py" line="295" />
            <source>Counting the segment…</source>
            <translation>Считаем сегмент…</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="302" />
            <source>remainder for the winner {0}</source>
            <translation>остаток для победителя {0}</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="303" />
            <source>of {0} sendable contacts in the segment</source>
            <translation>из {0} контактов сегмента, которым можно писать</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="305" />
            <source>Groups frozen at the first export.</source>
            <translation>Группы зафиксированы при первой выгрузке.</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="319" />
            <source>Desktop</source>
            <translation>Компьютер</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="320" />
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="372" />
            <location filename="../campaigns/setup.py" line="419" />
            <source>Test group per variant: {0} %</source>
            <translation>Тестовая группа на вариант: {0} %</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="390" />
            <source>Name</source>
            <translation>Название</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="390" />
            <source>Template</source>
            <translation>Шаблон</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="391" />
            <source>Segment</source>
            <translation>Сегмент</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="391" />
            <source>Decide by</source>
            <translation>Решаем по</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="392" />
            <source>Send</source>
            <translation>Отправка</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="396" />
            <source>Clicks (recommended)</source>
            <translation>Кликам (рекомендуем)</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="397" />
            <source>Opens (inflated by Apple Mail)</source>
            <translation>Открытиям (завышены из-за Apple Mail)</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="398" />
            <source>Conversions (needs 100-200 per variant)</source>
            <translation>Конверсиям (нужно 100–200 на вариант)</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="402" />
            <source>at a set time</source>
            <translation>в заданное время</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="403" />
            <source>Subject variants</source>
            <translation>Варианты темы</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="405" />
            <source>The body is the same for every variant: change one thing at a time.</source>
            <translation>Текст письма у всех вариантов один: меняем что-то одно за раз.</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="406" />
            <source>+ Variant</source>
            <translation>+ Вариант</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="407" />
            <source>Split</source>
            <translation>Разбивка</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="408" />
            <source>Send all now: split the whole segment equally, no remainder</source>
            <translation>Отправить всем сразу: весь сегмент поровну, без остатка</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="410" />
            <source>In the inbox</source>
            <translation>Во входящих</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="411" />
            <source>Each variant as an inbox list shows it, for a typical recipient.</source>
            <translation>Каждый вариант так, как его покажет список входящих, для типичного получателя.</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="413" />
            <source>Campaign name</source>
            <translation>Название кампании</translation>
        </message>
    </context>
    <context>
        <name>VariantRow</name>
        <message>
            <location filename="../campaigns/setup.py" line="87" />
            <source>Subject of variant {0}</source>
            <translation>Тема варианта {0}</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="89" />
            <source>Preheader (optional)</source>
            <translation>Прехедер (необязательно)</translation>
        </message>
        <message>
            <location filename="../campaigns/setup.py" line="90" />
            <source>Remove variant {0}</source>
            <translation>Удалить вариант {0}</translation>
        </message>
    </context>
</TS>