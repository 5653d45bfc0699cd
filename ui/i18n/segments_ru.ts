<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>BoolEditor</name>
        <message>
            <location filename="../segments/editors.py" line="373" />
            <source>yes</source>
            <translation>да</translation>
        </message>
        <message>
            <location filename="../segments/editors.py" line="374" />
            <source>no</source>
            <translation>нет</translation>
        </message>
    </context>
    <context>
        <name>ChipsEditor</name>
        <message>
            <location filename="../segments/editors.py" line="219" />
            <source>add a value…</source>
            <translation>добавьте значение…</translation>
        </message>
        <message>
            <location filename="../segments/editors.py" line="283" />
            <source>Remove this value</source>
            <translation>Убрать это значение</translation>
        </message>
    </context>
    <context>
        <name>ConditionRow</name>
        <message>
            <location filename="../segments/builder.py" line="262" />
            <source>Wrap in NOT (contacts for whom this is false)</source>
            <translation>Обернуть в НЕ (те, для кого это не так)</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="264" />
            <source>Remove this condition</source>
            <translation>Удалить условие</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="321" />
            <source>Change field</source>
            <translation>Смена поля</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="334" />
            <source>Change operator</source>
            <translation>Смена условия</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="340" />
            <source>Change value</source>
            <translation>Смена значения</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="349" />
            <source>Change period</source>
            <translation>Смена периода</translation>
        </message>
    </context>
    <context>
        <name>DateRangeEditor</name>
        <message>
            <location filename="../segments/editors.py" line="514" />
            <source>and</source>
            <translation>и</translation>
        </message>
    </context>
    <context>
        <name>DaysEditor</name>
        <message>
            <location filename="../segments/editors.py" line="544" />
            <source>days</source>
            <translation>дн.</translation>
        </message>
    </context>
    <context>
        <name>DragHandle</name>
        <message>
            <location filename="../segments/builder.py" line="127" />
            <source>Drag to move into another group</source>
            <translation>Перетащите в другую группу</translation>
        </message>
    </context>
    <context>
        <name>EnumListEditor</name>
        <message>
            <location filename="../segments/editors.py" line="360" />
            <source>choose…</source>
            <translation>выберите…</translation>
        </message>
    </context>
    <context>
        <name>ExplainDialog</name>
        <message>
            <location filename="../segments/dialogs.py" line="65" />
            <source>Why is this contact in the segment?</source>
            <translation>Почему контакт входит в сегмент?</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="68" />
            <source>Contact e-mail</source>
            <translation>Почта контакта</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="76" />
            <source>Explain</source>
            <translation>Проверить</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="103" />
            <source>Checking…</source>
            <translation>Проверяем…</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="115" />
            <source>✓ {0} is in the segment.</source>
            <translation>✓ {0} входит в сегмент.</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="118" />
            <source>✗ {0} is not in the segment: the conditions marked ✗ are why.</source>
            <translation>✗ {0} не входит в сегмент: причина — условия, отмеченные ✗.</translation>
        </message>
    </context>
    <context>
        <name>GroupFrame</name>
        <message>
            <location filename="../segments/builder.py" line="427" />
            <source>Match</source>
            <translation>Подходят</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="431" />
            <source>ALL of these (AND)</source>
            <translation>ВСЕ условия (И)</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="432" />
            <source>ANY of these (OR)</source>
            <translation>ЛЮБОЕ условие (ИЛИ)</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="438" />
            <source>Wrap in NOT</source>
            <translation>Обернуть в НЕ</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="440" />
            <source>Remove this group</source>
            <translation>Удалить группу</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="452" />
            <source>Empty group: ALL matches everyone, ANY matches no one.</source>
            <translation>Пустая группа: «ВСЕ» подходит всем, «ЛЮБОЕ» — никому.</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="459" />
            <source>+ Condition</source>
            <translation>+ Условие</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="459" />
            <source>Add a condition to this group</source>
            <translation>Добавить условие в эту группу</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="460" />
            <source>Add condition</source>
            <translation>Добавление условия</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="463" />
            <source>+ Group</source>
            <translation>+ Группа</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="463" />
            <source>Add a nested group (AND / OR)</source>
            <translation>Добавить вложенную группу (И / ИЛИ)</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="465" />
            <source>Add group</source>
            <translation>Добавление группы</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="467" />
            <source>+ In segment</source>
            <translation>+ В сегменте</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="467" />
            <source>Contacts of another saved segment</source>
            <translation>Контакты другого сохранённого сегмента</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="469" />
            <source>Add segment reference</source>
            <translation>Добавление ссылки на сегмент</translation>
        </message>
    </context>
    <context>
        <name>LifecycleChart</name>
        <message>
            <location filename="../segments/chart.py" line="59" />
            <source>Contacts by lifecycle status</source>
            <translation>Контакты по статусу жизненного цикла</translation>
        </message>
        <message>
            <location filename="../segments/chart.py" line="80" />
            <source>Counting…</source>
            <translation>Считаем…</translation>
        </message>
        <message>
            <location filename="../segments/chart.py" line="113" />
            <source>{0}: {1} contacts ({2}%)</source>
            <translation>{0}: {1} контактов ({2}%)</translation>
        </message>
    </context>
    <context>
        <name>NotFrame</name>
        <message>
            <location filename="../segments/builder.py" line="400" />
            <source>NOT — contacts for whom this is false</source>
            <translation>НЕ — те, для кого это не так</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="404" />
            <source>Remove NOT</source>
            <translation>Убрать НЕ</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="404" />
            <source>Keep the rule, drop the NOT</source>
            <translation>Оставить условие, убрать НЕ</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="406" />
            <source>Remove</source>
            <translation>Удалить</translation>
        </message>
    </context>
    <context>
        <name>NumberRangeEditor</name>
        <message>
            <location filename="../segments/editors.py" line="447" />
            <source>and</source>
            <translation>и</translation>
        </message>
    </context>
    <context>
        <name>OverlapDialog</name>
        <message>
            <location filename="../segments/dialogs.py" line="252" />
            <source>Compare segments</source>
            <translation>Сравнение сегментов</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="260" />
            <source>— no third —</source>
            <translation>— без третьего —</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="267" />
            <source>Compare</source>
            <translation>Сравнить</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="275" />
            <source>Region</source>
            <translation>Область</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="275" />
            <source>Contacts</source>
            <translation>Контакты</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="298" />
            <source>Counting…</source>
            <translation>Считаем…</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="307" />
            <source>in none of them</source>
            <translation>ни в одном</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="319" />
            <source>only “{0}”</source>
            <translation>только «{0}»</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="320" />
            <source> and </source>
            <translation> и </translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="320" />
            <source>“{0}”</source>
            <translation>«{0}»</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="322" />
            <source>{0}, not the other</source>
            <translation>{0}, но не в остальном</translation>
        </message>
        <message>
            <location filename="../segments/dialogs.py" line="323" />
            <source>in all: {0}</source>
            <translation>во всех: {0}</translation>
        </message>
    </context>
    <context>
        <name>ReferenceRow</name>
        <message>
            <location filename="../segments/builder.py" line="361" />
            <source>In segment</source>
            <translation>В сегменте</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="368" />
            <source>Wrap in NOT (not in this segment)</source>
            <translation>Обернуть в НЕ (не в этом сегменте)</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="370" />
            <source>Remove this condition</source>
            <translation>Удалить условие</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="387" />
            <source>Change segment</source>
            <translation>Смена сегмента</translation>
        </message>
    </context>
    <context>
        <name>RuleBuilder</name>
        <message>
            <location filename="../segments/builder.py" line="587" />
            <source>Remove</source>
            <translation>Удаление</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="592" />
            <source>Remove NOT</source>
            <translation>Снятие НЕ</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="592" />
            <source>Wrap in NOT</source>
            <translation>Обёртка в НЕ</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="598" />
            <source>Switch AND / OR</source>
            <translation>Смена И / ИЛИ</translation>
        </message>
        <message>
            <location filename="../segments/builder.py" line="605" />
            <source>Move</source>
            <translation>Перемещение</translation>
        </message>
    </context>
    <context>
        <name>SegmentLabels</name>
        <message>
            <location filename="../segments/labels.py" line="21" />
            <source>Profile</source>
            <translation>Профиль</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="22" />
            <source>Purchases</source>
            <translation>Покупки</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="23" />
            <source>Behaviour</source>
            <translation>Поведение</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="24" />
            <source>Lifecycle</source>
            <translation>Жизненный цикл</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="25" />
            <source>RFM</source>
            <translation>RFM</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="26" />
            <source>Custom</source>
            <translation>Дополнительные поля</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="30" />
            <source>is</source>
            <translation>равно</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="31" />
            <source>is not</source>
            <translation>не равно</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="32" />
            <source>is one of</source>
            <translation>одно из</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="33" />
            <source>is none of</source>
            <translation>ни одно из</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="34" />
            <source>contains</source>
            <translation>содержит</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="35" />
            <source>starts with</source>
            <translation>начинается с</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="36" />
            <source>more than</source>
            <translation>больше</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="37" />
            <source>at least</source>
            <translation>не меньше</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="38" />
            <source>less than</source>
            <translation>меньше</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="39" />
            <source>at most</source>
            <translation>не больше</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="40" />
            <source>between</source>
            <translation>от … до</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="41" />
            <source>is empty</source>
            <translation>не заполнено</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="42" />
            <source>is not empty</source>
            <translation>заполнено</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="43" />
            <source>did it at all</source>
            <translation>было хотя бы раз</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="44" />
            <source>before</source>
            <translation>до</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="45" />
            <source>after</source>
            <translation>после</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="46" />
            <source>on</source>
            <translation>в день</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="47" />
            <source>in the last N days</source>
            <translation>за последние N дней</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="48" />
            <source>more than N days ago</source>
            <translation>более N дней назад</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="53" />
            <source>is the day</source>
            <translation>в день</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="54" />
            <source>is not the day</source>
            <translation>не в день</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="55" />
            <source>later than</source>
            <translation>позже</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="56" />
            <source>on or after</source>
            <translation>не раньше</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="57" />
            <source>earlier than</source>
            <translation>раньше</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="58" />
            <source>on or before</source>
            <translation>не позже</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="62" />
            <source>female</source>
            <translation>женский</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="63" />
            <source>male</source>
            <translation>мужской</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="64" />
            <source>unknown</source>
            <translation>не указан</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="65" />
            <source>subscribed</source>
            <translation>подписан</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="66" />
            <source>unsubscribed</source>
            <translation>отписался</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="67" />
            <source>bounced</source>
            <translation>недоставка</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="68" />
            <source>complained</source>
            <translation>жалоба на спам</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="69" />
            <source>cold</source>
            <translation>холодные</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="70" />
            <source>warm</source>
            <translation>тёплые</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="71" />
            <source>hot</source>
            <translation>горячие</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="72" />
            <source>active</source>
            <translation>активные</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="73" />
            <source>passive</source>
            <translation>пассивные</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="74" />
            <source>inactive</source>
            <translation>неактивные</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="75" />
            <source>very inactive</source>
            <translation>совсем неактивные</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="76" />
            <source>champions</source>
            <translation>чемпионы</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="77" />
            <source>loyal</source>
            <translation>лояльные</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="78" />
            <source>potential loyalists</source>
            <translation>будущие лояльные</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="79" />
            <source>new customers</source>
            <translation>новые покупатели</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="80" />
            <source>promising</source>
            <translation>перспективные</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="81" />
            <source>need attention</source>
            <translation>требуют внимания</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="82" />
            <source>about to sleep</source>
            <translation>засыпающие</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="83" />
            <source>at risk</source>
            <translation>в зоне риска</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="84" />
            <source>can't lose them</source>
            <translation>нельзя потерять</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="85" />
            <source>hibernating</source>
            <translation>спящие</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="86" />
            <source>lost</source>
            <translation>потерянные</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="90" />
            <source>ALL of these</source>
            <translation>ВСЕ условия</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="91" />
            <source>ANY of these</source>
            <translation>ЛЮБОЕ условие</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="92" />
            <source>NOT</source>
            <translation>НЕ</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="143" />
            <source>yes</source>
            <translation>да</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="144" />
            <source>no</source>
            <translation>нет</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="160" />
            <source>in segment “{0}”</source>
            <translation>в сегменте «{0}»</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="168" />
            <source>{0} and {1}</source>
            <translation>{0} и {1}</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="172" />
            <location filename="../segments/labels.py" line="179" />
            <source>in the last {0} days</source>
            <translation>за последние {0} дн.</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="174" />
            <source>more than {0} days ago</source>
            <translation>более {0} дн. назад</translation>
        </message>
        <message>
            <location filename="../segments/labels.py" line="182" />
            <source>at least {0} times</source>
            <translation>не менее {0} раз</translation>
        </message>
    </context>
    <context>
        <name>SegmentsPage</name>
        <message>
            <location filename="../segments/page.py" line="351" />
            <source>Save segment</source>
            <translation>Сохранить сегмент</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="351" />
            <location filename="../segments/page.py" line="630" />
            <source>Segment name:</source>
            <translation>Название сегмента:</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="376" />
            <source>Segment “{0}” saved.</source>
            <translation>Сегмент «{0}» сохранён.</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="381" />
            <source>Not saved: {0}</source>
            <translation>Не сохранено: {0}</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="396" />
            <source>copy</source>
            <translation>копия</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="486" />
            <source>In segment</source>
            <translation>В сегменте</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="487" />
            <source>Fill in the value of “{0}” to count.</source>
            <translation>Заполните значение «{0}», чтобы посчитать.</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="499" />
            <location filename="../segments/page.py" line="742" />
            <source>contacts match · {0} can be sent to</source>
            <translation>контактов подходит · можно отправить: {0}</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="611" />
            <source>Exporting members…</source>
            <translation>Выгружаем участников…</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="616" />
            <source>{0} contacts written to {1}</source>
            <translation>Записано контактов: {0}, файл {1}</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="621" />
            <source>segment</source>
            <translation>сегмент</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="623" />
            <source>Export members to CSV</source>
            <translation>Выгрузить участников в CSV</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="624" />
            <source>CSV files (*.csv)</source>
            <translation>Файлы CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="629" />
            <source>Save as a new segment</source>
            <translation>Сохранить как новый</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="642" />
            <source>Unsaved segment</source>
            <translation>Сегмент не сохранён</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="643" />
            <source>The open segment is not saved. Open “{0}” and drop it?</source>
            <translation>Открытый сегмент не сохранён. Открыть «{0}» и отказаться от него?</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="655" />
            <source>Open</source>
            <translation>Открыть</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="656" />
            <source>Rename…</source>
            <translation>Переименовать…</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="657" />
            <source>Duplicate</source>
            <translation>Дублировать</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="659" />
            <source>Delete…</source>
            <translation>Удалить…</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="663" />
            <source>Rename segment</source>
            <translation>Переименовать сегмент</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="664" />
            <source>New name:</source>
            <translation>Новое название:</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="669" />
            <source>Delete segment</source>
            <translation>Удалить сегмент</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="670" />
            <source>Delete the segment “{0}”?</source>
            <translation>Удалить сегмент «{0}»?</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="692" />
            <source>Ready-made: {0}</source>
            <translation>Готовый: {0}</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="695" />
            <location filename="../segments/page.py" line="724" />
            <source>New segment</source>
            <translation>Новый сегмент</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="697" />
            <source>Not saved yet</source>
            <translation>Ещё не сохранён</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="721" />
            <source>Saved segments</source>
            <translation>Сохранённые сегменты</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="722" />
            <source>No saved segments yet: build one and press Save, or start from a ready-made one.</source>
            <translation>Сохранённых сегментов пока нет: соберите сегмент и нажмите «Сохранить» или начните с готового.</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="725" />
            <source>Ready-made…</source>
            <translation>Готовые сегменты…</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="726" />
            <source>Compare segments…</source>
            <translation>Сравнить сегменты…</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="729" />
            <source>Undo (Ctrl+Z)</source>
            <translation>Отменить (Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="730" />
            <source>Redo (Ctrl+Shift+Z)</source>
            <translation>Повторить (Ctrl+Shift+Z)</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="731" />
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="732" />
            <source>Save as…</source>
            <translation>Сохранить как…</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="733" />
            <source>Why in / not in?</source>
            <translation>Почему входит?</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="734" />
            <source>Check a contact against every condition</source>
            <translation>Проверить контакт по каждому условию</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="735" />
            <source>Export CSV…</source>
            <translation>Выгрузить CSV…</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="736" />
            <source>First members</source>
            <translation>Первые участники</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="737" />
            <source>Email</source>
            <translation>Почта</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="737" />
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="737" />
            <source>City</source>
            <translation>Город</translation>
        </message>
        <message>
            <location filename="../segments/page.py" line="738" />
            <source>Click a bar to open that status as a segment.</source>
            <translation>Нажмите на полосу, чтобы открыть этот статус как сегмент.</translation>
        </message>
    </context>
    <context>
        <name>TextEditor</name>
        <message>
            <location filename="../segments/editors.py" line="135" />
            <source>type a value</source>
            <translation>введите значение</translation>
        </message>
    </context>
    <context>
        <name>VennDiagram</name>
        <message>
            <location filename="../segments/dialogs.py" line="232" />
            <source>In none of them: {0} of {1} contacts</source>
            <translation>Ни в одном: {0} из {1} контактов</translation>
        </message>
    </context>
    <context>
        <name>WindowEditor</name>
        <message>
            <location filename="../segments/editors.py" line="601" />
            <source>any time</source>
            <translation>за всё время</translation>
        </message>
        <message>
            <location filename="../segments/editors.py" line="602" />
            <source>in the last </source>
            <translation>за последние </translation>
        </message>
        <message>
            <location filename="../segments/editors.py" line="603" />
            <source> days</source>
            <translation> дн.</translation>
        </message>
        <message>
            <location filename="../segments/editors.py" line="604" />
            <source>Only events of the last N days count</source>
            <translation>Учитываются только события за последние N дней</translation>
        </message>
        <message>
            <location filename="../segments/editors.py" line="607" />
            <source>at least </source>
            <translation>не менее </translation>
        </message>
        <message>
            <location filename="../segments/editors.py" line="608" />
            <source>×</source>
            <translation> раз</translation>
        </message>
        <message>
            <location filename="../segments/editors.py" line="609" />
            <source>How many such events at least</source>
            <translation>Сколько раз как минимум</translation>
        </message>
    </context>
</TS>