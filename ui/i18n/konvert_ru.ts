<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>App</name>
        <message>
            <location filename="../app.py" line="106" />
            <source>Konvert</source>
            <translation>Konvert</translation>
        </message>
        <message>
            <location filename="../app.py" line="108" />
            <source>Creating the demo shop for your first start…</source>
            <translation>Создаём демо-магазин для первого знакомства…</translation>
        </message>
    </context>
    <context>
        <name>ContactsPage</name>
        <message>
            <location filename="../contacts_page.py" line="132" />
            <source>Search by email, name or city</source>
            <translation>Поиск по почте, имени или городу</translation>
        </message>
        <message>
            <location filename="../contacts_page.py" line="133" />
            <source>Import…</source>
            <translation>Импорт…</translation>
        </message>
        <message numerus="yes">
            <location filename="../contacts_page.py" line="173" />
            <source>%Ln contact(s) found</source>
            <translation>
                <numerusform>Найден %Ln контакт</numerusform>
                <numerusform>Найдено %Ln контакта</numerusform>
                <numerusform>Найдено %Ln контактов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../contacts_page.py" line="175" />
            <source>%Ln contact(s)</source>
            <translation>
                <numerusform>%Ln контакт</numerusform>
                <numerusform>%Ln контакта</numerusform>
                <numerusform>%Ln контактов</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../contacts_page.py" line="181" />
            <source>No contact matches “{0}”.</source>
            <translation>Нет контактов по запросу «{0}».</translation>
        </message>
        <message>
            <location filename="../contacts_page.py" line="186" />
            <source>No contacts yet.
Import a CSV or Excel file with your customers (File → Import…, Ctrl+I).</source>
            <translation>Контактов пока нет.
