"""Dutch and Russian translations, applied to the .po files by ``python tools/translations.py``.

Kept as one reviewed table so that tone can be checked side by side; the .po files are the runtime source.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).resolve().parent.parent / "salon_segment" / "locale"

T: dict[str, tuple[str, str]] = {
    # msgid: (nl, ru)
    "the input has no completed visit dated on or before today; pass --as-of.": (
        "de export bevat geen afgerond bezoek tot en met vandaag; geef --as-of op.",
        "в выгрузке нет завершённых визитов до сегодняшнего дня; укажите --as-of.",
    ),
    "with several inputs, --keep-out must be a folder": (
        "bij meerdere bestanden moet --keep-out een map zijn",
        "при нескольких файлах --keep-out должен быть папкой",
    ),
    "the client list has neither a last-visit nor a created/added date column; prune needs one of them.": (
        "de klantenlijst heeft geen kolom met laatste bezoek of aanmaakdatum; prune heeft er één nodig.",
        "в списке клиентов нет ни даты последнего визита, ни даты регистрации; для prune нужна одна из них.",
    ),
    "Interrupted.": ("Onderbroken.", "Прервано."),
    "expected a date as YYYY-MM-DD, got {value!r}": (
        "verwacht een datum als JJJJ-MM-DD, kreeg {value!r}",
        "ожидается дата в виде ГГГГ-ММ-ДД, получено {value!r}",
    ),
    "expected FIELD=HEADER, got {value!r}": (
        "verwacht VELD=KOLOMKOP, kreeg {value!r}",
        "ожидается ПОЛЕ=ЗАГОЛОВОК, получено {value!r}",
    ),
    "Error: {message}": ("Fout: {message}", "Ошибка: {message}"),
    "Unexpected error ({kind}). This is a bug in salon-segment: rerun with --debug to see the traceback, and report it without your data.": (
        "Onverwachte fout ({kind}). Dit is een fout in salon-segment: voer opnieuw uit met --debug voor de details, "
        "en meld het zonder uw gegevens.",
        "Непредвиденная ошибка ({kind}). Это ошибка в salon-segment: запустите снова с --debug, чтобы увидеть "
        "подробности, и сообщите о ней без ваших данных.",
    ),
    "visit ledger": ("bezoekenexport", "выгрузка визитов"),
    "client list": ("klantenlijst", "список клиентов"),
    "blank row": ("lege regel", "пустая строка"),
    "repeated header row": ("herhaalde kopregel", "повтор заголовка"),
    "totals or summary below the data": ("totalen of samenvatting onder de gegevens", "итоги под данными"),
    "same line already in an earlier file": ("zelfde regel staat al in een eerder bestand", "та же строка уже есть в предыдущем файле"),
    "unreadable date": ("onleesbare datum", "нечитаемая дата"),
    "unreadable amount": ("onleesbaar bedrag", "нечитаемая сумма"),
    "unreadable quantity": ("onleesbaar aantal", "нечитаемое количество"),
    "unreadable number of visits": ("onleesbaar aantal bezoeken", "нечитаемое число визитов"),
    "no client id, name, e-mail or phone": (
        "geen klantnummer, naam, e-mail of telefoon",
        "нет кода клиента, имени, e-mail или телефона",
    ),
    "more fields than the header": ("meer velden dan de kopregel", "больше полей, чем в заголовке"),
    "unbalanced quote: the line was set aside": (
        "aanhalingsteken niet gesloten: de regel is apart gezet",
        "незакрытая кавычка: строка отложена",
    ),
    "Note: {note}": ("Let op: {note}", "Примечание: {note}"),
    "the column mixes day-first and month-first dates; the minority does not parse": (
        "de kolom mengt dag-eerst en maand-eerst; de minderheid wordt niet gelezen",
        "в столбце смешаны форматы день-месяц и месяц-день; меньшинство не прочитано",
    ),
    "every date reads both day-first and month-first; chose day-first from the file's conventions (override with --date-format)": (
        "elke datum is zowel dag-eerst als maand-eerst te lezen; gekozen voor dag-eerst op basis van het bestand "
        "(wijzig met --date-format)",
        "каждую дату можно прочитать и как день-месяц, и как месяц-день; выбран день-месяц по оформлению файла "
        "(изменить: --date-format)",
    ),
    "every date reads both day-first and month-first; chose month-first (US style) from the file's conventions (override with --date-format)": (
        "elke datum is zowel dag-eerst als maand-eerst te lezen; gekozen voor maand-eerst (Amerikaans) op basis van "
        "het bestand (wijzig met --date-format)",
        "каждую дату можно прочитать и как день-месяц, и как месяц-день; выбран месяц-день (американский) по "
        "оформлению файла (изменить: --date-format)",
    ),
    "comma": ("komma", "запятая"),
    "semicolon": ("puntkomma", "точка с запятой"),
    "tab": ("tab", "табуляция"),
    "pipe": ("verticale streep", "вертикальная черта"),
    "Kind": ("Soort", "Тип"),
    "Header": ("Kopregel", "Заголовок"),
    "Columns": ("Kolommen", "Столбцы"),
    "Dates": ("Datums", "Даты"),
    "Rows": ("Regels", "Строки"),
    "Skipped": ("Overgeslagen", "Пропущено"),
    "Rejected": ("Afgewezen", "Отклонено"),
    "Date range": ("Periode", "Период"),
    "Clients": ("Klanten", "Клиенты"),
    "Sheet": ("Werkblad", "Лист"),
    "Encoding": ("Codering", "Кодировка"),
    "Not used": ("Niet gebruikt", "Не использовано"),
    "decimal comma": ("decimale komma", "десятичная запятая"),
    "decimal point": ("decimale punt", "десятичная точка"),
    "Amounts": ("Bedragen", "Суммы"),
    "Unknown status": ("Onbekende status", "Неизвестный статус"),
    "row {row}": ("regel {row}", "строка {row}"),
    "{read} read = {used} used + {skipped} skipped + {rejected} rejected": (
        "{read} gelezen = {used} gebruikt + {skipped} overgeslagen + {rejected} afgewezen",
        "{read} прочитано = {used} использовано + {skipped} пропущено + {rejected} отклонено",
    ),
    "{reason}: {n} (rows {rows})": ("{reason}: {n} (regels {rows})", "{reason}: {n} (строки {rows})"),
    "delimiter": ("scheidingsteken", "разделитель"),
    "(e.g. {example})": ("(bijv. {example})", "(напр. {example})"),
    "{path}: unknown status values counted as completed: {values}": (
        "{path}: onbekende statuswaarden geteld als afgerond: {values}",
        "{path}: неизвестные статусы считаются выполненными: {values}",
    ),
    "{path}: {n} rows rejected ({reason}): rows {rows}": (
        "{path}: {n} regels afgewezen ({reason}): regels {rows}",
        "{path}: {n} строк отклонено ({reason}): строки {rows}",
    ),
    "Candidates": ("Kandidaten", "Кандидаты"),
    "Their revenue": ("Hun omzet", "Их выручка"),
    "Client": ("Klant", "Клиент"),
    "Last visit": ("Laatste bezoek", "Последний визит"),
    "Visits": ("Bezoeken", "Визиты"),
    "Revenue": ("Omzet", "Выручка"),
    "Note": ("Opmerking", "Примечание"),
    "booked {date}, cancelled": ("geboekt {date}, geannuleerd", "запись {date}, отменена"),
    "Clients not seen for {inactive} (last visit before {cutoff}), as of {as_of}": (
        "Klanten niet gezien in {inactive} (laatste bezoek vóór {cutoff}), per {as_of}",
        "Клиенты, которых не было {inactive} (последний визит до {cutoff}), на {as_of}",
    ),
    "booked {date}, did not come": ("geboekt {date}, niet verschenen", "запись {date}, не пришёл(ла)"),
    "{n} of {register} clients in the register ({share})": (
        "{n} van {register} klanten in het klantenbestand ({share})",
        "{n} из {register} клиентов в базе ({share})",
    ),
    "{recent} in the last 12 months · {total} in total": (
        "{recent} in de laatste 12 maanden · {total} in totaal",
        "{recent} за последние 12 месяцев · {total} всего",
    ),
    "… and {n} more: write them all with --out FILE": (
        "… en nog {n}: schrijf ze allemaal weg met --out BESTAND",
        "… и ещё {n}: полный список — с --out ФАЙЛ",
    ),
    "Dry run: nothing was written. --out FILE writes the removal list; --keep-out FILE writes a cleaned copy of the export.": (
        "Proefdraai: er is niets geschreven. --out BESTAND schrijft de verwijderlijst; --keep-out BESTAND schrijft "
        "een opgeschoonde kopie van de export.",
        "Пробный запуск: ничего не записано. --out ФАЙЛ сохранит список на удаление; --keep-out ФАЙЛ сохранит "
        "очищенную копию выгрузки.",
    ),
    "{path}: {rows} rows = {kept} kept + {removed} removed": (
        "{path}: {rows} regels = {kept} behouden + {removed} verwijderd",
        "{path}: {rows} строк = {kept} оставлено + {removed} удалено",
    ),
    "Wrote {files}. The input files were not changed.": (
        "Geschreven: {files}. De invoerbestanden zijn niet gewijzigd.",
        "Записано: {files}. Исходные файлы не изменены.",
    ),
    "A": ("A-klant", "A-клиенты"),
    "B": ("B-klant", "B-клиенты"),
    "C": ("C-klant", "C-клиенты"),
    "new": ("nieuw", "новые"),
    "lost": ("verloren", "потерянные"),
    "returning": ("terugkerend", "возвращаются"),
    "Files": ("Bestanden", "Файлы"),
    "Period": ("Periode", "Период"),
    "As of": ("Peildatum", "На дату"),
    "Bookings": ("Afspraken", "Записи"),
    "Segment": ("Groep", "Группа"),
    "Share": ("Aandeel", "Доля"),
    "Revenue\nshare": ("Aandeel\nomzet", "Доля\nвыручки"),
    "Visits per\nclient": ("Bezoeken\nper klant", "Визитов\nна клиента"),
    "Average\nticket": ("Gem.\nbon", "Средний\nчек"),
    "Contact": ("Contact", "Контакт"),
    "Days overdue": ("Dagen over tijd", "Дней просрочки"),
    "salon-segment analysis": ("salon-segment analyse", "анализ salon-segment"),
    "Client segments": ("Klantgroepen", "Группы клиентов"),
    "Top clients: total spent": ("Beste klanten: totaal besteed", "Лучшие клиенты: всего потрачено"),
    "Call this week: {n} clients overdue by their own rhythm": (
        "Deze week bellen: {n} klanten over hun eigen ritme heen",
        "Позвонить на этой неделе: {n} клиентов пропустили свой обычный ритм",
    ),
    "Nobody is overdue by their own rhythm.": (
        "Niemand is over zijn eigen ritme heen.",
        "Никто не пропустил свой обычный ритм.",
    ),
    "Rules: lost = no visit for {lost} months · new = under {new} visits · regular = a visit in {active} of the last {window} months · A = regular with products on ≥{share} of visits · overdue = {factor}× own usual interval.": (
        "Regels: verloren = {lost} maanden geen bezoek · nieuw = minder dan {new} bezoeken · vast = bezoek in "
        "{active} van de laatste {window} maanden · A = vast en producten bij ≥{share} van de bezoeken · "
        "over tijd = {factor}× het eigen gebruikelijke interval.",
        "Правила: потерянные = нет визитов {lost} мес. · новые = меньше {new} визитов · постоянные = визит в "
        "{active} из последних {window} мес. · A = постоянные, покупают уход в ≥{share} визитов · "
        "просрочка = {factor}× обычного интервала клиента.",
    ),
    "Not available from a client list": ("Niet beschikbaar uit een klantenlijst", "Недоступно по списку клиентов"),
    "Cherish: reward loyalty, keep them close, first to hear of news.": (
        "Koesteren: trouw belonen, dichtbij houden, als eerste exclusieve aanbiedingen.",
        "Беречь и благодарить: бонусы за верность, особое внимание, первыми узнают о новинках.",
    ),
    "Advise home care: recommend the products that suit their treatment.": (
        "Thuisverzorgingsadvies: raad de producten aan die bij hun behandeling passen.",
        "Советовать домашний уход: подобрать средства к их процедурам.",
    ),
    "Invite back on a rhythm: propose a fixed next appointment.": (
        "Vast afspraakritme voorstellen: plan de volgende afspraak meteen in.",
        "Предложить постоянный ритм: сразу записать на следующий визит.",
    ),
    "Make them regulars within 3 visits: book the next visit before they leave.": (
        "Binnen 3 bezoeken tot vaste klant maken: boek de volgende afspraak voordat ze weggaan.",
        "Сделать постоянными за 3 визита: записать на следующий визит, пока клиент в салоне.",
    ),
    "Call them, ask why, and invite them back.": (
        "Terugbellen, vragen waarom, en opnieuw uitnodigen.",
        "Позвонить, узнать причину и пригласить снова.",
    ),
    "Active, 3+ visits; export visit history to split them into A, B and C.": (
        "Actief, 3+ bezoeken; exporteer de bezoekhistorie om ze in A, B en C te verdelen.",
        "Активные, 3+ визита; выгрузите историю визитов, чтобы разделить их на A, B и C.",
    ),
    "{clients} with a visit · {visits} visits · revenue {revenue}": (
        "{clients} met een bezoek · {visits} bezoeken · omzet {revenue}",
        "{clients} с визитами · {visits} визитов · выручка {revenue}",
    ),
    "{read} read · {used} used · {skipped} skipped · {rejected} rejected": (
        "{read} gelezen · {used} gebruikt · {skipped} overgeslagen · {rejected} afgewezen",
        "{read} прочитано · {used} использовано · {skipped} пропущено · {rejected} отклонено",
    ),
    "{no_shows} no-shows · {cancellations} cancellations · {upcoming} upcoming": (
        "{no_shows} niet verschenen · {cancellations} geannuleerd · {upcoming} gepland",
        "{no_shows} неявок · {cancellations} отмен · {upcoming} предстоящих",
    ),
    "Who carries the salon: total spent, {revenue}": (
        "Wie draagt de salon: totaal besteed, {revenue}",
        "Кто держит салон: всего потрачено {revenue}",
    ),
    "Who carries the salon: last {months} months, revenue {revenue}": (
        "Wie draagt de salon: laatste {months} maanden, omzet {revenue}",
        "Кто держит салон: последние {months} мес., выручка {revenue}",
    ),
    "Top clients: last {months} months": ("Beste klanten: laatste {months} maanden", "Лучшие клиенты: последние {months} мес."),
    "… and {n} more: write them all with --clients-out FILE": (
        "… en nog {n}: schrijf ze allemaal weg met --clients-out BESTAND",
        "… и ещё {n}: полный список — с --clients-out ФАЙЛ",
    ),
    "No client has revenue in the last {months} months.": (
        "Geen enkele klant heeft omzet in de laatste {months} maanden.",
        "Ни у одного клиента нет выручки за последние {months} мес.",
    ),
    "Top {share} of clients ({top} of {n}) bring {revenue_share} of revenue.": (
        "De beste {share} van de klanten ({top} van {n}) brengt {revenue_share} van de omzet.",
        "Лучшие {share} клиентов ({top} из {n}) приносят {revenue_share} выручки.",
    ),
    "{target} of revenue comes from {client_share} of clients ({k}).": (
        "{target} van de omzet komt van {client_share} van de klanten ({k}).",
        "{target} выручки приносят {client_share} клиентов ({k}).",
    ),
    "Gini {gini} (0 = everyone spends the same, 1 = one client brings all).": (
        "Gini {gini} (0 = iedereen besteedt evenveel, 1 = één klant brengt alles).",
        "Джини {gini} (0 = все тратят поровну, 1 = всё приносит один клиент).",
    ),
    "From a client list: Pareto on total spent, lost on the last visit, new on fewer than {new} visits{ab}. Regularity, C, the call list, no-shows and cancellations need visit history: export appointments or sales per visit to see them.": (
        "Uit een klantenlijst: Pareto op totaal besteed, verloren op het laatste bezoek, nieuw bij minder dan {new} "
        "bezoeken{ab}. Regelmaat, C, de bellijst, niet verschenen en annuleringen hebben de bezoekhistorie nodig: "
        "exporteer afspraken of verkopen per bezoek om ze te zien.",
        "По списку клиентов: Парето по сумме покупок, потерянные — по последнему визиту, новые — меньше {new} "
        "визитов{ab}. Регулярность, C, список обзвона, неявки и отмены требуют истории визитов: выгрузите записи "
        "или продажи по визитам.",
    ),
    "Not seen for {inactive} (since {cutoff}): {n} clients, {total} revenue in total; review them with salon-segment prune.": (
        "Niet gezien in {inactive} (sinds {cutoff}): {n} klanten, {total} omzet in totaal; bekijk ze met "
        "salon-segment prune.",
        "Не приходили {inactive} (с {cutoff}): {n} клиентов, всего {total} выручки; проверьте их через "
        "salon-segment prune.",
    ),
    ", A/B on product spend": (", A/B op productaankopen", ", A/B — по покупкам ухода"),
    "{n} months": ("{n} maanden", "{n} мес."),
    "{n} weeks": ("{n} weken", "{n} нед."),
    "{n} days": ("{n} dagen", "{n} дн."),
    "--excel needs a path ending in .xlsx, got {path}": ("--excel heeft een pad op .xlsx nodig, kreeg {path}", "для --excel нужен путь с .xlsx, получено {path}"),
    "Clients per segment": ("Klanten per groep", "Клиенты по группам"),
    "Pareto curve: cumulative share of revenue by share of clients": ("Paretocurve: cumulatief aandeel omzet per aandeel klanten", "Кривая Парето: накопленная доля выручки по доле клиентов"),
    "Share of clients": ("Aandeel klanten", "Доля клиентов"),
    "Share of revenue": ("Aandeel omzet", "Доля выручки"),
    "Phone": ("Telefoon", "Телефон"),
    "E-mail": ("E-mail", "E-mail"),
    "First visit": ("Eerste bezoek", "Первый визит"),
    "Product revenue": ("Productomzet", "Выручка от товаров"),
    "Revenue 12 months": ("Omzet 12 maanden", "Выручка за 12 мес."),
    "Visits 12 months": ("Bezoeken 12 maanden", "Визиты за 12 мес."),
    "Usual interval (days)": ("Gebruikelijk interval (dagen)", "Обычный интервал (дни)"),
    "Active months of 6": ("Actieve maanden van 6", "Активных месяцев из 6"),
    "Expected next visit": ("Verwacht volgend bezoek", "Ожидаемый визит"),
    "No-shows": ("Niet verschenen", "Неявки"),
    "Cancellations": ("Annuleringen", "Отмены"),
    "Next booking": ("Volgende afspraak", "Следующая запись"),
    "Client key": ("Klantsleutel", "Ключ клиента"),
    "Why": ("Waarom", "Причина"),
    "Month": ("Maand", "Месяц"),
    "Active clients": ("Actieve klanten", "Активные клиенты"),
    "New clients": ("Nieuwe klanten", "Новые клиенты"),
    "Lost clients": ("Verloren klanten", "Потерянные клиенты"),
    "Revenue per client": ("Omzet per klant", "Выручка на клиента"),
    "Summary": ("Overzicht", "Сводка"),
    "Upcoming bookings": ("Geplande afspraken", "Предстоящие записи"),
    "Top 20% of clients bring": ("Beste 20% van de klanten brengt", "Лучшие 20% клиентов приносят"),
    "Share of clients for 80% of revenue": ("Aandeel klanten voor 80% van de omzet", "Доля клиентов, дающих 80% выручки"),
    "Gini": ("Gini", "Джини"),
    "Revenue share": ("Aandeel omzet", "Доля выручки"),
    "Visits per client": ("Bezoeken per klant", "Визитов на клиента"),
    "Average ticket": ("Gemiddelde bon", "Средний чек"),
    "Approach": ("Aanpak", "Что делать"),
    "Call list": ("Bellijst", "Обзвон"),
    "Trend": ("Trend", "Динамика"),
    "Active and new clients per month": ("Actieve en nieuwe klanten per maand", "Активные и новые клиенты по месяцам"),
    "Prune": ("Opschonen", "Чистка базы"),
    "About": ("Over", "Об отчёте"),
    "File": ("Bestand", "Файл"),
    "Rows read": ("Regels gelezen", "Строк прочитано"),
    "Used": ("Gebruikt", "Использовано"),
    "Not seen for (prune)": ("Niet gezien in (opschonen)", "Не приходили (чистка)"),
    "Prune candidates": ("Kandidaten om op te schonen", "Кандидаты на удаление"),
    "Who carries the salon": ("Wie draagt de salon", "Кто держит салон"),
    "Tool version": ("Versie", "Версия"),
    "Rules": ("Regels", "Правила"),
    "overdue by own rhythm": ("over eigen ritme heen", "пропустил свой ритм"),
    "recently lost regular": ("vaste klant, net verloren", "недавно потерянный постоянный"),
    "Window": ("Periode", "Период"),
    "Active": ("Actief", "Активные"),
    "Spend per client": ("Besteding per klant", "Траты на клиента"),
    "New": ("Nieuw", "Новые"),
    "Return in 90 d": ("Terug binnen 90 d", "Вернулись за 90 дн."),
    "this command needs visit history; the input holds only client lists.": ("deze opdracht heeft bezoekhistorie nodig; de invoer bevat alleen klantenlijsten.", "этой команде нужна история визитов; во входных данных только списки клиентов."),
    "Staff: last {period}, as of {as_of}": ("Medewerkers: laatste {period}, per {as_of}", "Сотрудники: последние {period}, на {as_of}"),
    "Services, as of {as_of}": ("Behandelingen, per {as_of}", "Услуги на {as_of}"),
    "no client matches that search; try part of the name, the e-mail or the phone.": ("geen klant gevonden; probeer een deel van de naam, het e-mailadres of de telefoon.", "клиент не найден; попробуйте часть имени, e-mail или телефон."),
    "Where clients come from": ("Waar klanten vandaan komen", "Откуда приходят клиенты"),
    "--out goes with --list CATEGORY": ("--out hoort bij --list CATEGORIE", "--out используется вместе с --list КАТЕГОРИЯ"),
    "Regulars who never used {category}: {n}": ("Vaste klanten die nooit {category} namen: {n}", "Постоянные клиенты, ни разу не бравшие «{category}»: {n}"),
    "--compare-from must be before as_of": ("--compare-from moet vóór de peildatum liggen", "--compare-from должна быть раньше даты анализа"),
    "Never came back after visit number …": ("Nooit teruggekomen na bezoek nummer …", "Не вернулись после визита номер …"),
    "{n} clients match; narrow the search": ("{n} klanten gevonden; maak de zoekterm specifieker", "Найдено клиентов: {n}; уточните поиск"),
    "Seasonality is not removed: compare with the same months of an earlier year.": ("Seizoensinvloed is niet verwijderd: vergelijk met dezelfde maanden van een eerder jaar.", "Сезонность не учтена: сравните с теми же месяцами прошлого года."),
    "Per {period}": ("Per {period}", "По периодам: {period}"),
    "Before and after {date}": ("Voor en na {date}", "До и после {date}"),
    "month": ("maand", "месяц"),
    "quarter": ("kwartaal", "квартал"),
    "Monday": ("maandag", "понедельник"),
    "Tuesday": ("dinsdag", "вторник"),
    "Wednesday": ("woensdag", "среда"),
    "Thursday": ("donderdag", "четверг"),
    "Friday": ("vrijdag", "пятница"),
    "Saturday": ("zaterdag", "суббота"),
    "Sunday": ("zondag", "воскресенье"),
    "Staff": ("Medewerker", "Сотрудник"),
    "Retail": ("Producten", "Товары"),
    "First-visit clients": ("Klanten eerste bezoek", "Клиенты первого визита"),
    "Back within 90 days": ("Terug binnen 90 dagen", "Вернулись за 90 дней"),
    "Rebooked": ("Herboekt", "Записались снова"),
    "Regulars": ("Vaste klanten", "Постоянные"),
    "Lost clients who followed": ("Verloren klanten die meegingen", "Ушедшие вслед клиенты"),
    "Last working day": ("Laatste werkdag", "Последний рабочий день"),
    "Category": ("Categorie", "Категория"),
    "Share A": ("Aandeel A", "Доля A"),
    "Share B": ("Aandeel B", "Доля B"),
    "Share C": ("Aandeel C", "Доля C"),
    "Regulars who never used it": ("Vaste klanten die het nooit namen", "Постоянные, ни разу не бравшие"),
    "Source": ("Herkomst", "Источник"),
    "First-year revenue": ("Omzet eerste jaar", "Выручка за первый год"),
    "Still active": ("Nog actief", "Ещё активны"),
    "Load": ("Drukte", "Загрузка"),
    "Services": ("Behandelingen", "Услуги"),
    "Sources": ("Herkomst", "Источники"),
    "Visits by weekday and hour": ("Bezoeken per weekdag en uur", "Визиты по дням недели и часам"),
    "Mon": ("ma", "пн"),
    "Tue": ("di", "вт"),
    "Wed": ("wo", "ср"),
    "Thu": ("do", "чт"),
    "Fri": ("vr", "пт"),
    "Sat": ("za", "сб"),
    "Sun": ("zo", "вс"),
    "Back in\n90 days": ("Terug in\n90 dagen", "Вернулись\nза 90 дн."),
    "Re-\nbooked": ("Her-\nboekt", "Снова\nзаписаны"),
    "Lost,\nfollowed": ("Verloren,\nmeegegaan", "Ушли\nвслед"),
    "Regulars\nnever": ("Vaste klant\nnooit", "Постоянные\nни разу"),
    "Lost": ("Verloren", "Потеряны"),
    "Per client": ("Per klant", "На клиента"),
    "Visit": ("Bezoek", "Визит"),
    "Never back": ("Nooit terug", "Не вернулись"),
    "Churn": ("Uitval", "Отток"),
    "Date": ("Datum", "Дата"),
    "Treatments and products": ("Behandelingen en producten", "Услуги и товары"),
    "Spent": ("Besteed", "Потрачено"),
    "Rhythm": ("Ritme", "Ритм"),
    "Habits": ("Gewoonten", "Привычки"),
    "Uses": ("Neemt", "Пользуется"),
    "Never used": ("Nooit genomen", "Ни разу не брал(а)"),
    "Last visits": ("Laatste bezoeken", "Последние визиты"),
    "… and {n} more (use --format json)": ("… en nog {n} (gebruik --format json)", "… и ещё {n} (используйте --format json)"),
    "Quietest open slots: {slots}": ("Rustigste open momenten: {slots}", "Самые свободные часы: {slots}"),
    "{visits} ({first} – {last})": ("{visits} ({first} – {last})", "{visits} ({first} – {last})"),
    "{total} in total · {per_visit} per visit · services {services} · products {products}": ("{total} in totaal · {per_visit} per bezoek · behandelingen {services} · producten {products}", "всего {total} · {per_visit} за визит · услуги {services} · товары {products}"),
    "every {days} days · next visit expected {expected} · {overdue} days overdue": ("elke {days} dagen · volgend bezoek verwacht {expected} · {overdue} dagen over tijd", "раз в {days} дн. · следующий визит ожидается {expected} · просрочка {overdue} дн."),
    "usually with {staff} · on {weekday} around {hour}": ("meestal bij {staff} · op {weekday} rond {hour}", "обычно к мастеру {staff} · в {weekday} около {hour}"),
    "{no_shows} no-shows · {cancellations} cancellations · next booking {next}": ("{no_shows} keer niet verschenen · {cancellations} geannuleerd · volgende afspraak {next}", "неявок: {no_shows} · отмен: {cancellations} · следующая запись {next}"),
    "no visit for more than {lost} months": ("meer dan {lost} maanden geen bezoek", "нет визитов больше {lost} мес."),
    "fewer than {new} visits": ("minder dan {new} bezoeken", "меньше {new} визитов"),
    "a visit in {active} of the last {window} months, products on {share} of them": ("bezoek in {active} van de laatste {window} maanden, producten bij {share} ervan", "визиты в {active} из последних {window} мес., товары в {share} из них"),
    "a visit in {active} of the last {window} months, few products": ("bezoek in {active} van de laatste {window} maanden, weinig producten", "визиты в {active} из последних {window} мес., мало товаров"),
    "visits, but not every month": ("komt, maar niet elke maand", "приходит, но не каждый месяц"),
    "known, never visited": ("bekend, nooit geweest", "в базе, но ни разу не был(а)"),
    "Reading {n} file(s)…": ("{n} bestand(en) lezen…", "Чтение файлов: {n}…"),
    "Writing {path}…": ("{path} schrijven…", "Запись {path}…"),
    "never visited": ("nooit geweest", "ни разу не были"),
    "under 1 y": ("minder dan 1 j", "меньше 1 г."),
    "1–2 y": ("1–2 j", "1–2 г."),
    "2–3 y": ("2–3 j", "2–3 г."),
    "3–5 y": ("3–5 j", "3–5 лет"),
    "5 y+": ("5+ j", "5+ лет"),
}  # fmt: skip


def main() -> int:
    for position, lang in enumerate(("nl", "ru")):
        path = LOCALE / f"{lang}.po"
        with path.open("rb") as handle:
            catalogue = read_po(handle)
        for message in catalogue:
            if message.id and message.id in T:
                message.string = T[message.id][position]
        with path.open("wb") as handle:
            write_po(handle, catalogue, width=120, sort_output=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
