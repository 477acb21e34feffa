import pytest

from agents.extract.figures import INJURED, KILLED, figures, number_value


@pytest.mark.parametrize("text, value", [
    ("4", 4), ("1,200", 1200), ("four", 4), ("Twenty-one", 21), ("a hundred and twelve", 112),
    ("two thousand", 2000), ("a dozen", 12), ("three dozen", 36),
])
def test_number_values(text, value):
    assert number_value(text) == value


def _read(sentence):
    return [(f.kind, f.value, f.low, f.high, f.qualifier) for f in figures(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("Four killed and nine wounded as Kharkiv hit by air and rocket strikes",
     [(KILLED, 4, 4, 4, None), (INJURED, 9, 9, 9, None)]),
    ("At least four people have been killed and nine wounded in Kharkiv",
     [(KILLED, 4, 4, None, "at least"), (INJURED, 9, 9, 9, None)]),
    ("Some 21 people died and a further 112 were wounded in the last 24 hours",
     [(KILLED, 21, None, None, "about"), (INJURED, 112, 112, 112, "a further")]),
    ("A missile strike killed four people and wounded eight overnight",
     [(KILLED, 4, 4, 4, None), (INJURED, 8, 8, 8, None)]),
    ("Missile strike on Odesa port kills two, injures eight",
     [(KILLED, 2, 2, 2, None), (INJURED, 8, 8, 8, None)]),
    ("More than 30 people were injured", [(INJURED, 30, 31, None, "more than")]),
    ("Up to 15 civilians may have died", [(KILLED, 15, None, 15, "up to")]),
])
def test_casualty_figures(sentence, expected):
    assert _read(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Every fourth person in Kharkiv has relatives in the Russian Federation.",
    "A 40-mile convoy is snaking its way towards Kyiv with around 15,000 soldiers estimated to be in tow.",
    "Read more: Chechen assassins who plotted to kill President Zelenskyy 'eliminated'",
    "A 12-year-old was shot at about 6 p.m. and was hurt.",
    "The shooting in 2019 left residents hurt and angry.",
    "No one was hurt in the fire.",
    "The city paid $5 million to families of those killed.",
])
def test_not_casualty_figures(sentence):
    assert _read(sentence) == []
