"""The built-in scenario library: lifecycle series of a clothing shop, in Russian.

Each template has its scenario id, position in the series and send delay
(hours after the trigger or the previous email). A workspace template with
the same name overrides a built-in one.
"""

from __future__ import annotations

from functools import lru_cache

from composer.blocks import (
    ButtonBlock,
    CartItemsBlock,
    DividerBlock,
    FooterBlock,
    HeaderBlock,
    HeadingBlock,
    HeroBlock,
    OrderSummaryBlock,
    ProductCardBlock,
    ProductGridBlock,
    PromoCodeBlock,
    SocialLinksBlock,
    SpacerBlock,
    TextBlock,
)
from composer.model import Template

SCENARIOS: dict[str, str] = {
    "welcome": "Приветственная серия",
    "abandoned_cart": "Брошенная корзина",
    "reactivation": "Реактивация («мы скучали»)",
    "post_purchase": "После покупки",
    "birthday": "День рождения",
    "price_drop": "Снижение цены на просмотренный товар",
    "back_in_stock": "Снова в наличии",
    "promo_expiring": "Персональная скидка сгорает",
    "loyalty_points": "Бонусные баллы",
    "sale_start": "Старт распродажи",
}
"""Scenario id -> Russian title."""

SCENARIO_AUDIENCES: dict[str, str] = {
    "abandoned_cart": "abandoned_cart_1_day",
    "reactivation": "no_purchase_6_months",
    "birthday": "birthday_7_days",
    "price_drop": "viewed_products_14_days",
    "back_in_stock": "viewed_products_30_days_size_known",
    "promo_expiring": "first_order_promo_expiring_3_days",
    "loyalty_points": "buyers_with_points",
    "sale_start": "bought_in_last_year",
}
"""Scenario id -> id of the ready-made segment (``segments.presets``) that selects its audience.

Post-purchase emails go to the buyer of one order, so that series has none.
"""

_IMG = "https://cdn.konvert-demo.ru/img/email"
_HELLO = "{{ first_name | default('Здравствуйте') }}"
_PERCENT_OFF = "{{ (100 - product.price * 100 / product.old_price) | round | int }}"
"""How much cheaper ``product`` is, in whole percent (only where ``product.old_price`` is set)."""
_HAS_OLD_PRICE = "product.old_price | default(0)"
_DAYS_LEFT = "promo_days_left | default(none)"

# A countdown made of text in a bordered box, not a timer image: with images off
# (and in Outlook, which drops borders of inline boxes) it still reads
# "До конца скидки / 02 дня / до 23:59 5 декабря", in the plain text too.
_COUNTDOWN = (
    f"{{% set days = {_DAYS_LEFT} %}}"
    "{% if days is not none and days > 0 %}"
    '<span style="font-size:13px;letter-spacing:2px;text-transform:uppercase">'
    "До конца скидки</span><br />"
    '<span class="kv-countdown" style="display:inline-block;margin:10px 0 6px;'
    "padding:2px 14px;border:2px solid;border-radius:6px;font-size:40px;line-height:1.2;"
    'font-weight:bold;letter-spacing:4px">' "{{ '%02d' | format(days) }}</span>"
    '&nbsp;<b style="font-size:20px">' "{{ days | ru_plural('день', 'дня', 'дней') }}</b>"
    "<br />до 23:59 {{ promo_expires | ru_date }}"
    "{% elif days == 0 %}"
    '<b style="font-size:24px;line-height:1.3">Сегодня последний день</b><br />'
    "скидка действует до 23:59 {{ promo_expires | ru_date }}"
    "{% else %}"
    '<b style="font-size:20px;line-height:1.3">Скидка действует до 23:59 '
    "{{ promo_expires | ru_date }}</b>"
    "{% endif %}"
)
_TAIL = (DividerBlock(), SocialLinksBlock(), FooterBlock())


def _t(name: str, title: str, scenario: str, position: int, delay: int, subject: str,
       preheader: str, *blocks: object) -> Template:
    return Template(
        name=name, title=title, scenario=scenario, position=position, delay_hours=delay,
        subject=subject, preheader=preheader,
        blocks=(HeaderBlock(), *blocks, *_TAIL),  # type: ignore[arg-type]
        builtin=True,
    )


