"""Language identification, and Ukrainian and Russian copy read into the same claims as English."""

import pytest

from agents.extract.core import extract
from agents.extract.figures import INJURED, KILLED
from agents.extract.language import SAMPLE_CHARS, _detector, article_language, identify, plainly_english
from agents.extract.slavic import figures
from agents.pipeline import LocalRun
from streams.inputs import read_messages
from streams.records import Article
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.mark.parametrize("text, code", [
    ("Three people were killed in a missile strike on Kharkiv, the mayor said.", "en"),
    ("Унаслідок ракетного удару по Харкову загинули троє людей, повідомив мер.", "uk"),
    ("В результате ракетного удара по Харькову погибли три человека, сообщил мэр.", "ru"),
    ("Trois personnes ont été tuées dans une frappe de missile sur Kharkiv, a dit le maire.", "fr"),
    ("On 10 March 2024, Russian forces shelled Huliaipole, Zaporizhia. A house was set on fire.", "en"),
    ("Tre persone sono state uccise e cinque ferite in un attacco missilistico su Kharkiv, ha detto il sindaco.", "it"),
    ("", "und"),
])
def test_the_language_of_a_text_is_identified(text, code):
    assert identify(text) == code


def _english_windows():
    """500-character windows of the English wire copy among the fixtures and seeds."""
    texts = [(ROOT / "seeds" / "kharkiv-2022-03-02.txt").read_text()]
    texts += [line for path in (FIXTURES / "wire_copy.jsonl", ROOT / "seeds" / "wire-samples.jsonl")
              for line in path.read_text().splitlines()]
    return [text[start:start + SAMPLE_CHARS] for text in texts for start in range(0, len(text), 120)]


def test_what_is_taken_for_plainly_english_the_detector_takes_for_english():
    plain = [sample for sample in _english_windows() if plainly_english(sample)]
    assert len(plain) > 20
    assert {_detector().detect_language_of(sample).iso_code_639_1.name for sample in plain} == {"EN"}


@pytest.mark.parametrize("text", [
    # Dutch, in ASCII letters, with the words it shares with English and an English quote.
    "Bij een aanval op het dorp was een man gedood en had de politie nog geen verdachte. Of de "
    "aanslag met de oorlog te maken had, was niet duidelijk. De burgemeester zei dat het dorp in "
    "shock was: 'the town is in mourning', schreef hij op sociale media, en er was een wake.",
    # French without its accents, with "on".
    "On ne sait pas encore combien de personnes sont mortes dans l'attaque de la nuit, mais on "
    "compte au moins trois blesses dans la ville selon le maire, qui a dit que la police etait sur "
    "place et que les secours continuaient a chercher des survivants dans les decombres.",
    # German, which writes "was".
    "Was in der Nacht genau passiert ist, weiss die Polizei noch nicht. Drei Menschen wurden "
    "verletzt, einer davon schwer, sagte ein Sprecher am Morgen in der Stadt. Die Ermittlungen "
    "dauern an, und die Strasse bleibt bis zum Abend gesperrt, was viele Anwohner aergert.",
])
def test_other_languages_in_ascii_letters_are_left_to_the_detector(text):
    assert not plainly_english(text[:SAMPLE_CHARS])


def test_a_declared_language_is_kept_and_a_bogus_one_ignored():
    assert article_language("en-US", "Загинули троє людей.") == "en"
    assert article_language("not a language!", "Загинули троє людей у Харкові.") == "uk"


def _claims(path):
    run = LocalRun()
    for message in read_messages([path]):
        run.feed(message)
    by_article = {}
    for report in run.reports.values():
        by_article.setdefault(report.article_id, []).append(
            (report.place.id, report.killed, report.injured, report.date, tuple(report.event_types)))
    return run, by_article


@pytest.mark.parametrize("fixture", ["kharkiv-odesa", "kozatske"])
def test_ukrainian_and_russian_copy_give_the_claims_of_the_english(fixture):
    run, claims = _claims(FIXTURES / f"{fixture}.jsonl")
    english = claims[f"{fixture}-en"]
    assert english and claims[f"{fixture}-uk"] == english and claims[f"{fixture}-ru"] == english
    assert {r.language for r in run.reports.values()} == {"en", "uk", "ru"}
    assert all(set(i.languages) == {"en", "uk", "ru"} for i in run.incidents.values())


def test_an_article_in_another_language_is_kept_counted_and_claims_nothing():
    article = Article(id="fr", headline="Frappe sur Kharkiv",
                      body="Trois personnes ont été tuées et cinq blessées à Kharkiv, selon le maire.",
                      published_at="2024-03-15T09:10:00+00:00")
    result = extract(article, None)
    assert result.reports == [] and result.seen.language == "fr"


def _read(sentence):
    return [(f.kind, f.value, f.low, f.high, f.qualifier) for f in figures(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("Загинули щонайменше 10 мирних жителів, 35 людей отримали поранення.",
     [(KILLED, 10, 10, None, "at least"), (INJURED, 35, 35, 35, None)]),
    ("Кількість загиблих зросла до 25, поранені 127 людей.",
     [(KILLED, 25, 25, 25, None), (INJURED, 127, 127, 127, None)]),
    ("Число погибших возросло до двадцати одного.", [(KILLED, 21, 21, 21, None)]),
    ("Погибли трое, еще пятеро ранены.", [(KILLED, 3, 3, 3, None), (INJURED, 5, 5, 5, "a further")]),
    ("Окупанти вбили двох цивільних.", [(KILLED, 2, 2, 2, None)]),
    ("Загинула жінка, поранено дитину.", [(KILLED, 1, 1, 1, None), (INJURED, 1, 1, 1, None)]),
    ("Ніхто не загинув.", [(KILLED, 0, 0, 0, None)]),
    ("Никто не пострадал.", [(INJURED, 0, 0, 0, None)]),
    ("Загиблих немає, поранених немає.", [(KILLED, 0, 0, 0, None), (INJURED, 0, 0, 0, None)]),
    ("Погибших нет.", [(KILLED, 0, 0, 0, None)]),
    ("Поранено десятки людей.", [(INJURED, 20, 20, None, "at least")]),
    ("Троє цивільних загинули, семеро отримали поранення.",
     [(KILLED, 3, 3, 3, None), (INJURED, 7, 7, 7, None)]),
    ("Двое погибли, пятеро получили ранения.", [(KILLED, 2, 2, 2, None), (INJURED, 5, 5, 5, None)]),
    # an age is one person, not a count: "a 62-year-old woman was killed"
    ("Загинула 62-річна жінка, ще троє людей поранені.",
     [(KILLED, 1, 1, 1, None), (INJURED, 3, 3, 3, "a further")]),
    ("Погиб 45-летний мужчина.", [(KILLED, 1, 1, 1, None)]),
    # a kind of casualty and its count after a dash
    ("Погибших - трое, раненых - пятеро.", [(KILLED, 3, 3, 3, None), (INJURED, 5, 5, 5, None)]),
])
def test_ukrainian_and_russian_counts_in_their_case_forms(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Окупанти обстріляли 5 населених пунктів.",
    "Ворог випустив 12 ракет по області.",
    "Він не загинув.",
])
def test_numbers_that_count_no_casualty_are_not_claimed(sentence):
    assert figures(sentence) == []


def test_a_date_beside_a_toll_is_no_count():
    assert _read("Троє людей загинули 24 лютого.") == [(KILLED, 3, 3, 3, None)]
