<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>ScenarioLibrary</name>
        <message>
            <location filename="../editor/scenario_library.py" line="27" />
            <source>Price drop on a viewed item</source>
            <translation>Снижение цены на просмотренный товар</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="28" />
            <source>Back in stock</source>
            <translation>Снова в наличии</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="29" />
            <source>Personal discount expiring</source>
            <translation>Персональная скидка сгорает</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="32" />
            <source>Bonus points balance</source>
            <translation>Бонусные баллы</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="33" />
            <source>Sale start</source>
            <translation>Старт распродажи</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="40" />
            <source>bought the product or its price went back up</source>
            <translation>купил товар или цена вернулась к прежней</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="43" />
            <source>bought the product or it sold out again</source>
            <translation>купил товар или его снова раскупили</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="46" />
            <source>used the promo code (placed an order)</source>
            <translation>воспользовался промокодом (оформил заказ)</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="49" />
            <source>spent the points; one email, no chain</source>
            <translation>потратил баллы; одно письмо, без цепочки</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="52" />
            <source>one email, no chain</source>
            <translation>одно письмо, без цепочки</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="59" />
            <source>subscribed to the newsletter</source>
            <translation>подписался на рассылку</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="60" />
            <source>left items in the cart without ordering</source>
            <translation>оставил товары в корзине и не оформил заказ</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="63" />
            <source>no purchase for 6 months</source>
            <translation>нет покупок 6 месяцев</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="64" />
            <source>placed an order</source>
            <translation>оформил заказ</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="65" />
            <source>the contact's birthday</source>
            <translation>день рождения контакта</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="66" />
            <source>the price of a product the contact viewed in the last 14 days went down</source>
            <translation>подешевел товар, который контакт смотрел за последние 14 дней</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="70" />
            <source>a product the contact viewed is back in stock in their size</source>
            <translation>товар, который контакт смотрел, снова в наличии в его размере</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="73" />
            <source>3 days before the personal promo code expires</source>
            <translation>за 3 дня до конца действия персонального промокода</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="76" />
            <source>once a month, and 14 days before the points burn</source>
            <translation>раз в месяц и за 14 дней до сгорания баллов</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="79" />
            <source>the first day of a sale, sent to a segment</source>
            <translation>первый день распродажи, по сегменту</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="98" />
            <source>&lt;b&gt;Start&lt;/b&gt;&lt;br&gt;{0}</source>
            <translation>&lt;b&gt;Старт&lt;/b&gt;&lt;br&gt;{0}</translation>
        </message>
        <message>
            <location filename="../editor/scenario_library.py" line="103" />
            <source>&lt;b&gt;Audience&lt;/b&gt;&lt;br&gt;ready-made segment “{0}”</source>
            <translation>&lt;b&gt;Аудитория&lt;/b&gt;&lt;br&gt;готовый сегмент «{0}»</translation>
        </message>
    </context>
</TS>