@lru_cache(maxsize=1)
def builtin_templates() -> tuple[Template, ...]:
    """Every built-in template, in scenario and series order."""
    return (
        _t("welcome_1", "Приветствие 1: спасибо за подписку", "welcome", 1, 0,
           "Добро пожаловать в «Сезон»! Дарим −15% на первый заказ",
           "Ваш промокод уже внутри — и немного о том, кто мы",
           HeroBlock(f"{_IMG}/welcome.jpg", "Новая коллекция «Сезона»"),
           HeadingBlock("Рады знакомству, {{ first_name | default('друг') }}!"),
           TextBlock("Спасибо, что подписались на рассылку «Сезона». Мы отбираем и шьём "
                     "одежду, которую хочется носить годами: натуральные ткани, продуманные "
                     "посадки и честные цены."),
           TextBlock("Раз в неделю будем присылать новинки, подборки образов и предложения "
                     "только для подписчиков. А чтобы знакомство началось приятно, вот "
                     "подарок на первый заказ:"),
           PromoCodeBlock(title="Скидка 15% на первый заказ"),
           ButtonBlock("Выбрать обновки"),
           TextBlock("Промокод действует на весь ассортимент, кроме подарочных сертификатов. "
                     "Бесплатная доставка от 5 000 ₽, примерка перед оплатой и 14 дней "
                     "на возврат.", align="center")),
        _t("welcome_2", "Приветствие 2: бестселлеры", "welcome", 2, 72,
           "Бестселлеры «Сезона»: вещи, которые разбирают первыми",
           "Проверенные посадки и универсальные цвета — пока есть ваш размер",
           HeadingBlock("То, что выбирают снова и снова"),
           TextBlock(f"{_HELLO}, мы собрали вещи, которые покупатели «Сезона» заказывают "
                     "чаще всего. Удобные, из приятных тканей и легко сочетаются между собой "
                     "— основа гардероба на каждый день."),
           ProductGridBlock(limit=4),
           ButtonBlock("Все бестселлеры", "{{ shop.url }}/bestsellers"),
           TextBlock("Напоминаем: промокод <b>{{ promo_code }}</b> на −15% к первому заказу "
                     "ещё действует.", align="center")),
        _t("welcome_3", "Приветствие 3: нам доверяют", "welcome", 3, 168,
           "120 000 покупателей уже с нами — вот что они говорят",
           "Отзывы, оценки и честные фото покупателей «Сезона»",
           HeroBlock(f"{_IMG}/reviews.jpg", "Покупатели «Сезона» в наших вещах"),
           HeadingBlock("Нам доверяют 120 000 покупателей"),
           TextBlock("Средняя оценка наших вещей — <b>4,9 из 5</b> по 18 000 отзывов. "
                     "О «Сезоне» писали «Коммерсантъ Стиль» и The Blueprint, но больше всего "
                     "мы гордимся словами покупателей:"),
           TextBlock("<i>«Платье село идеально, ткань точь-в-точь как на фото. Привезли "
                     "за два дня, курьер подождал, пока я примерю»</i><br />"
                     "— Екатерина, Новосибирск"),
           TextBlock("<i>«Третий год покупаю здесь базовые вещи: после стирок не садятся "
                     "и не теряют цвет»</i><br />— Дмитрий, Екатеринбург"),
           ButtonBlock("Читать отзывы и выбрать", "{{ shop.url }}/reviews"),
           TextBlock("Ваш промокод <b>{{ promo_code }}</b> на −15% всё ещё ждёт первого "
                     "заказа.", align="center")),
        _t("abandoned_cart_1", "Брошенная корзина 1: напоминание", "abandoned_cart", 1, 1,
           "Вы кое-что оставили в корзине",
           "Мы сохранили ваши товары — оформить заказ можно в пару кликов",
           HeadingBlock("Ваша корзина ждёт вас"),
           TextBlock(f"{_HELLO}, вы выбрали отличные вещи, но не завершили заказ. Мы "
                     "сохранили корзину: размеры и цвета остались такими, как вы выбрали."),
           CartItemsBlock(button="Оформить заказ"),
           TextBlock("Сомневаетесь в размере? Позвоните нам: {{ shop.phone }} — стилисты "
                     "помогут с выбором. Доставка с примеркой, оплата после.",
                     align="center")),
        _t("abandoned_cart_2", "Брошенная корзина 2: скидка 10%", "abandoned_cart", 2, 24,
           "−10% на вашу корзину: только 48 часов",
           "Промокод уже внутри — вещи из корзины пока в наличии",
           HeadingBlock("Дарим 10% на ваш заказ"),
           TextBlock(f"{_HELLO}, товары из вашей корзины всё ещё ждут, но запасы на складе "
                     "тают. Чтобы решиться было проще, дарим скидку 10% на весь заказ."),
           PromoCodeBlock(title="Промокод на 10%",
                          note="Действует 48 часов — до {{ promo_expires | ru_date }}"),
           CartItemsBlock(button="Оформить со скидкой"),
           TextBlock("Доставка за наш счёт для заказов от 5 000 ₽, возврат — в течение "
                     "14 дней.", align="center")),
        _t("abandoned_cart_3", "Брошенная корзина 3: последний шанс", "abandoned_cart", 3, 96,
           "Последний шанс: −15% и бесплатная доставка",
           "Скоро корзину придётся очистить — успейте забрать своё",
           HeadingBlock("Последний шанс забрать своё"),
           TextBlock(f"{_HELLO}, мы держим ваши товары уже несколько дней, но скоро корзину "
                     "придётся очистить. Напоследок — лучшее предложение: скидка 15% "
                     "и бесплатная доставка в любой город."),
           PromoCodeBlock(title="−15% и бесплатная доставка",
                          note="Промокод сгорит {{ promo_expires | ru_date }}"),
           CartItemsBlock(button="Забрать со скидкой"),
           TextBlock("Это последнее письмо о вашей корзине — больше не побеспокоим.",
                     align="center")),
        _t("reactivation_1", "Реактивация 1: мы скучали", "reactivation", 1, 0,
           "{{ first_name | default('Друг') }}, мы скучали! Вот что нового",
           "Новинки в любимых категориях и скидка 15% на возвращение",
           HeroBlock(f"{_IMG}/new-arrivals.jpg", "Новинки «Сезона»"),
           HeadingBlock("Мы по вам скучали"),
           TextBlock(f"{_HELLO}, давно не виделись. За это время в «Сезоне» появилось много "
                     "нового, и мы подобрали вещи в тех категориях, которые вы любите."),
           ProductGridBlock(limit=4),
           PromoCodeBlock(title="Скидка 15% на возвращение"),
           ButtonBlock("Смотреть новинки", "{{ shop.url }}/new")),
        _t("reactivation_2", "Реактивация 2: скидка 20%", "reactivation", 2, 240,
           "Скидка 20% для вас — до {{ promo_expires | ru_date }}",
           "Персональное предложение: вернитесь за обновками со скидкой",
           HeadingBlock("Персональная скидка 20%"),
           TextBlock(f"{_HELLO}, мы увеличили вашу скидку до 20% — потому что очень хотим "
                     "снова вас видеть. Она действует на всё, включая новую коллекцию."),
           PromoCodeBlock(title="Ваша скидка 20%"),
           ProductGridBlock(limit=4),
           ButtonBlock("Выбрать со скидкой")),
        _t("reactivation_3", "Реактивация 3: остаёмся на связи?", "reactivation", 3, 336,
           "Нам остаться на связи?",
           "Скидка 20% сгорает — и вопрос, который нам важен",
           HeadingBlock("Нам остаться на связи?"),
           TextBlock(f"{_HELLO}, кажется, наши письма стали вам неинтересны. Мы не хотим "
                     "надоедать, поэтому спросим прямо: продолжать присылать новинки "
                     "и скидки?"),
           ButtonBlock("Да, хочу получать письма", "{{ shop.url }}/subscribe/confirm"),
           TextBlock("Если нет — отпишитесь по ссылке внизу письма, мы не обидимся. "
                     "А пока напоминаем: ваша скидка 20% действует до "
                     "{{ promo_expires | ru_date }}.", align="center"),
           PromoCodeBlock(title="Скидка 20% — последние дни")),
        _t("order_confirmation", "После покупки: заказ принят", "post_purchase", 1, 0,
           "Заказ{% if order %} № {{ order.number }}{% endif %} принят — спасибо!",
           "Состав заказа, сумма и дата доставки",
           HeadingBlock("Спасибо за заказ!"),
           TextBlock(f"{_HELLO}, мы получили ваш заказ и уже начали его собирать. Как только "
                     "передадим его в доставку, пришлём письмо с трек-номером."),
           OrderSummaryBlock(),
           TextBlock("Вопросы по заказу: {{ shop.phone }}, ежедневно с 9 до 21.",
                     align="center"),
           HeadingBlock("С этим часто покупают", level=2),
           ProductGridBlock(limit=2)),
        _t("order_shipped", "После покупки: заказ отправлен", "post_purchase", 2, 24,
           "Заказ{% if order %} № {{ order.number }}{% endif %} уже в пути",
           "Отслеживайте посылку по ссылке — и готовьтесь к примерке",
           HeadingBlock("Ваш заказ уже едет к вам"),
           TextBlock(f"{_HELLO}, мы передали заказ в службу доставки. Следить за посылкой "
                     "можно по ссылке — там же можно выбрать удобное время."),
           ButtonBlock("Отследить заказ",
                       "{{ order.tracking_url | default(shop.url) }}"),
           OrderSummaryBlock()),
        _t("review_request", "После покупки: просьба об отзыве", "post_purchase", 3, 96,
           "Как вам покупка? Дарим {{ bonus_points }} баллов за отзыв",
           "Пара слов о заказе — и баллы на следующую покупку",
           HeadingBlock("Поделитесь впечатлениями"),
           TextBlock(f"{_HELLO}, надеемся, покупка вас радует. Расскажите, как сели вещи "
                     "и понравилась ли ткань: ваш отзыв поможет другим покупателям с выбором, "
                     "а нам — стать лучше."),
           TextBlock("За отзыв с фото начислим <b>{{ bonus_points }} бонусных баллов</b> — "
                     "ими можно оплатить до 30% следующего заказа.", align="center"),
           ButtonBlock("Написать отзыв", "{{ shop.url }}/account/reviews"),
           SpacerBlock(8),
           ProductGridBlock(source="order.items", limit=4, button="Оценить")),
        _t("birthday", "День рождения: подарок", "birthday", 1, 0,
           "С днём рождения, {{ first_name | default('дорогой друг') }}! Подарок внутри",
           "Скидка 20% на всё — неделю после праздника",
           HeroBlock(f"{_IMG}/birthday.jpg", "С днём рождения от «Сезона»"),
           HeadingBlock("С днём рождения, {{ first_name | default('друг') }}!"),
           TextBlock("Команда «Сезона» поздравляет вас с днём рождения! Пусть этот год будет "
                     "щедрым на радостные события, а в гардеробе найдётся наряд для каждого "
                     "из них."),
           PromoCodeBlock(title="Подарок: скидка 20% на всё"),
           ProductGridBlock(limit=4),
           ButtonBlock("Выбрать подарок себе")),
        _t("price_drop", "Снижение цены: старая и новая цена", "price_drop", 1, 0,
           "{% if product and " + _HAS_OLD_PRICE + " %}Цена снизилась: "
           "{{ product.name | truncate(34, true, '…', 0) }}"
           "{% else %}Цены на то, что вы смотрели, снизились{% endif %}",
           "{% if product and " + _HAS_OLD_PRICE + " %}Было {{ product.old_price | money }}, "
           "стало {{ product.price | money }} — пока есть размеры"
           "{% else %}Новые цены на вещи, которые вы присматривали{% endif %}",
           HeadingBlock("{% if product and " + _HAS_OLD_PRICE + " %}Минус " + _PERCENT_OFF
                        + "% на то, что вы присматривали{% else %}Цены снизились{% endif %}"),
           TextBlock(f"{_HELLO}, {{% if product and {_HAS_OLD_PRICE} %}}хорошая новость: "
                     "«{{ product.name }}» теперь стоит дешевле — <b>{{ product.price | money }}"
                     "</b> вместо <s>{{ product.old_price | money }}</s>. "
                     "{% elif product %}«{{ product.name }}» всё ещё ждёт вас, а на похожие "
                     "вещи мы снизили цены — подборка ниже. {% endif %}"
                     "{% if product %}{% if product.size is defined and product.size %}Ваш "
                     "размер {{ product.size }} пока есть на складе.{% else %}Размеры по "
                     "сниженной цене разбирают быстрее всего.{% endif %}"
                     "{% else %}цены на вещи, которые вы недавно смотрели, снизились. Мы "
                     "собрали их ниже — размеры по новым ценам разбирают быстрее всего."
                     "{% endif %}"),
           ProductCardBlock(source="product", button="Купить по новой цене"),
           HeadingBlock("Похожие вещи", level=2),
           ProductGridBlock(limit=4),
           TextBlock("Доставка с примеркой: оплачиваете только то, что подошло. Возврат — "
                     "14 дней.", align="center")),
        _t("back_in_stock", "Снова в наличии: ваш размер вернулся", "back_in_stock", 1, 0,
           "{% if product and product.size is defined and product.size %}"
           "Размер {{ product.size }} снова в наличии"
           "{% else %}Снова в наличии — то, что вы ждали{% endif %}",
           "{% if product %}{{ product.name | truncate(40, true, '…', 0) }} снова на складе — "
           "но ненадолго{% else %}Вещи из вашего списка вернулись на склад{% endif %}",
           HeadingBlock("{% if product and product.size is defined and product.size %}"
                        "Ваш размер снова в наличии{% else %}Снова в наличии{% endif %}"),
           TextBlock(f"{_HELLO}, {{% if product %}}«{{{{ product.name }}}}» снова на складе"
                     "{% if product.size is defined and product.size %} — и в вашем "
                     "размере <b>{{ product.size }}</b>{% endif %}. "
                     "{% else %}вещи, которые вы смотрели, снова на складе. {% endif %}"
                     "В прошлый раз их разобрали за несколько дней, поэтому мы придержим "
                     "{% if product and product.size is defined and product.size %}ваш размер"
                     "{% else %}товар для вас{% endif %} <b>48 часов</b> с момента этого "
                     "письма."),
           ProductCardBlock(source="product", button="Забрать свой размер"),
           TextBlock("Не подошёл размер или цвет? Вот похожие вещи, которые есть "
                     "в наличии прямо сейчас.", align="center"),
           ProductGridBlock(limit=4),
           ButtonBlock("Все новые поступления", "{{ shop.url }}/new")),
        _t("promo_expiring", "Скидка сгорает: обратный отсчёт", "promo_expiring", 1, 0,
           "{% if promo_discount | default(0) %}Ваша скидка {{ promo_discount }}%"
           "{% else %}Ваша персональная скидка{% endif %} сгорает "
           "{% if " + _DAYS_LEFT + " == 0 %}сегодня{% elif " + _DAYS_LEFT + " == 1 %}"
           "завтра{% else %}{{ promo_expires | ru_date }}{% endif %}",
           "Промокод {{ promo_code }} ещё действует — успейте заказать",
           HeadingBlock("{{ first_name | default('Ваша скидка') }}{% if first_name | default('') "
                        "%}, ваша скидка{% endif %} скоро сгорит"),
           TextBlock(_COUNTDOWN, align="center"),
           PromoCodeBlock(title="{% if promo_discount | default(0) %}Скидка "
                                "{{ promo_discount }}% по промокоду{% else %}Ваша "
                                "персональная скидка{% endif %}",
                          note="Действует до 23:59 {{ promo_expires | ru_date }} на весь "
                               "каталог, кроме подарочных сертификатов"),
           TextBlock(f"{_HELLO}, мы приберегли эту скидку специально для вас. Введите "
                     "промокод при оформлении заказа — скидка применится ко всей корзине, "
                     "включая новую коллекцию."),
           ButtonBlock("Выбрать со скидкой"),
           HeadingBlock("Вам может понравиться", level=2),
           ProductGridBlock(limit=4)),
        _t("loyalty_points", "Бонусные баллы: ваш баланс", "loyalty_points", 1, 0,
           "{% if bonus_points | default(0) > 0 %}У вас {{ bonus_points | money('') }} "
           "{{ bonus_points | ru_plural('бонусный балл', 'бонусных балла', 'бонусных баллов') }}"
           "{% else %}Как копить баллы в «Сезоне»{% endif %}",
           "{% if bonus_expires | default('') %}Баллы сгорят {{ bonus_expires | ru_date }} — "
           "потратьте их на обновки{% else %}1 балл = 1 ₽: оплачивайте баллами до 30% "
           "заказа{% endif %}",
           HeadingBlock("{{ first_name | default('Ваши') }}{% if first_name | default('') %}"
                        ", ваши{% endif %} бонусные баллы"),
           PromoCodeBlock(title="Баланс на сегодня",
                          code="{{ bonus_points | default(0) | money('') }} "
                               "{{ bonus_points | default(0) | ru_plural('балл', 'балла', "
                               "'баллов') }}",
                          note="{% if bonus_expires | default('') %}Сгорят "
                               "{{ bonus_expires | ru_date(true) }}{% else %}1 балл = 1 ₽ "
                               "при оплате заказа{% endif %}"),
           TextBlock("{% if bonus_points | default(0) > 0 %}Баллами можно оплатить до 30% "
                     "заказа: 1 балл — это 1 ₽. {% for item in recommended[:1] %}"
                     "Например, «{{ item.name }}» за "
                     "{{ item.price | money }} с вашими баллами обойдётся в "
                     "<b>{{ (item.price - ([bonus_points, (item.price * 0.3) | round(0, "
                     "'floor')] | min)) | money }}</b>.{% endfor %}"
                     "{% else %}Пока на вашем счёте нет баллов. Они начисляются за каждую "
                     "покупку — 5% от суммы — и за отзывы с фото.{% endif %}"),
           TextBlock("{% if bonus_expires | default('') %}Баллы не вечны: те, что на счёте "
                     "сейчас, сгорят <b>{{ bonus_expires | ru_date(true) }}</b>. Успейте "
                     "потратить их на то, что давно хотели.{% else %}Баллы действуют год "
                     "с момента начисления — точные даты есть в личном кабинете.{% endif %}"),
           ButtonBlock("Потратить баллы"),
           HeadingBlock("На что потратить баллы", level=2),
           ProductGridBlock(limit=4),
           TextBlock("Как копить больше: 5% от каждой покупки возвращаются баллами, "
                     "а за отзыв с фото начисляем ещё 200.", align="center")),
        _t("sale_start", "Старт распродажи: хиты ваших категорий", "sale_start", 1, 0,
           "Распродажа в «Сезоне» началась: скидки до 50%",
           "{% if top_categories | default('') %}Хиты распродажи: "
           "{{ top_categories | truncate(48, true, '…', 0) }}"
           "{% else %}Бестселлеры сезона по лучшим ценам года{% endif %}",
           HeadingBlock("Распродажа началась: до −50%"),
           TextBlock(f"{_HELLO}, в «Сезоне» стартовала большая распродажа. "
                     "{% if top_categories | default('') %}Мы собрали бестселлеры тех "
                     "категорий, которые вы выбираете чаще всего: <b>{{ top_categories }}</b>."
                     "{% else %}Мы собрали бестселлеры, которые покупатели «Сезона» "
                     "выбирают чаще всего.{% endif %} Пока есть все размеры — самое время."),
           ProductGridBlock(limit=4, button="Выбрать"),
           ButtonBlock("Смотреть всю распродажу", "{{ shop.url }}/sale"),
           TextBlock("Скидки распродажи действуют на вещи с красным ценником, пока они есть "
                     "на складе, и не суммируются с промокодами. Доставка с примеркой "
                     "и 14 дней на возврат — как всегда.", align="center")),
    )
