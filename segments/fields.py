"""The catalogue of segment fields (segments.md, "Fields") for the rule parser and the builder.

Every field has a stable name, a type that decides which operators fit, a
group for the builder's field menu, Russian and English labels and, for
enums, the allowed values. ``custom.NAME`` fields are not listed here: any
custom attribute name is accepted (see :func:`field_spec`).
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT_OPS = ("eq", "ne", "in", "not_in", "contains", "starts_with", "is_empty", "is_not_empty")
ENUM_OPS = ("eq", "ne", "in", "not_in", "is_empty", "is_not_empty")
BOOL_OPS = ("eq", "ne", "is_empty", "is_not_empty")
NUMBER_OPS = ("eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte", "between",
              "is_empty", "is_not_empty")
DATE_OPS = ("on", "before", "after", "between", "within_last_days", "more_than_days_ago",
            "eq", "ne", "gt", "gte", "lt", "lte", "is_empty", "is_not_empty")
# Multi-valued text (order lines, events): "ne"/"not_in"/"is_empty" are the
# exact complements of "eq"/"in"/"is_not_empty", so they hold for contacts
# without any such line or event ("true for empty values").
PURCHASE_OPS = TEXT_OPS
BEHAVIOUR_OPS = ("exists", *TEXT_OPS)

MONEY_FIELDS = frozenset({"total_spent", "avg_order_value"})
"""Number fields that hold amounts in the workspace's currency (shown as "12 060 ₽")."""

GROUPS = ("Profile", "Purchases", "Behaviour", "Lifecycle", "RFM", "Custom")

GENDERS = ("female", "male", "unknown")
STATUSES = ("subscribed", "unsubscribed", "bounced", "complained")
LIFECYCLE_STATUSES = ("cold", "warm", "hot", "active", "passive", "inactive", "very_inactive")
RFM_GROUPS = ("champions", "loyal", "potential_loyalist", "new", "promising", "need_attention",
              "about_to_sleep", "at_risk", "cant_lose", "hibernating", "lost")


@dataclass(frozen=True)
class FieldSpec:
    """One field a condition can test.

    Attributes:
        name: the stable name used in rule JSON.
        type: ``text``, ``enum``, ``bool``, ``date``, ``number``, ``purchase``
            (text of purchased order lines), ``behaviour`` (events) or ``custom``.
        group: the builder's menu group (one of :data:`GROUPS`).
        label_ru: Russian label.
        label_en: English label.
        ops: operators that fit the field.
        values: allowed values of an enum field, else empty.
    """

    name: str
    type: str
    group: str
    label_ru: str
    label_en: str
    ops: tuple[str, ...]
    values: tuple[str, ...] = ()

    @property
    def takes_window(self) -> bool:
        """Whether ``within_days`` / ``min_count`` may be given (behaviour fields)."""
        return self.type == "behaviour"


def _f(name: str, type_: str, group: str, ru: str, en: str,
       values: tuple[str, ...] = ()) -> FieldSpec:
    ops = {"text": TEXT_OPS, "enum": ENUM_OPS, "bool": BOOL_OPS, "date": DATE_OPS,
           "number": NUMBER_OPS, "purchase": PURCHASE_OPS, "behaviour": BEHAVIOUR_OPS,
           "custom": TEXT_OPS}[type_]
    return FieldSpec(name, type_, group, ru, en, ops, values)