Импортируйте файл CSV или Excel с вашими клиентами (Файл → Импорт…, Ctrl+I).</translation>
        </message>
    </context>
    <context>
        <name>ContactsTableModel</name>
        <message>
            <location filename="../contacts_model.py" line="159" />
            <source>Email</source>
            <translation>Почта</translation>
        </message>
        <message>
            <location filename="../contacts_model.py" line="160" />
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <location filename="../contacts_model.py" line="161" />
            <source>City</source>
            <translation>Город</translation>
        </message>
        <message>
            <location filename="../contacts_model.py" line="162" />
            <source>Orders</source>
            <translation>Заказы</translation>
        </message>
        <message>
            <location filename="../contacts_model.py" line="163" />
            <source>Total spent</source>
            <translation>Сумма покупок</translation>
        </message>
        <message>
            <location filename="../contacts_model.py" line="164" />
            <source>Last order</source>
            <translation>Последний заказ</translation>
        </message>
        <message>
            <location filename="../contacts_model.py" line="165" />
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <location filename="../contacts_model.py" line="172" />
            <source>Subscribed</source>
            <translation>Подписан</translation>
        </message>
        <message>
            <location filename="../contacts_model.py" line="173" />
            <source>Unsubscribed</source>
            <translation>Отписан</translation>
        </message>
        <message>
            <location filename="../contacts_model.py" line="174" />
            <source>Bounced</source>
            <translation>Адрес недоступен</translation>
        </message>
        <message>
            <location filename="../contacts_model.py" line="175" />
            <source>Complained</source>
            <translation>Пожаловался</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <location filename="../import_dialog.py" line="236" />
            <source>Choose a file</source>
            <translation>Выберите файл</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="237" />
            <source>A CSV file (as saved by Excel, 1C or a CRM) or an Excel workbook.</source>
            <translation>Файл CSV (как его сохраняют Excel, 1С или CRM) или книга Excel.</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="239" />
            <source>File:</source>
            <translation>Файл:</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="240" />
            <source>It holds:</source>
            <translation>Что в нём:</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="241" />
            <source>Browse…</source>
            <translation>Обзор…</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="242" />
            <source>Path to a .csv or .xlsx file</source>
            <translation>Путь к файлу .csv или .xlsx</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="252" />
            <source>Columns Konvert knows for this kind: {0}.</source>
            <translation>Столбцы, которые Konvert знает для таких данных: {0}.</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="254" />
            <source>Required: {0}.</source>
            <translation>Обязательно: {0}.</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="256" />
            <source>Other columns become custom attributes of the contacts.</source>
            <translation>Остальные столбцы станут дополнительными полями контактов.</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="269" />
            <source>Import file</source>
            <translation>Файл для импорта</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="271" />
            <source>CSV or Excel files (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
            <translation>Файлы CSV и Excel (*.csv *.txt *.tsv *.xlsx);;Все файлы (*)</translation>
        </message>
    </context>
    <context>
        <name>FormatPage</name>
        <message>
            <location filename="../import_dialog.py" line="339" />
            <source>Check the file</source>
            <translation>Проверьте файл</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="340" />
            <source>Konvert detected how the file is written. Change it if the text looks wrong.</source>
            <translation>Konvert определил, как записан файл. Если текст выглядит неправильно, измените настройки.</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="342" />
            <source>Encoding:</source>
            <translation>Кодировка:</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="343" />
            <source>Delimiter:</source>
            <translation>Разделитель:</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="344" />
            <source>First rows of the file:</source>
            <translation>Первые строки файла:</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="382" />
            <source>Reading the file…</source>
            <translation>Читаем файл…</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="432" />
            <source>Excel workbook: the first sheet is imported.</source>
            <translation>Книга Excel: импортируется первый лист.</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="437" />
            <source>chosen by you</source>
            <translation>выбрано вами</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="439" />
            <source>detected</source>
            <translation>определено автоматически</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="442" />
            <source>Encoding {0}, delimiter {1} ({2}); {3} columns.</source>
            <translation>Кодировка {0}, разделитель {1} ({2}); столбцов: {3}.</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../import_dialog.py" line="72" />
            <source>Contacts</source>
            <translation>Контакты</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="73" />
            <source>Orders</source>
            <translation>Заказы</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="74" />
            <source>Order lines (items)</source>
            <translation>Позиции заказов (товары)</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="75" />
            <source>Events (views, carts, opens)</source>
            <translation>События (просмотры, корзины, открытия)</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="76" />
            <source>Products (catalogue)</source>
            <translation>Товары (каталог)</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="83" />
            <source>Email</source>
            <translation>Почта</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="84" />
            <source>First name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="85" />
            <source>Last name</source>
            <translation>Фамилия</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="86" />
            <source>Gender</source>
            <translation>Пол</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="87" />
            <source>Birth date</source>
            <translation>Дата рождения</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="88" />
            <source>City</source>
            <translation>Город</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="89" />
            <source>Region</source>
            <translation>Регион</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="90" />
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="91" />
            <source>Registered</source>
            <translation>Дата регистрации</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="92" />
            <source>Acquisition channel</source>
            <translation>Канал привлечения</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="93" />
            <source>Payment method</source>
            <translation>Способ оплаты</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="94" />
            <source>Device</source>
            <translation>Устройство</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="95" />
            <source>Email consent</source>
            <translation>Согласие на рассылку</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="96" />
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="97" />
            <source>Order number</source>
            <translation>Номер заказа</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="98" />
            <source>Order date</source>
            <translation>Дата заказа</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="99" />
            <source>Order total</source>
            <translation>Сумма заказа</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="100" />
            <source>Delivery date</source>
            <translation>Дата доставки</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="101" />
            <source>SKU</source>
            <translation>Артикул</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="102" />
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="103" />
            <source>Price</source>
            <translation>Цена</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="104" />
            <source>Quantity</source>
            <translation>Количество</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="105" />
            <source>Colour</source>
            <translation>Цвет</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="106" />
            <source>Size</source>
            <translation>Размер</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="107" />
            <source>Style</source>
            <translation>Стиль</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="108" />
            <source>Event type</source>
            <translation>Тип события</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="109" />
            <source>Date and time</source>
            <translation>Дата и время</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="110" />
            <source>Search query</source>
            <translation>Поисковый запрос</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="111" />
            <source>Campaign</source>
            <translation>Кампания</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="112" />
            <source>Product name</source>
            <translation>Название товара</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="113" />
            <source>Old price</source>
            <translation>Старая цена</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="114" />
            <source>Image URL</source>
            <translation>Ссылка на изображение</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="115" />
            <source>Product URL</source>
            <translation>Ссылка на товар</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="116" />
            <source>Stock</source>
            <translation>Остаток</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="125" />
            <source>UTF-8 with BOM</source>
            <translation>UTF-8 с BOM</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="127" />
            <source>UTF-16 (Excel “Unicode text”)</source>
            <translation>UTF-16 (Excel «Текст Юникод»)</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="130" />
            <source>Excel workbook</source>
            <translation>Книга Excel</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="137" />
            <source>Semicolon ( ; )</source>
            <translation>Точка с запятой ( ; )</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="138" />
            <source>Comma ( , )</source>
            <translation>Запятая ( , )</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="139" />
            <source>Tab</source>
            <translation>Табуляция</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="140" />
            <source>Vertical bar ( | )</source>
            <translation>Вертикальная черта ( | )</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="896" />
            <source>Import data</source>
            <translation>Импорт данных</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../main_window.py" line="271" />
            <source>Konvert</source>
            <translation>Konvert</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="272" />
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="273" />
            <source>&amp;Go</source>
            <translation>П&amp;ереход</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="274" />
            <source>&amp;Language</source>
            <translation>&amp;Язык</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="275" />
            <source>&amp;Import…</source>
            <translation>&amp;Импорт…</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="276" />
            <source>&amp;Find contacts</source>
            <translation>&amp;Найти контакты</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="277" />
            <source>&amp;Quit</source>
            <translation>В&amp;ыход</translation>
        </message>
        <message>
            <location filename="../main_window.py" line="282" />
            <source>Workspace: {0}</source>
            <translation>База: {0}</translation>
        </message>
        <message numerus="yes">
            <location filename="../main_window.py" line="290" />
            <source>%Ln contact(s)</source>
            <translation>
                <numerusform>%Ln контакт</numerusform>
                <numerusform>%Ln контакта</numerusform>
                <numerusform>%Ln контактов</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <location filename="../import_dialog.py" line="505" />
            <source>Skip this column</source>
            <translation>Не импортировать</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="510" />
            <source>Custom attribute “{0}”</source>
            <translation>Доп. поле «{0}»</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="547" />
            <source>Match the columns</source>
            <translation>Сопоставьте столбцы</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="548" />
            <source>Choose what each column of the file is. Recognised columns are matched.</source>
            <translation>Укажите, что содержит каждый столбец файла. Узнанные столбцы уже сопоставлены.</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="550" />
            <source>Import</source>
            <translation>Импортировать</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="552" />
            <source>Column in the file</source>
            <translation>Столбец в файле</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="552" />
            <source>Example</source>
            <translation>Пример</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="552" />
            <source>Import as</source>
            <translation>Импортировать как</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="562" />
            <source>Choose a column for: {0}.</source>
            <translation>Выберите столбец для: {0}.</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="569" />
            <source>Each column can be chosen once: {0}.</source>
            <translation>Каждое поле можно выбрать только один раз: {0}.</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <location filename="../pages.py" line="86" />
            <source>Contacts</source>
            <translation>Контакты</translation>
        </message>
        <message>
            <location filename="../pages.py" line="87" />
            <source>Segments</source>
            <translation>Сегменты</translation>
        </message>
        <message>
            <location filename="../pages.py" line="88" />
            <source>Templates</source>
            <translation>Шаблоны</translation>
        </message>
        <message>
            <location filename="../pages.py" line="89" />
            <source>Campaigns</source>
            <translation>Кампании</translation>
        </message>
        <message>
            <location filename="../pages.py" line="90" />
            <source>Export history</source>
            <translation>История экспорта</translation>
        </message>
        <message>
            <location filename="../pages.py" line="97" />
            <source>Everyone in the workspace: customers and subscribers.</source>
            <translation>Все, кто есть в базе: покупатели и подписчики.</translation>
        </message>
        <message>
            <location filename="../pages.py" line="100" />
            <source>Groups of contacts defined by rules, counted live.</source>
            <translation>Группы контактов по правилам, с подсчётом на лету.</translation>
        </message>
        <message>
            <location filename="../pages.py" line="103" />
            <source>Emails of the lifecycle scenarios and your own.</source>
            <translation>Письма сценариев жизненного цикла и ваши собственные.</translation>
        </message>
        <message>
            <location filename="../pages.py" line="106" />
            <source>A template, a segment and A/B subject variants.</source>
            <translation>Шаблон, сегмент и A/B-варианты темы письма.</translation>
        </message>
        <message>
            <location filename="../pages.py" line="109" />
            <source>Every export to files and email services, with its result.</source>
            <translation>Все выгрузки в файлы и сервисы рассылок и их результат.</translation>
        </message>
        <message>
            <location filename="../pages.py" line="339" />
            <source>Welcome</source>
            <translation>Приветственная серия</translation>
        </message>
        <message>
            <location filename="../pages.py" line="340" />
            <source>Abandoned cart</source>
            <translation>Брошенная корзина</translation>
        </message>
        <message>
            <location filename="../pages.py" line="341" />
            <source>Reactivation</source>
            <translation>Реактивация</translation>
        </message>
        <message>
            <location filename="../pages.py" line="342" />
            <source>Post-purchase</source>
            <translation>После покупки</translation>
        </message>
        <message>
            <location filename="../pages.py" line="343" />
            <source>Birthday</source>
            <translation>День рождения</translation>
        </message>
        <message>
            <location filename="../pages.py" line="371" />
            <source>The visual segment builder opens here: groups of conditions joined by AND / OR, a live count of matching contacts and a sample of members. Saved segments are listed below.</source>
            <translation>Здесь откроется визуальный конструктор сегментов: группы условий через И / ИЛИ, подсчёт подходящих контактов на лету и примеры участников. Ниже — сохранённые сегменты.</translation>
        </message>
        <message>
            <location filename="../pages.py" line="378" />
            <location filename="../pages.py" line="425" />
            <source>Segment</source>
            <translation>Сегмент</translation>
        </message>
        <message>
            <location filename="../pages.py" line="379" />
            <source>Changed</source>
            <translation>Изменён</translation>
        </message>
        <message>
            <location filename="../pages.py" line="382" />
            <source>No saved segments yet. Segments can be saved from the command line (konvert segment save) until the builder is here.</source>
            <translation>Сохранённых сегментов пока нет. До появления конструктора сегменты можно сохранять из командной строки (konvert segment save).</translation>
        </message>
        <message>
            <location filename="../pages.py" line="394" />
            <source>The template editor opens here: emails built from blocks, a brand kit, personalisation with fallbacks and a live desktop and mobile preview.</source>
            <translation>Здесь откроется редактор шаблонов: письма из блоков, фирменный стиль, персонализация с запасными значениями и живой предпросмотр для компьютера и телефона.</translation>
        </message>
        <message>
            <location filename="../pages.py" line="400" />
            <location filename="../pages.py" line="424" />
            <source>Template</source>
            <translation>Шаблон</translation>
        </message>
        <message>
            <location filename="../pages.py" line="401" />
            <source>Scenario</source>
            <translation>Сценарий</translation>
        </message>
        <message>
            <location filename="../pages.py" line="402" />
            <source>Subject</source>
            <translation>Тема</translation>
        </message>
        <message>
            <location filename="../pages.py" line="405" />
            <source>No templates in this workspace yet.</source>
            <translation>В этой базе пока нет шаблонов.</translation>
        </message>
        <message>
            <location filename="../pages.py" line="417" />
            <source>Campaigns open here: one template, one segment, two or more subject variants and the split into test groups, with results pulled back from the email service.</source>
            <translation>Здесь откроются кампании: один шаблон, один сегмент, два и более вариантов темы и разбиение на тестовые группы, с результатами из сервиса рассылок.</translation>
        </message>
        <message>
            <location filename="../pages.py" line="423" />
            <source>Campaign</source>
            <translation>Кампания</translation>
        </message>
        <message>
            <location filename="../pages.py" line="426" />
            <source>Created</source>
            <translation>Создана</translation>
        </message>
        <message>
            <location filename="../pages.py" line="429" />
            <source>No campaigns yet.</source>
            <translation>Кампаний пока нет.</translation>
        </message>
        <message>
            <location filename="../pages.py" line="437" />
            <source>Every export is logged here: what was exported, where to, when, and the result. A failed export can be retried without duplicating what already went through.</source>
            <translation>Здесь записана каждая выгрузка: что, куда, когда и с каким результатом. Неудачную выгрузку можно повторить, не дублируя то, что уже прошло.</translation>
        </message>
        <message>
            <location filename="../pages.py" line="443" />
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <location filename="../pages.py" line="444" />
            <source>Where</source>
            <translation>Куда</translation>
        </message>
        <message>
            <location filename="../pages.py" line="445" />
            <source>What</source>
            <translation>Что</translation>
        </message>
        <message>
            <location filename="../pages.py" line="446" />
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <location filename="../pages.py" line="449" />
            <source>Nothing has been exported yet.</source>
            <translation>Выгрузок пока не было.</translation>
        </message>
    </context>
    <context>
        <name>ResultPage</name>
        <message>
            <location filename="../import_dialog.py" line="778" />
            <source>Report saved to {0}</source>
            <translation>Отчёт сохранён: {0}</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="787" />
            <source>Import finished</source>
            <translation>Импорт завершён</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="787" />
            <source>What happened to each row of the file.</source>
            <translation>Что стало с каждой строкой файла.</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="790" />
            <source>new</source>
            <translation>новых</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="791" />
            <source>updated</source>
            <translation>обновлено</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="792" />
            <source>unchanged</source>
            <translation>без изменений</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="793" />
            <source>rejected</source>
            <translation>отклонено</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="797" />
            <source>Save report…</source>
            <translation>Сохранить отчёт…</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="798" />
            <source>Line</source>
            <translation>Строка</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="798" />
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="807" />
            <source>Rejected rows (line numbers as in the file; line 1 is the header):</source>
            <translation>Отклонённые строки (номера как в файле; строка 1 — заголовок):</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="810" />
            <source>Every row was accepted.</source>
            <translation>Все строки приняты.</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="816" />
            <source>Save report</source>
            <translation>Сохранить отчёт</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="816" />
            <source>CSV file (*.csv)</source>
            <translation>Файл CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="824" />
            <source>Cannot save the report: {0}</source>
            <translation>Не удалось сохранить отчёт: {0}</translation>
        </message>
    </context>
    <context>
        <name>RunPage</name>
        <message>
            <location filename="../import_dialog.py" line="627" />
            <source>Importing {0}… Nothing changes in the workspace until it is done.</source>
            <translation>Импортируем {0}… Пока импорт не закончится, в базе ничего не меняется.</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="654" />
            <source>Cancelling…</source>
            <translation>Отменяем…</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="667" />
            <source>Importing</source>
            <translation>Импорт</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="668" />
            <source>Every row is checked; rejected rows are listed at the end.</source>
            <translation>Каждая строка проверяется; отклонённые строки будут показаны в конце.</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="670" />
            <source>Cancel import</source>
            <translation>Отменить импорт</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="697" />
            <source>Import cancelled. Nothing was changed.</source>
            <translation>Импорт отменён. Ничего не изменилось.</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="700" />
            <source>The file was not imported: {0}</source>
            <translation>Файл не импортирован: {0}</translation>
        </message>
        <message>
            <location filename="../import_dialog.py" line="702" />
            <source>Nothing was changed. Close this window, fix the file and try again.</source>
            <translation>Ничего не изменилось. Закройте окно, исправьте файл и попробуйте снова.</translation>
        </message>
    </context>
    <context>
        <name>Task</name>
        <message>
            <location filename="../tasks.py" line="65" />
            <source>Unexpected error: {0}</source>
            <translation>Непредвиденная ошибка: {0}</translation>
        </message>
    </context>
</TS>