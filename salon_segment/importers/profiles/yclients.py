"""YCLIENTS / Altegio: the records export («Записи») and the client base («Клиентская база»).

Evidence (weak): YCLIENTS' and Altegio's help pages (statuses «Ожидание», «Пришел», «Не пришел», «Подтвердил»;
"Продано/Sold" is revenue, "Оплачено/Paid" is what was paid, possibly partly or in advance) and the API's record
model; no public sample file was found, so the header names follow the help pages' wording.
"""

from salon_segment import ledger as L
from salon_segment.importers import headers as H
from salon_segment.importers.profiles import CLIENT_LIST, WEAK, Profile

PROFILES = (
    Profile(
        id="yclients-records",
        system="YCLIENTS / Altegio",
        report="Records (Записи)",
        evidence=WEAK,
        required=("Клиент", "Сотрудник", "Статус"),
        markers=(
            "Дата", "Дата визита", "Время", "Телефон", "Услуги", "Услуга", "Стоимость", "Продано", "Оплачено",
            "ID записи", "Категория", "Тип", "Комментарий", "Источник", "Email",
        ),
        columns={
            H.DATE: ("Дата визита", "Дата и время", "Дата"),
            H.TIME: ("Время", "Время визита"),
            H.CLIENT_ID: ("ID клиента", "Код клиента"),
            H.CLIENT_NAME: ("Клиент", "Имя клиента"),
            H.PHONE: ("Телефон", "Телефон клиента"),
            H.EMAIL: ("Email", "E-mail"),
            H.STAFF: ("Сотрудник", "Мастер"),
            H.ITEM: ("Услуги", "Услуга", "Наименование"),
            H.KIND: ("Тип", "Тип позиции"),
            H.CATEGORY: ("Категория", "Категория услуги"),
            H.AMOUNT: ("Продано", "Стоимость", "Сумма"),
            H.STATUS: ("Статус визита", "Статус"),
            H.LINE_ID: ("ID записи", "Номер записи"),
            H.SOURCE: ("Источник",),
        },
        statuses={"пришел": L.COMPLETED, "не пришел": L.NO_SHOW, "ожидание": L.BOOKED, "подтвердил": L.BOOKED},
        ignore=("Оплачено", "Дата создания", "Создана", "Комментарий"),
    ),
    Profile(
        id="yclients-clients",
        system="YCLIENTS / Altegio",
        report="Client base (Клиентская база)",
        evidence=WEAK,
        required=("Имя", "Телефон", "Визитов"),
        markers=("Фамилия", "Email", "Продано", "Оплачено", "Первый визит", "Последний визит", "Скидка", "Категории"),
        columns={
            H.FIRST_NAME: ("Имя",),
            H.LAST_NAME: ("Фамилия",),
            H.PHONE: ("Телефон",),
            H.EMAIL: ("Email", "E-mail"),
            H.VISIT_COUNT: ("Визитов", "Визиты"),
            H.TOTAL_SPENT: ("Продано", "Сумма продаж"),
            H.FIRST_VISIT: ("Первый визит",),
            H.LAST_VISIT: ("Последний визит",),
        },
        role=CLIENT_LIST,
        generic_fields=False,
    ),
)  # fmt: skip
