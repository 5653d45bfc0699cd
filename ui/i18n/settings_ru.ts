<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>BrandPreview</name>
        <message>
            <location filename="../settings_dialog.py" line="414" />
            <source>New autumn collection</source>
            <translation>Новая осенняя коллекция</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="418" />
            <source>Hello, Anna! Warm coats and knitwear have arrived. Pick yours before the sizes run out.</source>
            <translation>Здравствуйте, Анна! Приехали тёплые пальто и трикотаж. Выберите своё, пока есть размеры.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="422" />
            <source>Go to the shop</source>
            <translation>В магазин</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="427" />
            <source>Product link and price: 4 990 ₽</source>
            <translation>Ссылка на товар и цена: 4 990 ₽</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../settings_dialog.py" line="137" />
            <source>Shop name: please fill it in.</source>
            <translation>Название магазина: заполните, пожалуйста.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="138" />
            <source>{0}: enter a full address starting with https:// (for example https://shop.example.ru).</source>
            <translation>{0}: укажите полный адрес, начиная с https:// (например, https://shop.example.ru).</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="142" />
            <source>Support email: this does not look like an email address.</source>
            <translation>Почта поддержки: это не похоже на адрес электронной почты.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="144" />
            <source>{0}: a colour is # and six hex digits, like #C8553D; use the colour button to pick one.</source>
            <translation>{0}: цвет — это # и шесть шестнадцатеричных цифр, например #C8553D; его можно выбрать кнопкой с цветом.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="148" />
            <source>{0}: choose a font.</source>
            <translation>{0}: выберите шрифт.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="149" />
            <source>{0}: end the list with serif or sans-serif, so mail apps without these fonts still show a similar one.</source>
            <translation>{0}: закончите список словом serif или sans-serif, чтобы почтовые программы без этих шрифтов показали похожий.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="153" />
            <source>Social link {0}: give it a name (for example Telegram).</source>
            <translation>Соцсеть {0}: укажите название (например, Telegram).</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="155" />
            <source>Social link {0}: enter a full address starting with https://.</source>
            <translation>Соцсеть {0}: укажите полный адрес, начиная с https://.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="157" />
            <source>Passive must end later than active: make it more than {0} days.</source>
            <translation>Пассивный должен заканчиваться позже активного: укажите больше {0} дн.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="159" />
            <source>Inactive must end later than passive: make it more than {0} days.</source>
            <translation>Неактивный должен заканчиваться позже пассивного: укажите больше {0} дн.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="162" />
            <source>Each period must be at least one day.</source>
            <translation>Каждый срок — не меньше одного дня.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="163" />
            <source>Warm: a window of {0} days cannot have views on {1} different days.</source>
            <translation>Тёплый: за {0} дн. не может быть просмотров в {1} разных дней.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="221" />
            <source>Shop name</source>
            <translation>Название магазина</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="222" />
            <source>Sender name</source>
            <translation>Имя отправителя</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="223" />
            <source>Shop website</source>
            <translation>Сайт магазина</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="224" />
            <source>Logo address</source>
            <translation>Адрес логотипа</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="225" />
            <source>Support email</source>
            <translation>Почта поддержки</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="226" />
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="227" />
            <source>Postal address</source>
            <translation>Почтовый адрес</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="228" />
            <source>Footer text</source>
            <translation>Текст подвала</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="229" />
            <source>Main colour</source>
            <translation>Основной цвет</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="230" />
            <source>Button colour</source>
            <translation>Цвет кнопок</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="231" />
            <source>Background</source>
            <translation>Фон письма</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="232" />
            <source>Content background</source>
            <translation>Фон содержимого</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="233" />
            <source>Text colour</source>
            <translation>Цвет текста</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="234" />
            <source>Secondary text</source>
            <translation>Приглушённый текст</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="235" />
            <source>Heading font</source>
            <translation>Шрифт заголовков</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="236" />
            <source>Text font</source>
            <translation>Шрифт текста</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="274" />
            <source>Workspace &amp;settings…</source>
            <translation>Н&amp;астройки рабочей области…</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="505" />
            <source>Loading the settings…</source>
            <translation>Загружаем настройки…</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="763" />
            <source>Workspace settings</source>
            <translation>Настройки рабочей области</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="764" />
            <source>&amp;Brand kit</source>
            <translation>&amp;Фирменный стиль</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="765" />
            <source>&amp;Lifecycle</source>
            <translation>&amp;Жизненный цикл</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="766" />
            <source>&amp;Apply</source>
            <translation>Пр&amp;именить</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="767" />
            <source>OK</source>
            <translation>ОК</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="768" />
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="770" />
            <source>Shop &amp;name</source>
            <translation>&amp;Название магазина</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="770" />
            <source>Sen&amp;der name</source>
            <translation>Имя отп&amp;равителя</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="771" />
            <source>Shop &amp;website</source>
            <translation>&amp;Сайт магазина</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="771" />
            <source>L&amp;ogo address</source>
            <translation>Адрес &amp;логотипа</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="772" />
            <source>Support &amp;email</source>
            <translation>&amp;Почта поддержки</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="772" />
            <source>P&amp;hone</source>
            <translation>&amp;Телефон</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="773" />
            <source>Postal add&amp;ress</source>
            <translation>Почтовый &amp;адрес</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="773" />
            <source>Foo&amp;ter text</source>
            <translation>Текст под&amp;вала</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="774" />
            <source>&amp;Main colour</source>
            <translation>&amp;Основной цвет</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="774" />
            <source>B&amp;utton colour</source>
            <translation>Цвет &amp;кнопок</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="775" />
            <source>Bac&amp;kground</source>
            <translation>Фон пись&amp;ма</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="776" />
            <source>&amp;Content background</source>
            <translation>Фон со&amp;держимого</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="777" />
            <source>Te&amp;xt colour</source>
            <translation>Цвет т&amp;екста</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="777" />
            <source>Secondar&amp;y text</source>
            <translation>При&amp;глушённый текст</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="778" />
            <source>Headin&amp;g font</source>
            <translation>Шрифт &amp;заголовков</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="778" />
            <source>Text &amp;font</source>
            <translation>&amp;Шрифт текста</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="782" />
            <source>Shop</source>
            <translation>Магазин</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="783" />
            <source>Colours and fonts</source>
            <translation>Цвета и шрифты</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="784" />
            <source>Social links</source>
            <translation>Соцсети</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="788" />
            <source>The name recipients see in the From line</source>
            <translation>Имя, которое получатели видят в строке «От кого»</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="790" />
            <source>Mail apps use the first font of the list that they have, so end it with serif or sans-serif. Colours are # and six hex digits; the colour buttons open a picker.</source>
            <translation>Почтовые программы берут первый шрифт из списка, который у них есть, поэтому в конце списка нужен serif или sans-serif. Цвет — это # и шесть шестнадцатеричных цифр; кнопки с цветом открывают палитру.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="793" />
            <source>Name</source>
            <translation>Название</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="793" />
            <source>Address</source>
            <translation>Адрес</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="794" />
            <source>Add l&amp;ink</source>
            <translation>Добавить сс&amp;ылку</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="795" />
            <source>Remo&amp;ve link</source>
            <translation>У&amp;брать ссылку</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="797" />
            <source>Pick the colour: {0}</source>
            <translation>Выбрать цвет: {0}</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="799" />
            <source>Preview</source>
            <translation>Предпросмотр</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="801" />
            <source>A rough sketch of an email in these colours and fonts; the template editor shows the real one.</source>
            <translation>Примерный вид письма в этих цветах и шрифтах; настоящее письмо видно в редакторе шаблонов.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="804" />
            <source>Every contact has exactly one lifecycle status, used by segments and the dashboard chart. Buyers are grouped by how long ago they last bought; those who never bought, by what they did on the site recently.</source>
            <translation>У каждого контакта ровно один статус жизненного цикла; его используют сегменты и диаграмма. Покупателей делим по давности последней покупки, а тех, кто ещё не покупал, — по недавним действиям на сайте.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="807" />
            <source>Customers who have bought</source>
            <translation>Покупатели</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="808" />
            <source>Contacts who have never bought</source>
            <translation>Ещё не покупали</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="810" />
            <source>A&amp;ctive: last purchase within</source>
            <translation>&amp;Активный: покупка за последние</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="811" />
            <source>&amp;Passive: last purchase within</source>
            <translation>&amp;Пассивный: покупка за последние</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="812" />
            <source>&amp;Inactive: last purchase within</source>
            <translation>&amp;Неактивный: покупка за последние</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="813" />
            <source>&amp;Hot: cart abandoned within</source>
            <translation>&amp;Горячий: брошенная корзина за</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="814" />
            <source>&amp;Warm: product views within</source>
            <translation>&amp;Тёплый: просмотры товаров за</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="815" />
            <source>Warm: views on at l&amp;east</source>
            <translation>Тёплый: просмотры &amp;минимум</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="820" />
            <source>Active</source>
            <translation>Активный</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="820" />
            <source>Passive</source>
            <translation>Пассивный</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="821" />
            <source>Inactive</source>
            <translation>Неактивный</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="821" />
            <source>Very inactive</source>
            <translation>Совсем неактивный</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="822" />
            <source>Hot</source>
            <translation>Горячий</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="822" />
            <source>Warm</source>
            <translation>Тёплый</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="822" />
            <source>Cold</source>
            <translation>Холодный</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="826" />
            <source>&amp;Restore defaults</source>
            <translation>&amp;Вернуть по умолчанию</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="828" />
            <source>Active 90, passive 180, inactive 365 days; hot 14 days; warm: views on 3 days within 30 days</source>
            <translation>Активный — 90, пассивный — 180, неактивный — 365 дней; горячий — 14 дней; тёплый — просмотры в 3 разных дня за 30 дней</translation>
        </message>
        <message numerus="yes">
            <location filename="../settings_dialog.py" line="839" />
            <source> day(s)</source>
            <translation>
                <numerusform> день</numerusform>
                <numerusform> дня</numerusform>
                <numerusform> дней</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../settings_dialog.py" line="841" />
            <source>bought within the last %n day(s).</source>
            <translation>
                <numerusform>покупал за последний %n день.</numerusform>
                <numerusform>покупал за последние %n дня.</numerusform>
                <numerusform>покупал за последние %n дней.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="842" />
            <location filename="../settings_dialog.py" line="844" />
            <source>last purchase {0} to {1} days ago.</source>
            <translation>последняя покупка {0}–{1} дн. назад.</translation>
        </message>
        <message numerus="yes">
            <location filename="../settings_dialog.py" line="847" />
            <source>last purchase more than %n day(s) ago.</source>
            <translation>
                <numerusform>последняя покупка больше %n дня назад.</numerusform>
                <numerusform>последняя покупка больше %n дней назад.</numerusform>
                <numerusform>последняя покупка больше %n дней назад.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../settings_dialog.py" line="848" />
            <source>never bought; abandoned a cart within the last %n day(s).</source>
            <translation>
                <numerusform>не покупал; бросил корзину за последний %n день.</numerusform>
                <numerusform>не покупал; бросил корзину за последние %n дня.</numerusform>
                <numerusform>не покупал; бросил корзину за последние %n дней.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="851" />
            <source>never bought, not hot; viewed products on {0} or more different days within the last {1} days.</source>
            <translation>не покупал, не горячий; смотрел товары в {0} и больше разных дней за последние {1} дн.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="853" />
            <source>never bought, neither hot nor warm.</source>
            <translation>не покупал, не горячий и не тёплый.</translation>
        </message>
        <message numerus="yes">
            <location filename="../settings_dialog.py" line="864" />
            <source>%Ln contact(s)</source>
            <translation>
                <numerusform>%Ln контакт</numerusform>
                <numerusform>%Ln контакта</numerusform>
                <numerusform>%Ln контактов</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="866" />
            <source>Counts are for today with the values above; segments use them after saving.</source>
            <translation>Числа — на сегодня с этими значениями; сегменты начнут их использовать после сохранения.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="934" />
            <source>Please fix before saving:</source>
            <translation>Исправьте перед сохранением:</translation>
        </message>
        <message numerus="yes">
            <location filename="../settings_dialog.py" line="937" />
            <source>…and %n more.</source>
            <translation>
                <numerusform>…и ещё %n.</numerusform>
                <numerusform>…и ещё %n.</numerusform>
                <numerusform>…и ещё %n.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="989" />
            <source>Could not read the saved settings ({0}); the defaults are shown.</source>
            <translation>Не удалось прочитать сохранённые настройки ({0}); показаны значения по умолчанию.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="1035" />
            <source>Saving…</source>
            <translation>Сохраняем…</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="1044" />
            <source>Saved.</source>
            <translation>Сохранено.</translation>
        </message>
        <message>
            <location filename="../settings_dialog.py" line="1053" />
            <source>Could not save: {0}</source>
            <translation>Не удалось сохранить: {0}</translation>
        </message>
    </context>
</TS>