"""Event dates follow the narrative, and article tolls reach the attack (real spaCy model)."""
from __future__ import annotations

from datetime import date

import pytest

from sitroom.extract import Extractor
from sitroom.records import Article, Event

FRI = date(2020, 1, 10)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def events(extractor: Extractor, title: str, body: str, on: date) -> list[Event]:
    text = f"{title}\n\n{body}"
    article = Article(id="t", date=on, title=title, text=text, source=None, origin="<test>")
    return list(extractor.from_doc(extractor.nlp(text), article).events)


def by_text(found: list[Event], words: str) -> Event:
    return next(e for e in found if words in e.evidence.text)


def test_reference_time_carries_to_undated_past_sentences(extractor: Extractor) -> None:
    found = events(extractor, "Police arrest opposition leader in Nairobi",
                   "Late on Tuesday, Kenyan police arrested opposition leader John Mwangi in "
                   "Nairobi. The arrest was condemned by the European Union.\n\nThe Kenyan "
                   "government has called for calm.", FRI)
    arrest = by_text(found, "Late on Tuesday")
    assert (arrest.date, arrest.date_precision) == (date(2020, 1, 7), "day")
    # told in the past with no date of its own: the reference time the text set
    assert by_text(found, "condemned").date == date(2020, 1, 7)
    # the present perfect is news of the day: the article date
    assert by_text(found, "called for calm").date == FRI


def test_headline_takes_the_leads_date(extractor: Extractor) -> None:
    found = events(extractor, "Kenya protests",
                   "On Monday, Kenyan police fired tear gas at protesters in Nairobi.", FRI)
    headline = [e for e in found if e.evidence.start < len("Kenya protests")]
    assert headline and all(e.date == date(2020, 1, 6) for e in headline)


def test_anaphoric_dates_count_from_the_narrative(extractor: Extractor) -> None:
    found = events(extractor, "Clashes in Nairobi",
                   "On Monday, Kenyan police fired tear gas at protesters in Nairobi.\n\n"
                   "Earlier that day, Kenyan opposition supporters marched through the capital. "
                   "Two days later, the government banned the rallies.", FRI)
    assert by_text(found, "Earlier that day").date == date(2020, 1, 6)
    assert by_text(found, "Two days later").date == date(2020, 1, 8)


def test_article_tolls_reach_the_attack(extractor: Extractor) -> None:
    """One named victim, "12 other people also died" (added), "30 more were wounded"; a
    background attack's toll stays out."""
    found = events(extractor, "Taliban kill police commander in Kandahar",
                   "Taliban militants killed a police commander in Kandahar on Sunday. At least "
                   "12 other people also died in the blast, and 30 more were wounded.\n\n"
                   "Afghan officials said the Taliban had killed 40 soldiers in Helmand in "
                   "August 2018.", date(2020, 1, 8))
    attack = by_text(found, "killed a police commander")
    assert attack.quantities == {"dead": 13, "injured": 30}
    assert attack.date == date(2020, 1, 5)


def test_a_crowd_toll_is_not_a_shot_at_one_person(extractor: Extractor) -> None:
    """The day's "66 injured" belongs to the riot, not to the shot at one protester; a figure
    of the arrests' own sentence is not the riot's."""
    found = events(extractor, "Police shoot protester in Hong Kong",
                   "Police fired and landed a live round on a protester on Thursday.\n\n"
                   "Protesters threw bricks and petrol bombs at police in Mong Kok on Thursday. "
                   "Police arrested 80 people overnight.\n\n"
                   "Sixty-six people were injured on Thursday according to health officials.",
                   date(2020, 1, 10))
    shot = by_text(found, "live round")
    assert (shot.type, shot.quantities) == ("ASSAULT", {"injured": 1})
    riot = by_text(found, "petrol bombs")
    assert (riot.type, riot.mode) == ("PROTEST", "riot")
    assert riot.quantities == {"injured": 66}


