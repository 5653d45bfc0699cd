<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>BlockPropertiesPanel</name>
        <message>
            <location filename="../editor/blocks_pane.py" line="67" />
            <source>Text</source>
            <translation>Текст</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="68" />
            <source>Text (b, i, a, br allowed)</source>
            <translation>Текст (можно b, i, a, br)</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="69" />
            <source>Alignment</source>
            <translation>Выравнивание</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="70" />
            <location filename="../editor/blocks_pane.py" line="71" />
            <source>Link</source>
            <translation>Ссылка</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="72" />
            <source>Logo address</source>
            <translation>Адрес логотипа</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="73" />
            <source>Image address</source>
            <translation>Адрес картинки</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="74" />
            <source>Alt text</source>
            <translation>Текст вместо картинки</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="75" />
            <source>Width, px</source>
            <translation>Ширина, px</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="76" />
            <source>Level (1 title, 2 section)</source>
            <translation>Уровень (1 — заголовок, 2 — раздел)</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="77" />
            <source>Button text</source>
            <translation>Текст кнопки</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="78" />
            <source>Text for an empty cart</source>
            <translation>Текст для пустой корзины</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="79" />
            <source>Show the delivery date</source>
            <translation>Показывать дату доставки</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="82" />
            <source>Title</source>
            <translation>Заголовок</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="83" />
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="84" />
            <source>Note</source>
            <translation>Примечание</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="85" />
            <source>Products from (variable)</source>
            <translation>Товары из (переменная)</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="86" />
            <source>Columns</source>
            <translation>Колонок</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="87" />
            <source>At most</source>
            <translation>Не больше</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="88" />
            <source>Height, px</source>
            <translation>Высота, px</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="89" />
            <source>Unsubscribe link text</source>
            <translation>Текст ссылки отписки</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="240" />
            <source>Select a block to edit its content.</source>
            <translation>Выберите блок, чтобы изменить его.</translation>
        </message>
    </context>
    <context>
        <name>BlocksPane</name>
        <message>
            <location filename="../editor/blocks_pane.py" line="47" />
            <source>Header with logo</source>
            <translation>Шапка с логотипом</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="48" />
            <source>Hero image</source>
            <translation>Главное изображение</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="49" />
            <source>Heading</source>
            <translation>Заголовок</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="50" />
            <source>Text</source>
            <translation>Текст</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="51" />
            <source>Button</source>
            <translation>Кнопка</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="52" />
            <source>Product card</source>
            <translation>Карточка товара</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="53" />
            <source>Product grid</source>
            <translation>Сетка товаров</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="54" />
            <source>Cart items</source>
            <translation>Товары в корзине</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="55" />
            <source>Order summary</source>
            <translation>Состав заказа</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="56" />
            <source>Promo code</source>
            <translation>Промокод</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="57" />
            <source>Divider</source>
            <translation>Разделитель</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="58" />
            <source>Spacer</source>
            <translation>Отступ</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="59" />
            <source>Social links</source>
            <translation>Соцсети</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="60" />
            <source>Footer with unsubscribe link</source>
            <translation>Подвал с отпиской</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="383" />
            <source>Add block</source>
            <translation>Добавить блок</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="387" />
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="388" />
            <source>Move the block up</source>
            <translation>Переместить блок выше</translation>
        </message>
        <message>
            <location filename="../editor/blocks_pane.py" line="389" />
            <source>Move the block down</source>
            <translation>Переместить блок ниже</translation>
        </message>
    </context>
    <context>
        <name>ContactSwitcher</name>
        <message>
            <location filename="../editor/contacts.py" line="119" />
            <source>Render the preview for another contact: sample contacts with empty fields, long names and big carts, or your own</source>
            <translation>Показать письмо для другого получателя: примеры с пустыми полями, длинными именами и большими корзинами или ваши контакты</translation>
        </message>
    </context>
    <context>
        <name>EmailActions</name>
        <message>
            <location filename="../editor/actions.py" line="132" />
            <source>Send test to myself</source>
            <translation>Тест себе</translation>
        </message>
        <message>
            <location filename="../editor/actions.py" line="133" />
            <source>Your email address (the test email is addressed to it):</source>
            <translation>Ваш адрес почты (тестовое письмо будет адресовано ему):</translation>
        </message>
        <message>
            <location filename="../editor/actions.py" line="159" />
            <source>Where to put the review bundle</source>
            <translation>Куда сохранить пакет на согласование</translation>
        </message>
        <message>
            <location filename="../editor/actions.py" line="165" />
            <source>Review bundle</source>
            <translation>Пакет на согласование</translation>
        </message>
        <message>
            <location filename="../editor/actions.py" line="166" />
            <source>Rendering the emails, screenshots and PDF…</source>
            <translation>Готовим письма, скриншоты и PDF…</translation>
        </message>
        <message>
            <location filename="../editor/actions.py" line="167" />
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <location filename="../editor/actions.py" line="198" />
            <source>Review bundle written: {0}</source>
            <translation>Пакет на согласование сохранён: {0}</translation>
        </message>
        <message>
            <location filename="../editor/actions.py" line="213" />
            <source>Test email written to {0} and opened in your mail app.</source>
            <translation>Тестовое письмо сохранено в {0} и открыто в почтовой программе.</translation>
        </message>
    </context>
    <context>
        <name>InboxPreviewPane</name>
        <message>
            <location filename="../editor/inbox.py" line="90" />
            <source>Subject</source>
            <translation>Тема</translation>
        </message>
        <message>
            <location filename="../editor/inbox.py" line="97" />
            <source>Variant {0}</source>
            <translation>Вариант {0}</translation>
        </message>
        <message>
            <location filename="../editor/inbox.py" line="99" />
            <source>Variant A</source>
            <translation>Вариант A</translation>
        </message>
        <message>
            <location filename="../editor/inbox.py" line="112" />
            <source>subject cut</source>
            <translation>тема обрезана</translation>
        </message>
        <message>
            <location filename="../editor/inbox.py" line="114" />
            <source>preheader cut</source>
            <translation>прехедер обрезан</translation>
        </message>
        <message>
            <location filename="../editor/inbox.py" line="131" />
            <source>As inbox lists show it (usual truncation: Gmail on a desktop, iPhone Mail on a phone).</source>
            <translation>Как письмо выглядит в списке входящих (обычная обрезка: Gmail на компьютере, Почта iPhone на телефоне).</translation>
        </message>
        <message>
            <location filename="../editor/inbox.py" line="133" />
            <source>A/B subject variants, one per line:</source>
            <translation>Варианты темы для A/B-теста, по одному в строке:</translation>
        </message>
    </context>
    <context>
        <name>LintListPane</name>
        <message>
            <location filename="../editor/lint_list.py" line="59" />
            <source>line {0}</source>
            <translation>строка {0}</translation>
        </message>
        <message>
            <location filename="../editor/lint_list.py" line="67" />
            <source>Click to go to the line</source>
            <translation>Нажмите, чтобы перейти к строке</translation>
        </message>
        <message>
            <location filename="../editor/lint_list.py" line="86" />
            <source>Checking…</source>
            <translation>Проверяем…</translation>
        </message>
        <message>
            <location filename="../editor/lint_list.py" line="90" />
            <source>✓ No problems found.</source>
            <translation>✓ Проблем не найдено.</translation>
        </message>
        <message>
            <location filename="../editor/lint_list.py" line="92" />
            <source>Errors: {0}, warnings: {1}. Errors block the export.</source>
            <translation>Ошибок: {0}, предупреждений: {1}. С ошибками выгрузка невозможна.</translation>
        </message>
    </context>
    <context>
        <name>LivePreviewPane</name>
        <message>
            <location filename="../editor/live_preview.py" line="278" />
            <source>Line {0}: {1}</source>
            <translation>Строка {0}: {1}</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="281" />
            <source>The last good version is shown below.</source>
            <translation>Ниже — последний удачный вариант.</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="283" />
            <source>Click to go to the line</source>
            <translation>Нажмите, чтобы перейти к строке</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="349" />
            <source>Desktop + phone</source>
            <translation>Компьютер + телефон</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="349" />
            <source>Desktop</source>
            <translation>Компьютер</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="350" />
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="354" />
            <source>Light</source>
            <translation>Светлая тема</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="355" />
            <source>Dark (prefers-color-scheme)</source>
            <translation>Тёмная (prefers-color-scheme)</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="356" />
            <source>Dark (forced inversion)</source>
            <translation>Тёмная (принудительная инверсия)</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="360" />
            <source>Mail clients differ; every mode is an approximation.</source>
            <translation>Почтовые программы различаются; каждый режим — приближение.</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="361" />
            <source>Images off</source>
            <translation>Без картинок</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="363" />
            <source>Many clients start with images blocked: alt texts are shown instead.</source>
            <translation>Многие почтовые программы сначала не показывают картинки: вместо них виден альтернативный текст.</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="364" />
            <source>Phone screen width</source>
            <translation>Ширина экрана телефона</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="369" />
            <source>Light mode.</source>
            <translation>Светлая тема.</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="370" />
            <source>Approximation of Apple Mail and Outlook for Mac/iOS: they apply the email's own dark styles (prefers-color-scheme); without them the email is shown as designed.</source>
            <translation>Приближение Apple Mail и Outlook для Mac/iOS: они применяют собственные тёмные стили письма (prefers-color-scheme); без них письмо показывается как задумано.</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="373" />
            <source>Approximation of the Gmail and Outlook apps: they invert light backgrounds and dark text; pictures stay as they are.</source>
            <translation>Приближение приложений Gmail и Outlook: светлый фон и тёмный текст инвертируются, картинки остаются как есть.</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="377" />
            <source>Desktop, 600 px email</source>
            <translation>Компьютер, письмо 600 px</translation>
        </message>
        <message>
            <location filename="../editor/live_preview.py" line="379" />
            <source>Phone, {0} px</source>
            <translation>Телефон, {0} px</translation>
        </message>
    </context>
    <context>
        <name>ScenarioTimeline</name>
        <message>
            <location filename="../editor/scenario.py" line="28" />
            <source>Welcome series</source>
            <translation>Приветственная серия</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="29" />
            <source>Abandoned cart</source>
            <translation>Брошенная корзина</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="30" />
            <source>Reactivation (“we missed you”)</source>
            <translation>Реактивация («мы скучали»)</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="33" />
            <source>Post-purchase</source>
            <translation>После покупки</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="34" />
            <source>Birthday</source>
            <translation>День рождения</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="43" />
            <source>placed an order (the first-order promo is used)</source>
            <translation>оформил заказ (промокод на первый заказ использован)</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="46" />
            <source>placed an order or emptied the cart</source>
            <translation>оформил заказ или очистил корзину</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="49" />
            <source>placed an order; after the last email the contact is “cold”</source>
            <translation>оформил заказ; после последнего письма контакт становится «холодным»</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="52" />
            <source>order cancelled or returned</source>
            <translation>заказ отменён или возвращён</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="55" />
            <source>one email, no chain</source>
            <translation>одно письмо, без цепочки</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="63" />
            <source>at once</source>
            <translation>сразу</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="65" />
            <source>right after the previous one</source>
            <translation>сразу после предыдущего</translation>
        </message>
        <message numerus="yes">
            <location filename="../editor/scenario.py" line="68" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n день</numerusform>
                <numerusform>%n дня</numerusform>
                <numerusform>%n дней</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../editor/scenario.py" line="70" />
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n час</numerusform>
                <numerusform>%n часа</numerusform>
                <numerusform>%n часов</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="72" />
            <source>{0} after the trigger</source>
            <translation>через {0} после события</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="73" />
            <source>{0} after the previous email</source>
            <translation>через {0} после предыдущего письма</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="81" />
            <source>hour {0}</source>
            <translation>час {0}</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="82" />
            <source>day {0}</source>
            <translation>день {0}</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="197" />
            <source>Open in the editor</source>
            <translation>Открыть в редакторе</translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="209" />
            <source>&lt;b&gt;Exit&lt;/b&gt;&lt;br&gt;The contact leaves the series when: {0}</source>
            <translation>&lt;b&gt;Выход&lt;/b&gt;&lt;br&gt;Контакт выходит из серии, если: {0}</translation>
        </message>
        <message numerus="yes">
            <location filename="../editor/scenario.py" line="227" />
            <source>%n email(s), the last on {0}. Review the series as one unit; open any step to edit it.</source>
            <translation>
                <numerusform>%n письмо, последнее — {0}. Проверяйте серию целиком; любой шаг открывается в редакторе.</numerusform>
                <numerusform>%n письма, последнее — {0}. Проверяйте серию целиком; любой шаг открывается в редакторе.</numerusform>
                <numerusform>%n писем, последнее — {0}. Проверяйте серию целиком; любой шаг открывается в редакторе.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../editor/scenario.py" line="233" />
            <source>Export review bundle…</source>
            <translation>Выгрузить пакет на согласование…</translation>
        </message>
    </context>
    <context>
        <name>TemplateEditor</name>
        <message>
            <location filename="../editor/editor.py" line="599" />
            <source>From</source>
            <translation>Отправитель</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="599" />
            <source>Subject</source>
            <translation>Тема</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="600" />
            <source>Preheader</source>
            <translation>Прехедер</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="604" />
            <source>The grey line after the subject in the inbox list</source>
            <translation>Серая строка после темы в списке входящих</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="608" />
            <source>Undo (Ctrl+Z)</source>
            <translation>Отменить (Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="609" />
            <source>Redo (Ctrl+Shift+Z)</source>
            <translation>Повторить (Ctrl+Shift+Z)</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="610" />
            <source>Preview for:</source>
            <translation>Письмо для:</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="611" />
            <source>Send test to myself</source>
            <translation>Тест себе</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="613" />
            <source>Writes the email as an .eml file and opens it in your mail app</source>
            <translation>Сохраняет письмо в файл .eml и открывает его в почтовой программе</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="614" />
            <source>Export review bundle…</source>
            <translation>На согласование…</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="616" />
            <source>A folder and ZIP that open in any browser: every contact, desktop and phone, screenshots and a PDF</source>
            <translation>Папка и ZIP, которые открываются в любом браузере: все получатели, компьютер и телефон, скриншоты и PDF</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="618" />
            <source>Blocks</source>
            <translation>Блоки</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="619" />
            <source>MJML code</source>
            <translation>Код MJML</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="620" />
            <source>Inbox view</source>
            <translation>Во входящих</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="621" />
            <source>Checks before export</source>
            <translation>Проверки перед выгрузкой</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="622" />
            <source>Edit as code</source>
            <translation>Править как код</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="624" />
            <source>Recovered unsaved changes from {0} (the app was closed before they were saved). They are kept; discard them to go back to the saved version.</source>
            <translation>Восстановлены несохранённые изменения от {0} (программа закрылась до сохранения). Они оставлены; отмените их, чтобы вернуться к сохранённой версии.</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="627" />
            <source>Discard recovered changes</source>
            <translation>Отменить восстановленное</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="636" />
            <source>MJML with Jinja variables. Undo returns to the blocks if you switched from them.</source>
            <translation>MJML с переменными Jinja. Если письмо было из блоков, «Отменить» вернёт блоки.</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="639" />
            <source>The MJML the blocks make (read only). “Edit as code” turns the email into code.</source>
            <translation>MJML, который получается из блоков (только чтение). «Править как код» превращает письмо в код.</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="653" />
            <source>Series: {0}</source>
            <translation>Серия: {0}</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="656" />
            <source>⚠ Not saved: {0}</source>
            <translation>⚠ Не сохранено: {0}</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="659" />
            <source>Unsaved changes (saved automatically)</source>
            <translation>Есть изменения (сохранятся сами)</translation>
        </message>
        <message>
            <location filename="../editor/editor.py" line="662" />
            <source>All changes saved</source>
            <translation>Все изменения сохранены</translation>
        </message>
    </context>
    <context>
        <name>TemplatesPage</name>
        <message>
            <location filename="../editor/page.py" line="203" />
            <source>Own templates</source>
            <translation>Свои шаблоны</translation>
        </message>
        <message>
            <location filename="../editor/page.py" line="291" />
            <source>Loading the templates…</source>
            <translation>Загружаем шаблоны…</translation>
        </message>
    </context>
    <context>
        <name>VariablePicker</name>
        <message>
            <location filename="../editor/variables.py" line="52" />
            <source>Insert variable</source>
            <translation>Вставить переменную</translation>
        </message>
        <message>
            <location filename="../editor/variables.py" line="53" />
            <source>Insert a personalization variable with its fallback at the cursor</source>
            <translation>Вставить переменную персонализации с запасным значением в место курсора</translation>
        </message>
        <message>
            <location filename="../editor/variables.py" line="61" />
            <source>{0}, or: {1}</source>
            <translation>{0}, иначе: {1}</translation>
        </message>
    </context>
</TS>