FIELDS: tuple[FieldSpec, ...] = (
    _f("email", "text", "Profile", "E-mail", "Email"),
    _f("first_name", "text", "Profile", "Имя", "First name"),
    _f("last_name", "text", "Profile", "Фамилия", "Last name"),
    _f("gender", "enum", "Profile", "Пол", "Gender", GENDERS),
    _f("birth_date", "date", "Profile", "Дата рождения", "Birth date"),
    _f("age", "number", "Profile", "Возраст", "Age"),
    _f("birthday_in_days", "number", "Profile", "Дней до дня рождения", "Days to birthday"),
    _f("city", "text", "Profile", "Город", "City"),
    _f("region", "text", "Profile", "Регион", "Region"),
    _f("phone", "text", "Profile", "Телефон", "Phone"),
    _f("registered_at", "date", "Profile", "Дата регистрации", "Registered on"),
    _f("tenure_days", "number", "Profile", "Дней с регистрации", "Days since registration"),
    _f("channel", "text", "Profile", "Канал привлечения", "Acquisition channel"),
    _f("payment_method", "text", "Profile", "Способ оплаты", "Payment method"),
    _f("device", "text", "Profile", "Устройство", "Device"),
    _f("consent_email", "bool", "Profile", "Согласие на рассылку", "Email consent"),
    _f("status", "enum", "Profile", "Статус подписки", "Subscription status", STATUSES),
    _f("orders_count", "number", "Purchases", "Число заказов", "Orders"),
    _f("total_spent", "number", "Purchases", "Сумма покупок", "Total spent"),
    _f("avg_order_value", "number", "Purchases", "Средний чек", "Average order value"),
    _f("items_per_order", "number", "Purchases", "Товаров в заказе", "Items per order"),
    _f("returns_count", "number", "Purchases", "Число возвратов", "Returns"),
    _f("complaints_count", "number", "Purchases", "Число жалоб", "Complaints"),
    _f("first_order_at", "date", "Purchases", "Дата первого заказа", "First order date"),
    _f("last_order_at", "date", "Purchases", "Дата последнего заказа", "Last order date"),
    _f("days_since_last_order", "number", "Purchases", "Дней с последнего заказа",
       "Days since last order"),
    _f("bought_category", "purchase", "Purchases", "Купил категорию", "Bought category"),
    _f("bought_sku", "purchase", "Purchases", "Купил товар (артикул)", "Bought SKU"),
    _f("bought_color", "purchase", "Purchases", "Купил цвет", "Bought colour"),
    _f("bought_size", "purchase", "Purchases", "Купил размер", "Bought size"),
    _f("bought_style", "purchase", "Purchases", "Купил стиль", "Bought style"),
    _f("viewed_product", "behaviour", "Behaviour", "Смотрел товар", "Viewed product"),
    _f("viewed_category", "behaviour", "Behaviour", "Смотрел категорию", "Viewed category"),
    _f("searched", "behaviour", "Behaviour", "Искал", "Searched"),
    _f("added_to_cart", "behaviour", "Behaviour", "Добавил в корзину", "Added to cart"),
    _f("abandoned_cart", "behaviour", "Behaviour", "Бросил корзину", "Abandoned cart"),
    _f("visited", "behaviour", "Behaviour", "Посещал сайт", "Visited the site"),
    _f("opened_email", "behaviour", "Behaviour", "Открыл письмо", "Opened an email"),
    _f("clicked_email", "behaviour", "Behaviour", "Кликнул в письме", "Clicked in an email"),
    _f("clicked_promo", "behaviour", "Behaviour", "Кликнул по промо", "Clicked a promo"),
    _f("lifecycle", "enum", "Lifecycle", "Статус жизненного цикла", "Lifecycle status",
       LIFECYCLE_STATUSES),
    _f("rfm_r", "number", "RFM", "RFM: давность (R)", "RFM recency (R)"),
    _f("rfm_f", "number", "RFM", "RFM: частота (F)", "RFM frequency (F)"),
    _f("rfm_m", "number", "RFM", "RFM: деньги (M)", "RFM monetary (M)"),
    _f("rfm_group", "enum", "RFM", "RFM-группа", "RFM group", RFM_GROUPS),
)

FIELDS_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in FIELDS}

CUSTOM_PREFIX = "custom."


def field_spec(name: str) -> FieldSpec | None:
    """The spec of field ``name`` (``custom.NAME`` included), or None if unknown."""
    if name.startswith(CUSTOM_PREFIX) and len(name) > len(CUSTOM_PREFIX):
        attr = name[len(CUSTOM_PREFIX):]
        return FieldSpec(name, "custom", "Custom", attr, attr, TEXT_OPS)
    return FIELDS_BY_NAME.get(name)
