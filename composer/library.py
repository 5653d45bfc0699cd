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
}
"""Scenario id -> Russian title."""

_IMG = "https://cdn.konvert-demo.ru/img/email"
_HELLO = "{{ first_name | default('Здравствуйте') }}"
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
    )