def test_other_victims_are_the_same_attack(extractor: Extractor) -> None:
    """"killed 11 peacekeepers and injured at least 15 others" is one attack with both tolls,
    not a second attack on "others"."""
    found = events(extractor, "Suicide bombers kill peacekeepers in Somalia",
                   "On Sunday, suicide bombers killed 11 Burundian peacekeepers in Mogadishu and "
                   "injured at least 15 others.", date(2009, 2, 24))
    attacks = [e for e in found if e.type == "ASSAULT" and "On Sunday" in e.evidence.text]
    assert len(attacks) == 1
    assert attacks[0].recipient is not None and "peacekeepers" in attacks[0].recipient.text
    assert attacks[0].quantities == {"dead": 11, "injured": 15}


def test_he_in_a_quotation_is_not_its_speaker(extractor: Extractor) -> None:
    """'X said: "... he fired a shot at the attacker"': X would say "I"; outside the quotation
    "he" still takes up the speaker."""
    found = events(extractor, "Police shoot protester",
                   'Police spokesman John Lee said at a press conference: "The officers were '
                   'threatened. To save his colleagues, he fired a live shot at the attacker."\n\n'
                   "Kenyan police commander Peter Otieno said he would meet the protest "
                   "leaders on Friday.", FRI)
    assert not any(e.actor.text.endswith("John Lee") for e in found if e.type == "ASSAULT")
    meet = by_text(found, "would meet")
    assert meet.actor.text.endswith("Peter Otieno")


def test_a_month_old_only_at_its_start_is_news(extractor: Extractor) -> None:
    """"last month" in a January 1 article may be December 31: not known to be background;
    "in August 1998" is."""
    found = events(extractor, "Kurds flee to Germany",
                   "Some 800,000 Iraqi Kurds sought refuge in Germany last month.\n\n"
                   "Turkish troops attacked Kurdish villages in August 1998.", date(2000, 1, 1))
    sought = by_text(found, "sought refuge")
    assert (sought.date, sought.date_precision) == (date(1999, 12, 1), "month")
    assert not any("August 1998" in e.evidence.text for e in found)


def test_a_period_toll_is_not_the_attacks(extractor: Extractor) -> None:
    """A toll's sentence is background by its date's first day, not latest_day: "Eight
    soldiers have died this month" (from August 1, told on the 27th) counts more than the
    attack; the day's "Two soldiers died on Saturday" is its toll."""
    period = events(extractor, "Taliban attack British patrol",
                    "Taliban insurgents attacked a British patrol in Helmand on Saturday.\n\n"
                    "Eight British soldiers have died in Afghanistan this month.",
                    date(2006, 8, 27))
    assert by_text(period, "attacked a British patrol").quantities == {}
    day = events(extractor, "Taliban attack British patrol",
                 "Taliban insurgents attacked a British patrol in Helmand on Saturday.\n\n"
                 "Two British soldiers died on Saturday.", date(2006, 8, 27))
    assert by_text(day, "attacked a British patrol").quantities == {"dead": 2}


def test_a_participants_date_that_may_be_old_does_not_date_the_event(
        extractor: Extractor) -> None:
    """A date describing a participant is skipped when its first day is old ("won elections
    in March", told on April 11, though March 31 is recent); a recent one still dates it."""
    text = ("Acting Prime Minister Ehud Olmert, whose Kadima party won parliamentary elections "
            "{}, met Labor leader Amir Peretz.")
    march = events(extractor, "Olmert in coalition talks", text.format("in March"),
                   date(2006, 4, 11))
    assert by_text(march, "met Labor").date == date(2006, 4, 11)
    week = events(extractor, "Olmert in coalition talks", text.format("last week"),
                  date(2006, 4, 11))
    assert by_text(week, "met Labor").date == date(2006, 4, 4)


def test_relative_times_in_a_quotation_count_from_the_statement(extractor: Extractor) -> None:
    """The guide: inside a quotation, "yesterday" and "last night" count from the statement's
    date, not the article's (Friday's article; the minister spoke on Monday)."""
    found = events(extractor, "Strike on a base",
                   "\"Israeli troops struck the base last night,\" the minister said on Monday. "
                   "The army said on Wednesday: \"Israeli troops raided the camp yesterday.\" "
                   "\"Israeli troops shelled the port yesterday,\" a spokesman said.", FRI)
    assert by_text(found, "struck").date == date(2020, 1, 5)
    assert by_text(found, "raided").date == date(2020, 1, 7)
    # no statement date: the article's
    assert by_text(found, "shelled").date == date(2020, 1, 9)
