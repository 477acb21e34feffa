import copy
import dataclasses
import itertools
from datetime import date, timedelta

import pytest

from agents.dedupe.core import LateReport, dedupe
from streams.records import UNKNOWN_PLACE, Place, Report

KHARKIV = Place(id="geonames:706483", name="Kharkiv", country="UA")


def _report(report_id, killed=None, injured=None, *, date="2022-03-02", article="a1",
            source="Wire", period=None, open_ended=False):
    return Report(report_id=report_id, article_id=article, revision=1, place=KHARKIV, date=date,
                  killed=killed, killed_low=killed,
                  killed_high=None if open_ended else killed,
                  injured=injured, injured_low=injured, injured_high=injured,
                  period=period, source=source, published_at="2022-03-02T10:00:00+00:00")


def _fold(reports, state=None):
    emitted = []
    for report in reports:
        step = dedupe(report, state)
        state = step.state
        emitted += step.incidents
    return state, emitted


def test_headline_lede_and_official_are_one_incident():
    state, emitted = _fold([_report("h", 4, 9), _report("l", 4, 9, open_ended=True), _report("m", 4, 9)])
    assert len(state.incidents) == 1
    incident = state.incidents[0].incident
    assert (incident.killed, incident.injured, incident.revision) == (4, 9, 3)
    assert incident.killed_low == 4 and incident.killed_high is None  # "at least four"
    assert incident.report_ids == ["h", "l", "m"]
    assert [i.revision for i in emitted] == [1, 2, 3]


def test_two_outlets_are_one_incident_with_both_sources():
    state, _ = _fold([_report("a", 4, 9, source="Wire"), _report("b", 4, 9, article="a2", source="Daily")])
    incident = state.incidents[0].incident
    assert len(state.incidents) == 1
    assert incident.sources == ["Wire", "Daily"] and incident.article_ids == ["a1", "a2"]


def test_a_period_total_and_another_day_are_incidents_of_their_own():
    state, _ = _fold([_report("h", 4, 9), _report("t", 21, 112, date="2022-03-01", period="24h"),
                      _report("u", None, 6, date="2022-03-01")])
    assert sorted((i.incident.killed, i.incident.injured) for i in state.incidents) == [
        (0, 6), (4, 9), (21, 112)]


def test_a_redelivered_report_changes_nothing_and_sends_its_incident_again():
    state, first = _fold([_report("h", 4, 9), _report("l", 4, 9)])
    again, emitted = _fold([_report("h", 4, 9)], state)
    assert again == state
    assert emitted == [first[-1]]  # the incident as it is now, at its current revision


def test_a_redelivered_retraction_sends_the_incident_it_changed_again():
    state, _ = _fold([_report("h", 4, 9), _report("l", 4, 9)])
    retract_l = Report(report_id="l~2", article_id="a1", revision=2, place=KHARKIV, retracts="l")
    state, first = _fold([retract_l], state)
    again, emitted = _fold([retract_l], state)
    assert again == state and emitted == first


def test_a_withdrawn_claim_arriving_after_its_retraction_is_not_counted():
    retract_h = Report(report_id="h~2", article_id="a1", revision=2, place=KHARKIV, retracts="h")
    state, emitted = _fold([retract_h, _report("h", 4, 9)])
    assert emitted == [] and state.incidents == []


def test_the_incidents_do_not_depend_on_the_order_claims_arrive_in():
    # Conflicting figures the same day: which claim groups with which depends on who came first,
    # so claims are grouped in publication order whatever order they arrive in.
    claims = [_report("a", 4, None, article="a1"), _report("b", None, 3, article="a2"),
              _report("c", 5, 3, article="a3")]
    claims = [dataclasses.replace(c, published_at=f"2022-03-02T1{i}:00:00+00:00")
              for i, c in enumerate(claims)]
    outcomes = set()
    for order in itertools.permutations(claims):
        state, _ = _fold(list(order))
        outcomes.add(frozenset((o.incident.incident_id, o.incident.killed, o.incident.injured,
                                tuple(o.incident.report_ids)) for o in state.incidents
                               if o.incident.status == "active"))
    assert len(outcomes) == 1


def test_dedupe_leaves_the_state_it_was_given_as_it_was():
    state, _ = _fold([_report("h", 4, 9)])
    before = copy.deepcopy(state)
    _fold([_report("l", 4, 9), _report("x", 21, 112, date="2022-03-01")], state)
    assert state == before


def test_a_retraction_removes_the_claim_and_a_lone_claim_retracts_its_incident():
    state, _ = _fold([_report("h", 4, 9), _report("l", 4, 9)])
    retract_l = Report(report_id="l~2", article_id="a1", revision=2, place=KHARKIV, retracts="l")
    state, emitted = _fold([retract_l], state)
    assert emitted[0].report_ids == ["h"] and emitted[0].status == "active"
    retract_h = Report(report_id="h~2", article_id="a1", revision=2, place=KHARKIV, retracts="h")
    state, emitted = _fold([retract_h], state)
    assert emitted[0].status == "retracted" and emitted[0].killed == 0


def test_syndicated_copy_with_small_edits_corroborates_and_never_adds():
    from agents.extract.core import extract
    from streams.records import Article
    body = ("DAYTON, Ohio (Example Wire) - Three people were wounded in a shooting outside a bar "
            "on the east side early Sunday, police said. Officers found the victims after a "
            "fight spilled into the parking lot. The victims were taken to Miami Valley Hospital. "
            "Investigators were looking for a gray sedan seen leaving "
            "the area and asked anyone with video to come forward.\n\nNeighbours said the bar "
            "had been the scene of several fights this spring, and the city had asked its owner "
            "to hire more security. The owner did not return calls on Sunday. A city council "
            "member for the district said she would raise the bar's licence at the next meeting "
            "and called for more patrols on weekend nights, when crowds spill onto the street.")
    original = Article(id="wire-1", source="Example Wire", headline="Three wounded in Dayton",
                       body=body, published_at="2024-06-09T15:00:00+00:00")
    copy = Article(id="daily-7", source="Another Daily", headline="Four hurt outside Dayton bar",
                   body=body.replace("Three people were wounded", "Four people were wounded"),
                   published_at="2024-06-10T18:00:00+00:00")
    state = None
    for article in (original, copy):
        for report in extract(article, None).reports:
            state = dedupe(report, state).state
    active = [o.incident for o in state.incidents if o.incident.status == "active"]
    assert len(active) == 1
    assert active[0].article_ids == ["wire-1", "daily-7"]
    assert active[0].injured == 4 and active[0].injured_low == 3  # the later copy's figure wins


def test_near_duplicate_keys_tie_copies_not_different_stories():
    from agents.extract.anchors import near_duplicate_keys
    story = " ".join(f"word{i} appears in sentence {i % 7} of the story" for i in range(60))
    edited = story.replace("word17 appears", "word17 shows up")
    other = " ".join(f"term{i} is found in paragraph {i % 5} of another report" for i in range(60))
    assert set(near_duplicate_keys(story)) & set(near_duplicate_keys(edited))
    assert not set(near_duplicate_keys(story)) & set(near_duplicate_keys(other))
    assert near_duplicate_keys("too short to hash") == []


def test_anchors_are_the_storys_streets_people_and_young_childrens_ages():
    from agents.extract.anchors import anchors
    text = ("A 9-year-old boy and his 34-year-old mother were shot on East Pike Street. "
            "Terrell Skinner, 26, was arrested.")
    assert [a for a in anchors(text) if not a.startswith("copy:")] == [
        "street:pike", "person:skinner", "named:terrell skinner", "child:9"]
    assert "street:pike" in anchors("Shots were fired on Pike Avenue.")


def test_a_person_is_named_with_the_age_before_the_name_too():
    from agents.extract.anchors import anchors
    text = ("Police said 14-year-old Dion Albert Marsh was shot on Tuesday. Dion Marsh, 14, died. "
            "A 16-year-old Lake Forest boy, a 17-year-old Grant High School student and 30-year-old "
            "Luis Ortega Jr were hurt, and 41-year-old Mia Fenn's car was hit.")
    assert [a for a in anchors(text) if not a.startswith("copy:")] == [
        "person:marsh", "named:dion marsh", "person:ortega", "named:luis ortega", "person:fenn",
        "named:mia fenn"]


def test_a_person_is_named_with_an_age_written_with_spaces_or_after_a_generation():
    from agents.extract.anchors import anchors
    text = ("Deputies said 17 year old Tavon Reese and 16 year-old Lena Marsh were hit. "
            "Curtis Dale Jr., 19, was charged in the shooting of 20 year old Omar Bright.")
    assert [a for a in anchors(text) if not a.startswith(("copy:", "street:"))] == [
        "person:reese", "named:tavon reese", "person:marsh", "named:lena marsh", "person:dale",
        "named:curtis dale", "person:bright", "named:omar bright"]
    assert "child:4" in anchors("A 4 year old girl was hit by a stray bullet.")


def test_a_person_is_named_beside_what_befell_them():
    from agents.extract.anchors import anchors
    text = "Video shows the slain boy, Eli Ward, ran. The wounded woman, Ana Ruiz, spoke; a boy, Max Doe, hid."
    assert [a for a in anchors(text) if not a.startswith("copy:")] == [
        "person:ward", "named:eli ward", "person:ruiz", "named:ana ruiz"]


def test_a_person_is_named_by_a_part_in_the_story_too():
    from agents.extract.anchors import anchors
    text = ("Deputies identified the victim as Orrin Lee Tabb. The suspect, Cole Varney was held; "
            "a gunman Ray Pim fled. Victim Services Office staff and Sheriff Dale Hume spoke. "
            "Police arrested Al Dent in the killing of Mae Cobb.")
    assert [a for a in anchors(text) if not a.startswith("copy:")] == [
        "person:tabb", "named:orrin tabb", "person:varney", "named:cole varney", "person:pim",
        "named:ray pim", "person:dent", "named:al dent", "person:cobb", "named:mae cobb"]


def test_the_place_it_happened_at_is_an_anchor_by_its_own_name():
    from agents.extract.anchors import anchors
    text = ("Four were shot at the Blue Fox Tavern on Hamilton Church Road, near Market Street. "
            "At Mill Creek Playground a vigil was held; the wounded were taken to Mercy Hospital.")
    assert [a for a in anchors(text) if not a.startswith("copy:")] == [
        "street:hamilton church", "street:market", "venue:blue fox tavern", "venue:mill creek playground"]


def test_claims_placed_nowhere_meet_only_within_their_article():
    unplaced = [dataclasses.replace(_report(r, 1, 0, article=a), place=UNKNOWN_PLACE)
                for r, a in (("a", "a1"), ("b", "a1"), ("c", "a2"))]
    state, _ = _fold(unplaced)
    assert [i.incident.article_ids for i in state.incidents] == [["a1"], ["a2"]]


def test_claims_in_different_districts_of_a_city_are_different_incidents():
    englewood, austin = (dataclasses.replace(KHARKIV, district=name) for name in ("Englewood", "Austin"))
    state, _ = _fold([dataclasses.replace(_report("a", 1), place=englewood),
                      dataclasses.replace(_report("b", 1), place=austin),
                      dataclasses.replace(_report("c", 1, article="a2"), place=englewood)])
    assert [i.incident.report_ids for i in state.incidents] == [["a", "c"], ["b"]]


def test_an_articles_sentences_naming_no_part_of_the_city_tell_the_part_its_headline_named():
    in_saltivka, in_oleksiivka = (dataclasses.replace(KHARKIV, district=name) for name in ("Saltivka", "Oleksiivka"))
    # "3 Hurt In Saltivka Shooting", then "three men were hurt in a shooting in Kharkiv on Tuesday"
    headline = dataclasses.replace(_report("h", None, 3), place=in_saltivka)
    state, _ = _fold([headline, _report("l", None, 3)])
    assert [o.incident.report_ids for o in state.incidents] == [["h", "l"]]
    # Another outlet's "three hurt" that names no part joins; the headline's own lede follows it
    state, _ = _fold([_report("o", None, 3, article="a0"), headline,
                      dataclasses.replace(_report("l", None, 3), place=in_saltivka)])
    assert [o.incident.report_ids for o in state.incidents] == [["o", "h", "l"]]
    # A roundup's shooting in another part is another incident
    state, _ = _fold([headline, dataclasses.replace(_report("r", None, 3), place=in_oleksiivka)])
    assert len(state.incidents) == 2


def test_an_articles_later_sentence_is_read_against_what_the_article_told_not_another_outlets_count():
    stated = dict(date_stated=True)
    other = dataclasses.replace(_report("o", 1, 13, article="a0", date="2022-03-01"), **stated)
    # "1 killed, 11 injured in shooting" joins the other outlet's count of the night
    headline = dataclasses.replace(_report("h", 1, 11, date="2022-03-01"), **stated)
    # "Overnight more than a dozen victims were shot": the article's 12, dated the next day
    overnight = dataclasses.replace(_report("n", date="2022-03-02"), victims=12, **stated)
    state, _ = _fold([other, headline, overnight])
    assert [o.incident.report_ids for o in state.incidents] == [["o", "h", "n"]]


def test_an_articles_fuller_count_holds_its_headline_that_joined_another_outlets_story():
    other = _report("o", 4, 14, article="a0")  # "4 dead, 14 hurt at plant"
    headline = _report("h", 2, open_ended=True)  # "At least two killed in shooting at plant"
    lede = _report("l", 4, 20)  # "up to four people were dead and as many as 20 others injured"
    state, _ = _fold([other, headline, lede])
    assert [o.incident.report_ids for o in state.incidents] == [["o", "h", "l"]]


def test_a_follow_ups_later_claims_tell_the_incident_its_headline_joined_by_a_name():
    named = ["named:rita cobb"]
    killing = dataclasses.replace(_report("k", 1, 2, article="a0", date="2022-01-10"), anchors=named)
    # Two months on: "Man held in killing of Rita Cobb", "two others were wounded", and the
    # story's roundup of "three men shot dead in the same week", another incident
    held = dataclasses.replace(_report("h", 1), anchors=named)
    wounded = dataclasses.replace(_report("w", None, 2), anchors=named)
    others = dataclasses.replace(_report("o", 3), anchors=named)
    state, _ = _fold([killing, held, wounded, others])
    assert [o.incident.report_ids for o in state.incidents] == [["k", "h", "w"], ["o"]]


def test_an_articles_story_and_another_outlets_that_its_claim_joined_are_one_incident():
    other = _report("o", None, 3, article="a0")  # "3 teens shot at Eastside party"
    headline = _report("h", None, 4)  # "Four teens injured at Eastside party"
    third = dataclasses.replace(_report("t"), victims=3, span=(1, 2))  # "A third teen suffered wounds"
    state, _ = _fold([other, headline, third])
    assert [sorted(o.incident.report_ids) for o in state.incidents if o.incident.status == "active"] == [
        ["h", "o", "t"]]
    # A city's two lone woundings of a day stay apart
    state, _ = _fold([_report("o", None, 1, article="a0"), _report("h", None, 2),
                      dataclasses.replace(_report("t"), victims=1, span=(1, 2))])
    assert len([o for o in state.incidents if o.incident.status == "active"]) == 2


def test_an_articles_claim_of_its_own_day_joins_the_incident_another_outlet_dated_a_day_before():
    stated = dict(date_stated=True)
    # "Six shot at community hall late Saturday" to one outlet; "early Sunday" to this story
    other = dataclasses.replace(_report("o", 1, 5, article="a0", date="2022-03-01"), **stated)
    lede = dataclasses.replace(_report("l", 1, 5), **stated)
    among = dataclasses.replace(_report("m"), victims=1, span=(1, 2), **stated)  # "Among the six victims is a man ..."
    state, _ = _fold([other, lede, among])
    assert [o.incident.report_ids for o in state.incidents] == [["o", "l", "m"]]


def test_a_later_story_naming_the_victim_in_full_joins_the_incident_however_long_after():
    shooting = dataclasses.replace(_report("a", 1), anchors=["person:king", "named:adline king"])
    # "Man sentenced in 2022 killing of Adline King", two years on
    trial = dataclasses.replace(_report("b", 1, article="a2", date="2024-05-20"),
                                anchors=["person:king", "named:adline king"])
    namesake = dataclasses.replace(_report("c", 1, article="a3", date="2022-09-20"),
                                   anchors=["person:king", "named:james king"])
    state, _ = _fold([shooting, trial, namesake])
    assert [i.incident.article_ids for i in state.incidents] == [["a1", "a2"], ["a3"]]


def test_unplaced_stories_meet_on_a_full_name_or_copy_not_on_a_street_or_a_childs_age():
    def unplaced(report_id, article, anchors):
        return dataclasses.replace(_report(report_id, 1, article=article), place=UNKNOWN_PLACE,
                                   anchors=anchors)
    state, _ = _fold([unplaced("a", "a1", ["street:main st", "child:6"]),
                      unplaced("b", "a2", ["street:main st", "child:6"]),
                      unplaced("c", "a3", ["named:adline king"]),
                      unplaced("d", "a4", ["named:adline king"])])
    assert [i.incident.article_ids for i in state.incidents] == [["a1"], ["a2"], ["a3", "a4"]]


def test_stories_at_one_place_about_a_child_of_one_age_are_one_incident():
    shooting = dataclasses.replace(_report("a", None, 1), anchors=["child:9"])
    charges = dataclasses.replace(_report("b", None, 1, article="a2", date="2022-03-06"), anchors=["child:9"])
    state, _ = _fold([shooting, charges])
    assert [i.incident.article_ids for i in state.incidents] == [["a1", "a2"]]


def test_a_childs_age_or_a_surname_alone_ties_stories_within_a_week_a_street_within_a_month():
    shooting = dataclasses.replace(_report("a", None, 1), anchors=["child:9", "person:doe", "street:elm st"])
    for anchors, day, incidents in ((["child:9"], "2022-03-09", 1), (["person:doe"], "2022-03-09", 1),
                                    (["child:9"], "2022-03-23", 2), (["person:doe"], "2022-03-23", 2),
                                    (["street:elm st"], "2022-03-23", 1)):
        later = dataclasses.replace(_report("b", None, 1, article="a2", date=day), anchors=anchors)
        state, _ = _fold([shooting, later])
        assert len(state.incidents) == incidents, (anchors, day)


def _published(report, day):
    return dataclasses.replace(report, date=day, published_at=f"{day}T10:00:00+00:00")


def _drive_by(killed=1):
    """"Toddler killed in drive-by" on the 2nd; "man arrested after standoff in Elm St killing"
    on the 5th, of its own day, sharing nothing with the first; then the arraignment story,
    which joins the first by its day and figures and names Elm St."""
    brief = _published(_told_on("brief", 1, None, "2022-03-02"), "2022-03-02")
    standoff = _published(_told_on("standoff", killed, None, "2022-03-05", article="a2",
                                   anchors=["street:elm st", "named:john doe"]), "2022-03-05")
    arraignment = dataclasses.replace(_told_on("arraigned", 1, None, "2022-03-02", article="a3",
                                               anchors=["street:elm st"]),
                                      published_at="2022-03-06T10:00:00+00:00")
    return [brief, standoff, arraignment]


def _active(state):
    return sorted((o.incident.incident_id, tuple(o.incident.article_ids)) for o in state.incidents
                  if o.incident.status == "active")


def test_a_story_tying_two_incidents_by_a_street_or_a_full_name_folds_them_into_one():
    claims = _drive_by()
    outcomes = set()
    for order in itertools.permutations(claims):
        state, _ = _fold(list(order))
        outcomes.add(tuple(_active(state)))
    assert len(outcomes) == 1
    [(incident_id, articles)] = outcomes.pop()
    assert sorted(articles) == ["a1", "a2", "a3"]
    # The bridge withdrawn, the stories it tied are apart again, under their own ids.
    state, _ = _fold(claims)
    retraction = Report(report_id="arraigned~2", article_id="a3", revision=2, place=KHARKIV,
                        retracts="arraigned", published_at="2022-03-07T10:00:00+00:00")
    state, _ = _fold([retraction], state)
    apart = dict((articles, incident_id) for incident_id, articles in _active(state))
    assert sorted(apart) == [("a1",), ("a2",)] and apart[("a1",)] == incident_id


def test_a_story_counting_more_than_the_incident_a_bridge_joined_stays_apart():
    # Elm St's standoff story counts two dead: another shooting than the toddler's.
    state, _ = _fold(_drive_by(killed=2))
    assert sorted(articles for _, articles in _active(state)) == [("a1", "a3"), ("a2",)]


def test_an_incident_closes_a_window_after_its_last_report_and_is_forgotten():
    march = _published(dataclasses.replace(_report("h", 4, 9), anchors=["street:sumska st"]),
                       "2022-03-02")
    follow_up = _published(dataclasses.replace(_report("f", 5, 9, article="a2"),
                                               anchors=["street:sumska st"]), "2022-03-20")
    april = _published(_report("n", 1, 0, article="a3"), "2022-04-25")
    state = None
    emitted = []
    for report in (march, follow_up, april):
        step = dedupe(report, state, window_days=30)
        state, emitted = step.state, emitted + step.incidents
    closed = [i for i in emitted if i.status == "closed"]
    assert [(i.killed, i.injured, i.report_ids) for i in closed] == [(5, 9, ["h", "f"])]
    assert closed[0].revision == max(i.revision for i in emitted
                                     if i.incident_id == closed[0].incident_id)
    assert [c.report_id for c in state.claims] == ["n"]
    assert [o.incident.report_ids for o in state.incidents] == [["n"]]
    assert set(state.handled) == {"n"}


def test_a_report_published_before_the_open_window_is_refused_not_counted_again():
    state, _ = _fold([_published(_report("h", 4, 9), "2022-03-02")])
    state = dedupe(_published(_report("n", 1, 0, article="a3"), "2022-04-25"), state, 30).state
    late = _published(_report("l", 4, 9, article="a2"), "2022-03-03")
    with pytest.raises(LateReport, match="2022-03-26"):
        dedupe(late, state, window_days=30)
    in_window = _published(_report("w", 1, 0, article="a4"), "2022-04-01")
    assert dedupe(in_window, state, window_days=30).incidents


def test_a_place_holds_one_window_of_claims_however_long_the_stream():
    start = date(2022, 1, 1)
    state = None
    for n in range(300):
        day = (start + timedelta(days=n)).isoformat()
        state = dedupe(_published(_report(f"r{n}", n % 5 + 1, article=f"a{n}"), day),
                       state, window_days=7).state
    assert len(state.claims) <= 8 and len(state.incidents) <= 8 and len(state.handled) <= 8


def test_without_a_window_nothing_closes():
    state, emitted = _fold([_published(_report("h", 4, 9), "2020-03-02"),
                            _published(_report("n", 1, 0, article="a3"), "2022-04-25")])
    assert all(i.status == "active" for i in emitted) and len(state.incidents) == 2


def _counted(state):
    return sorted((o.incident.killed, o.incident.injured, o.incident.counted_killed,
                   o.incident.counted_injured, bool(o.incident.within)) for o in state.incidents)


def test_a_period_total_and_the_incidents_it_holds_are_not_added_together():
    total = _report("t", 21, 112, date="2022-03-01", period="24h")
    total = dataclasses.replace(total, date_end="2022-03-02")
    tuesday = _report("u", None, 6, date="2022-03-01", article="a2")
    state, _ = _fold([tuesday, total])
    assert _counted(state) == [(0, 6, 0, 0, True), (21, 112, 21, 112, False)]


def test_a_total_counts_at_least_the_incidents_within_it():
    total = dataclasses.replace(_report("t", 2, 0, date="2022-03-01", period="24h"),
                                date_end="2022-03-02")
    strikes = [_report("u", 3, None, date="2022-03-01", article="a2"),
               _report("w", 2, None, date="2022-03-02", article="a3")]
    state, _ = _fold([total, *strikes])
    assert sum(o.incident.counted_killed for o in state.incidents) == 5


def test_a_further_n_is_news_on_top_of_the_total_not_within_it():
    total = dataclasses.replace(_report("t", 21, 112, date="2022-03-01", period="24h"),
                                date_end="2022-03-02")
    further = dataclasses.replace(_report("m", 4, 9, article="a2"), adds=True)
    state, _ = _fold([total, further])
    assert _counted(state) == [(4, 9, 4, 9, False), (21, 112, 21, 112, False)]


def test_a_total_arriving_later_sends_a_revision_of_the_incident_it_holds():
    state, first = _fold([_report("u", None, 6, date="2022-03-01")])
    total = dataclasses.replace(_report("t", 21, 112, date="2022-03-01", period="24h",
                                        article="a2"), date_end="2022-03-02")
    state, emitted = _fold([total], state)
    revised = [i for i in emitted if i.incident_id == first[0].incident_id]
    assert revised and revised[0].revision == 2 and revised[0].counted_injured == 0


def test_a_total_and_the_incidents_within_it_close_together():
    tuesday = _published(_report("u", None, 6), "2022-03-01")
    summary = dataclasses.replace(_published(_report("t", 21, 112, article="a2"), "2022-03-25"),
                                  date="2022-03-01", date_end="2022-03-02", period="24h")
    april = _published(_report("n", 1, 0, article="a3"), "2022-04-02")
    state = None
    for report in (tuesday, summary, april):
        state = dedupe(report, state, window_days=30).state
    # Tuesday's strike was last reported a month before April, but the total holding it is not.
    assert sorted(c.report_id for c in state.claims) == ["n", "t", "u"]


def test_a_detail_of_the_story_in_the_same_article_is_no_incident_of_its_own():
    # "A shooting left six people injured", "Three of them were taken to hospital": one shooting.
    claims = [_report("lede", None, 6), _report("detail", None, 3), _report("another", None, 2)]
    state, _ = _fold([dataclasses.replace(c, span=(i, i + 1)) for i, c in enumerate(claims)])
    assert [(o.incident.injured, o.incident.report_ids) for o in state.incidents] == [
        (6, ["lede", "detail", "another"])]


def test_a_larger_or_new_figure_in_the_same_article_is_still_told_apart():
    claims = [_report("lede", 1, 3), _report("later", None, 5), _report("killed", 2, 1)]
    state, _ = _fold([dataclasses.replace(c, span=(i, i + 1)) for i, c in enumerate(claims)])
    assert [(o.incident.killed, o.incident.injured) for o in state.incidents][0] == (1, 3)
    assert len(state.incidents) == 3


def _landslide(*, date="2022-03-02", published_at="2022-03-02T10:00:00+00:00"):
    """"Landslides kill at least 41 in the hills", "the landslides killed at least 41 people and
    injured scores more", "in one village alone 19 people died", "more than 80 people were
    injured, the spokesman said"."""
    def claim(report_id, killed, killed_high, injured, injured_low, **fields):
        return dataclasses.replace(
            _report(report_id, date=date), killed=killed, killed_low=killed, killed_high=killed_high,
            injured=injured, injured_low=injured_low, injured_high=None, published_at=published_at,
            **fields)
    return [claim("headline", 41, None, None, None), claim("lede", 41, None, 40, 40),
            claim("village", 19, 19, None, None), claim("refined", None, None, 80, 81)]


def _in_order(claims):
    return [dataclasses.replace(c, span=(i, i + 1)) for i, c in enumerate(claims)]


@pytest.mark.parametrize("day", [{}, {"date": None, "published_at": None}])
def test_one_articles_part_figures_and_refined_counts_are_one_incident(day):
    # The village's 19 dead are among the 41 and bound nothing; "more than 80 injured" makes
    # "scores injured" exact. Copy of no day at all is one story's time too.
    state, _ = _fold(_in_order(_landslide(**day)))
    assert [(o.incident.killed, o.incident.killed_low, o.incident.killed_high, o.incident.injured,
             o.incident.report_ids) for o in state.incidents] == [
        (41, 41, None, 80, ["headline", "lede", "village", "refined"])]


def test_news_on_top_of_an_open_count_refines_nothing():
    # "A further 80 people were injured on Sunday": more hurt than the story's "scores", not
    # its exact count.
    *story, refined = _landslide()
    state, _ = _fold(_in_order([*story, dataclasses.replace(refined, adds=True)]))
    assert [(o.incident.injured, o.incident.report_ids) for o in state.incidents] == [
        (40, ["headline", "lede", "village"]), (80, ["refined"])]


def test_a_fuller_claim_of_the_same_day_takes_in_the_storys_first_detail():
    # "Third victim in Metairie shooting dies", then "three killed and one wounded": one shooting,
    # counted once.
    claims = [_report("headline", 1), _report("lede", 3, 1), _report("names", 1)]
    state, _ = _fold([dataclasses.replace(c, span=(i, i + 1)) for i, c in enumerate(claims)])
    assert [(o.incident.killed, o.incident.injured) for o in state.incidents] == [(3, 1)]


def test_the_wounded_a_story_first_counted_include_those_who_died_since():
    # "Teen killed in Lexington shooting, three others wounded", then "One of four women
    # wounded in a late night shooting has died": four people hit, counted once.
    claims = [_report("headline", 1, 3), _report("lede", None, 4)]
    state, _ = _fold([dataclasses.replace(c, span=(i, i + 1)) for i, c in enumerate(claims)])
    assert [(o.incident.killed, o.incident.injured) for o in state.incidents] == [(1, 3)]


def test_an_early_count_of_the_same_people_joins_the_story_another_outlet_told_too():
    # Another outlet's "Four killed, one wounded at drug house"; this article's headline says so
    # too, then its lede tells the first call: "two dead and three wounded"
    other = _report("o", 4, 1, article="a0")
    claims = [_report("headline", 4, 1), _report("first call", 2, 3)]
    state, _ = _fold([other] + [dataclasses.replace(c, span=(i, i + 1)) for i, c in enumerate(claims)])
    assert [(o.incident.killed, o.incident.injured, len(o.members)) for o in state.incidents] == [(4, 1, 3)]


def test_the_people_shot_told_again_with_a_death_among_them_are_the_storys():
    stated = dict(date_stated=True)
    # "Quadruple shooting on 3rd Street" (Thursday night), then "Four people were shot
    # overnight and one of them died", dated the day after by "overnight"
    headline = dataclasses.replace(_report("h", date="2022-03-01"), victims=4, **stated)
    overnight = dataclasses.replace(_report("n", 1, date="2022-03-02"), victims=4, span=(1, 2), **stated)
    state, _ = _fold([headline, overnight])
    assert [(o.incident.killed, o.incident.injured, len(o.members)) for o in state.incidents] == [(1, 3, 2)]


def test_the_wounded_a_story_counts_after_its_dead_include_them_too():
    # "Gunman who shot 4, killing 1", then "all four victims were transported to the hospital":
    # one dead and three wounded, not four more wounded.
    headline = dataclasses.replace(_report("headline", 1), victims=4)
    claims = [headline, _report("hospital", None, 4)]
    state, _ = _fold([dataclasses.replace(c, span=(i, i + 1)) for i, c in enumerate(claims)])
    assert [(o.incident.killed, o.incident.injured) for o in state.incidents] == [(1, 3)]


def test_the_same_people_counted_on_an_earlier_day_of_the_same_article_are_one_incident():
    # "Four people found dead in Pendleton on Monday", then "all four died sometime between
    # Oct. 27 and 30": the same four, not a second quadruple murder.
    claims = [_report("lede", 4, date="2015-11-02"), _report("autopsy", 4, date="2015-10-27"),
              _report("recalled", 1, date="2015-10-20")]
    state, _ = _fold([dataclasses.replace(c, span=(i, i + 1)) for i, c in enumerate(claims)])
    assert sorted((o.incident.killed, o.incident.report_ids) for o in state.incidents) == [
        (1, ["recalled"]), (4, ["lede", "autopsy"])]


def test_a_storys_sentences_of_no_stated_day_stay_with_its_headline_in_another_outlets_incident():
    # An outlet's story of a boy's death, then a page crawled later whose own stamp dates it a
    # week before that story: its headline joins by the street they share, and its lede, of
    # no stated day either, is the same story, not an earlier incident it recalls.
    street = ["street:silver bell cir"]
    claims = [dataclasses.replace(_report("outlet", 1, date="2022-03-09"), anchors=street),
              dataclasses.replace(_report("headline", 1, date="2022-03-02", article="a2"), anchors=street),
              dataclasses.replace(_report("lede", 1, date="2022-03-02", article="a2"), anchors=street)]
    state, _ = _fold([dataclasses.replace(c, span=(i, i + 1)) for i, c in enumerate(claims)])
    assert [o.incident.report_ids for o in state.incidents] == [["outlet", "headline", "lede"]]


def test_a_sentence_about_another_incident_never_joins_one_of_its_own_article():
    # "Three were wounded at Minnesota Avenue", "A third shooting also happened: two were hurt",
    # "In a separate shooting, three were hurt"; another outlet's "three wounded" is the first.
    claims = [_report("first", None, 3), dataclasses.replace(_report("third", None, 2), another_incident=True),
              dataclasses.replace(_report("separate", None, 3), another_incident=True),
              _report("outlet", None, 3, article="a2")]
    state, _ = _fold([dataclasses.replace(c, span=(i, i + 1)) for i, c in enumerate(claims)])
    assert sorted((o.incident.injured, o.incident.report_ids) for o in state.incidents) == [
        (2, ["third"]), (3, ["first", "outlet"]), (3, ["separate"])]


def _told_on(report_id, killed, injured, day, *, article="a1", **fields):
    """A report whose text names its day."""
    return dataclasses.replace(_report(report_id, killed, injured, date=day, article=article),
                               date_stated=True, **fields)


def test_the_same_figures_told_for_adjacent_days_are_one_night_s_shooting():
    state, _ = _fold([_told_on("s", 1, 3, "2022-03-06"), _told_on("m", 1, 3, "2022-03-07", article="a2")])
    assert len(state.incidents) == 1


def test_a_nightclub_shooting_told_for_adjacent_days_and_counted_a_little_apart_is_one():
    # "Six adults were injured" late Saturday, "seven people shot" at the club early Sunday.
    state, _ = _fold([_told_on("s", None, 6, "2022-03-05"), _told_on("m", None, 7, "2022-03-06", article="a2")])
    assert len(state.incidents) == 1
    # Within one article, other counts on the next day are other news of the night.
    state, _ = _fold([_told_on("s", None, 6, "2022-03-05"), _told_on("m", None, 7, "2022-03-06")])
    assert len(state.incidents) == 2


def test_a_story_dated_only_by_its_own_publication_day_joins_the_same_figures_two_days_before():
    # "Teen killed, 3 hurt in shooting near school" on Wednesday; Friday's "police are
    # searching for a suspect ... the mother was told today" dates the news, not the shooting.
    shooting = _told_on("w", 1, 3, "2022-03-02")

    def told(day, published, killed=1, injured=3):
        return _told_on("f", killed, injured, day, article="a2", published_at=f"{published}T09:00:00+00:00")

    state, _ = _fold([shooting, told("2022-03-04", "2022-03-04")])
    assert len(state.incidents) == 1
    # A day stated before the story came out is its own; one hit is one of a city's many.
    for other in (told("2022-03-04", "2022-03-05"), told("2022-03-04", "2022-03-04", 1, 0)):
        state, _ = _fold([_told_on("w", *(other.killed, other.injured), "2022-03-02"), other])
        assert len(state.incidents) == 2


def test_different_figures_on_adjacent_days_stay_apart():
    state, _ = _fold([_told_on("s", 1, None, "2022-03-06"), _told_on("m", 2, None, "2022-03-07", article="a2"),
                      _told_on("t", 1, None, "2022-03-08", article="a3")])
    assert len(state.incidents) == 3


def test_outlets_counting_one_days_mass_shooting_a_little_apart_are_one_incident():
    # "1 dead, 15 hurt in mass shooting at nightclub", then another outlet's "one killed, 16
    # injured": the latest count stands, and the disagreement widens its bounds.
    later = dataclasses.replace(_report("b", 1, 16, article="a2"), published_at="2022-03-02T12:00:00+00:00")
    state, _ = _fold([_report("a", 1, 15), later])
    incident = state.incidents[0].incident
    assert len(state.incidents) == 1 and incident.article_ids == ["a1", "a2"]
    assert (incident.killed, incident.injured, incident.injured_low, incident.injured_high) == (1, 16, 15, 16)


def test_small_or_far_apart_tolls_of_one_day_stay_apart():
    # Two and three wounded, or fifteen and five, at one place on one day: other shootings.
    for first, second in (((0, 2), (0, 3)), ((1, 15), (0, 5))):
        state, _ = _fold([_report("a", *first), _report("b", *second, article="a2")])
        assert len(state.incidents) == 2


def test_a_death_days_after_the_shooting_in_the_same_article_is_the_same_incident():
    shot = _told_on("s", 1, 2, "2022-03-06", span=(0, 40))
    died = _told_on("d", 1, None, "2022-03-09", span=(41, 90))
    state, _ = _fold([shot, died])
    assert [(i.incident.killed, i.incident.injured) for i in state.incidents] == [(1, 2)]


def test_victims_told_for_the_next_day_agree_with_the_dead_and_wounded_they_add_up_to():
    state, _ = _fold([_told_on("w", 1, 1, "2015-12-21"),
                      _told_on("v", None, None, "2015-12-22", article="a2", victims=2)])
    assert len(state.incidents) == 1


def test_one_casualty_in_another_article_on_the_next_day_is_another_incident():
    state, _ = _fold([_told_on("t", 0, 1, "2023-03-14"), _told_on("w", 0, 1, "2023-03-15", article="a2")])
    assert len(state.incidents) == 2


YREKA = Place(id="geonames:5574093", name="Yreka", admin1="California", country="US")


def test_in_a_town_another_outlets_story_of_the_same_figures_days_on_is_the_same_incident():
    # "Yreka man dies after shooting at his home on Sunday"; a week later another paper's
    # "Family of shooting victim asks for help" (no day of its own, one dead); and "the teen
    # shot Monday" against "a teen was shot Sunday night" one day apart.
    died = dataclasses.replace(_told_on("died", 1, None, "2021-05-02"), place=YREKA)
    week_on = dataclasses.replace(_report("asks", 1, None, date="2021-05-09", article="a2"), place=YREKA)
    state, _ = _fold([died, week_on])
    assert len(state.incidents) == 1
    sunday = dataclasses.replace(_told_on("sun", 0, 1, "2021-05-02"), place=YREKA)
    monday = dataclasses.replace(_told_on("mon", 0, 1, "2021-05-03", article="a2"), place=YREKA)
    state, _ = _fold([sunday, monday])
    assert len(state.incidents) == 1


def test_in_a_town_outlets_counting_one_days_shooting_as_it_unfolded_are_one_incident():
    # "Three found dead in Yreka home", then another outlet's "family of four dead", the same day.
    found = dataclasses.replace(_report("found", 3, None), place=YREKA)
    family = dataclasses.replace(_report("family", 4, None, article="a2"), place=YREKA)
    state, _ = _fold([found, family])
    assert len(state.incidents) == 1
    # Figures that cross (two dead, three wounded), or a city's: other shootings.
    crossed = dataclasses.replace(_report("crossed", 0, 3, article="a3"), place=YREKA)
    state, _ = _fold([dataclasses.replace(_report("two", 2, None), place=YREKA), crossed])
    assert len(state.incidents) == 2
    state, _ = _fold([_report("found", 3, None), _report("family", 4, None, article="a2")])
    assert len(state.incidents) == 2


def test_a_post_town_is_a_town_to_its_outlets_stories():
    # A Connecticut town GeoNames lacks (a post town, no population of its own).
    redding = Place(id="zip:06896", name="Redding", admin1="Connecticut", country="US")
    found = dataclasses.replace(_report("found", 3, None), place=redding)
    family = dataclasses.replace(_report("family", 4, None, article="a2"), place=redding)
    state, _ = _fold([found, family])
    assert len(state.incidents) == 1


def test_in_a_town_other_figures_or_more_than_a_fortnight_on_are_other_incidents():
    died = dataclasses.replace(_told_on("died", 1, None, "2021-05-02"), place=YREKA)
    wounded = dataclasses.replace(_report("hurt", 0, 2, date="2021-05-06", article="a2"), place=YREKA)
    later = dataclasses.replace(_report("later", 1, None, date="2021-05-20", article="a3"), place=YREKA)
    state, _ = _fold([died, wounded, later])
    assert len(state.incidents) == 3


def test_a_day_no_sentence_states_is_no_day_of_its_own_within_one_article():
    # The arrest story's headline "Teen charged in shooting that wounded four" (published on
    # the 18th) and its lede "four men were shot early Sunday" (the 13th): one incident.
    headline = _report("headline", None, 4, date="2015-07-18")
    lede = _told_on("lede", None, 4, "2015-07-13")
    state, _ = _fold([dataclasses.replace(headline, span=(0, 1)), dataclasses.replace(lede, span=(1, 2))])
    assert [(o.incident.date, o.incident.report_ids) for o in state.incidents] == [
        ("2015-07-13", ["headline", "lede"])]
    other = dataclasses.replace(headline, article_id="a2", report_id="other")
    state, _ = _fold([dataclasses.replace(lede, span=(1, 2)), other])
    assert len(state.incidents) == 2  # another outlet's story five days on may be another shooting


def _follow_up(report_id, killed, injured, day, anchors, **fields):
    """Another outlet's later story that states no day of its own: the arrest, the sentence."""
    return dataclasses.replace(_report(report_id, killed, injured, date=day, article=report_id),
                               anchors=anchors, **fields)


def test_a_follow_up_months_later_with_the_incident_s_details_and_figures_joins_it():
    shooting = _told_on("s", 2, 2, "2014-10-04", anchors=["street:gherald st"])
    arrest = _follow_up("arrest", 2, 2, "2015-03-28", ["street:gherald st"])
    sentence = _follow_up("sentence", 1, None, "2015-07-25", ["child:5", "street:main st"])
    girl = _told_on("g", 1, None, "2015-02-13", article="a2", anchors=["child:5", "street:main st"])
    state, _ = _fold([shooting, girl, arrest, sentence])
    assert sorted(i.incident.article_ids for i in state.incidents) == [
        ["a1", "arrest"], ["a2", "sentence"]]


def test_a_later_story_sharing_one_street_is_another_shooting_there():
    # A city's arterial sees several shootings a year: one street and one dead say nothing.
    shooting = _told_on("s", 1, None, "2016-06-28", anchors=["street:capitol dr"])
    state, _ = _fold([shooting, _follow_up("later", 1, None, "2016-10-26", ["street:capitol dr"])])
    assert len(state.incidents) == 2


def test_a_later_story_that_states_its_day_or_other_figures_is_another_incident():
    shooting = _told_on("s", 2, 2, "2014-10-04", anchors=["street:gherald st", "child:4"])
    stated = _follow_up("stated", 2, 2, "2015-03-28", ["street:gherald st", "child:4"],
                        date_stated=True)
    other_toll = _follow_up("toll", 3, None, "2015-07-28", ["street:gherald st", "child:4"])
    state, _ = _fold([shooting, stated, other_toll])
    assert len(state.incidents) == 3


def _mention(report_id, anchors, day="2022-03-05"):
    """Another article with no figure that names the story's person, child or street."""
    return _published(Report(report_id=report_id, article_id=report_id, revision=1, place=KHARKIV,
                             anchors=list(anchors), source="Tribune", mention=True), day)


def _shooting(anchors, day="2022-03-02"):
    return _published(dataclasses.replace(_report("s", 1, 2), anchors=list(anchors)), day)


def test_a_mention_naming_the_victim_adds_its_article_and_source_never_a_figure():
    state, emitted = _fold([_shooting(["named:jane doe"]), _mention("trial", ["named:jane doe"])])
    [held] = state.incidents
    incident = held.incident
    assert incident.article_ids == ["a1", "trial"] and incident.sources == ["Wire", "Tribune"]
    assert (incident.killed, incident.injured, incident.counted_killed) == (1, 2, 1)
    # Its revision moves no tally: the same figures, the same last claim.
    assert emitted[-1].last_updated == emitted[0].last_updated


def test_a_mention_opens_no_incident_and_joins_none_without_a_telling_anchor():
    state, emitted = _fold([_mention("arrest", ["named:jane doe"])])
    assert state.incidents == [] and emitted == []
    state, _ = _fold([_shooting(["person:doe"]), _mention("arrest", ["person:doe"])])
    assert [i.incident.article_ids for i in state.incidents] == [["a1"]]


def test_a_mention_before_its_incident_joins_it_whatever_the_order_of_arrival():
    street = ["street:main st"]
    mention, shooting = _mention("arrest", street, day="2022-03-02"), _shooting(street)
    shooting = dataclasses.replace(shooting, published_at="2022-03-02T20:00:00+00:00")
    for order in ([mention, shooting], [shooting, mention]):
        state, _ = _fold(order)
        assert [i.incident.article_ids for i in state.incidents] == [["a1", "arrest"]]


def test_a_street_ties_a_mention_within_a_month_a_child_s_age_within_a_week_two_within_a_year_a_name_ever():
    state, _ = _fold([_shooting(["street:main st", "child:6", "named:jane doe"]),
                      _mention("vigil", ["child:6"], day="2022-03-07"),
                      _mention("another child", ["child:6"], day="2022-03-20"),
                      _mention("march", ["street:main st"], day="2022-09-20"),
                      _mention("trial", ["street:main st", "child:6"], day="2022-09-20"),
                      _mention("sentence", ["named:jane doe"], day="2024-06-20"),
                      _mention("anniversary", ["street:main st", "child:6"], day="2023-06-20")])
    assert [i.incident.article_ids for i in state.incidents] == [["a1", "vigil", "trial", "sentence"]]


def test_an_incident_left_with_mentions_alone_is_retracted():
    state, _ = _fold([_shooting(["street:main st"]), _mention("arrest", ["street:main st"])])
    withdrawal = Report(report_id="s~2", article_id="a1", revision=2, place=KHARKIV, retracts="s")
    state, emitted = _fold([withdrawal], state)
    assert [(i.status, i.counted_killed, i.counted_injured) for i in emitted] == [("retracted", 0, 0)]


def test_a_mention_keeps_nothing_open_and_is_forgotten_a_window_later():
    state = dedupe(_mention("arrest", ["street:main st"], day="2022-03-02"), None, 30).state
    assert state.latest is None  # it moves no clock
    state = dedupe(_published(_report("c", 1, 0, article="a2"), "2022-04-25"), state, 30).state
    assert [c.report_id for c in state.claims] == ["c"]
    late = dedupe(_mention("late", ["street:main st"], day="2022-03-01"), state, 30)
    assert late.state is state and late.incidents == []  # nothing to count: not a dead letter
    # A place told of by mentions alone still keeps only a window of them.
    state = dedupe(_mention("first", ["street:elm st"], day="2022-03-02"), None, 30).state
    state = dedupe(_mention("second", ["street:elm st"], day="2022-04-25"), state, 30).state
    assert [c.report_id for c in state.claims] == ["second"]


def test_a_mention_sharing_no_anchor_joins_a_town_s_only_incident_of_its_last_two_days():
    arrest = _mention("arrest", ["named:john roe"], day="2022-03-04")
    state, _ = _fold([_shooting([]), arrest])
    assert [i.incident.article_ids for i in state.incidents] == [["a1", "arrest"]]
    # Two shootings in those days, as a city has: which one the arrest is of, nothing says.
    other = _published(dataclasses.replace(_report("o", 0, 1, article="a3")), "2022-03-03")
    state, _ = _fold([_shooting([]), other, arrest])
    assert all("arrest" not in i.incident.article_ids for i in state.incidents)
    # Nor does a story three days on, or one before the shooting.
    for day in ("2022-03-05", "2022-03-01"):
        state, _ = _fold([_shooting([]), _mention("late", ["named:john roe"], day=day)])
        assert [i.incident.article_ids for i in state.incidents] == [["a1"]]


def test_a_mention_sharing_no_anchor_joins_a_small_town_s_one_open_incident_however_long_before():
    # "Yreka teen charged in last week's shooting", nine days on, and "Trial opens in Yreka
    # killing" a year on: the quiet town's one incident.
    shooting = dataclasses.replace(_shooting([]), place=YREKA)
    charged = dataclasses.replace(_mention("charged", [], day="2022-03-11"), place=YREKA)
    trial = dataclasses.replace(_mention("trial", [], day="2023-03-20"), place=YREKA)
    state, _ = _fold([shooting, charged, trial])
    assert [i.incident.article_ids for i in state.incidents] == [["a1", "charged", "trial"]]
    # Two incidents open, or a story before the shooting: none is it.
    other = dataclasses.replace(_published(_report("o", 0, 1, article="a3"), "2022-03-06"), place=YREKA)
    early = dataclasses.replace(_mention("early", [], day="2022-03-01"), place=YREKA)
    state, _ = _fold([shooting, other, charged, trial])
    assert all(i.incident.article_ids in (["a1"], ["a3"]) for i in state.incidents)
    state, _ = _fold([early, shooting])
    assert [i.incident.article_ids for i in state.incidents] == [["a1"]]


def test_what_mentions_join_does_not_depend_on_the_order_they_and_the_claims_arrive_in():
    reports = [_shooting(["street:main st"]),
               _published(dataclasses.replace(_report("o", 0, 1, article="a3"),
                                              anchors=["named:john roe"]), "2022-03-03"),
               _mention("arrest", ["street:main st"]), _mention("trial", ["named:john roe"]),
               _mention("vigil", [], day="2022-03-03")]

    def grouped(order):
        state, _ = _fold(order)
        return sorted((i.incident.incident_id, tuple(i.incident.article_ids), i.incident.status)
                      for i in state.incidents)

    assert len({tuple(grouped(list(order))) for order in itertools.permutations(reports)}) == 1


def test_a_story_naming_no_part_of_the_city_joins_one_that_does_only_when_three_or_more_were_hit():
    in_saltivka = dataclasses.replace(KHARKIV, district="Saltivka")
    four = [_report("a", None, 4, article="a1"),
            dataclasses.replace(_report("b", None, 4, article="a2"), place=in_saltivka)]
    state, _ = _fold(four)
    assert [o.incident.report_ids for o in state.incidents] == [["a", "b"]]
    one = [_report("c", None, 1, article="a3"),
           dataclasses.replace(_report("d", None, 1, article="a4"), place=in_saltivka)]
    state, _ = _fold(one)
    assert len(state.incidents) == 2  # a city's two lone woundings of one day stay apart


def test_another_outlets_lower_bound_joins_the_toll_it_meets_and_does_not_lower_it():
    five = _report("a", 5, article="a1")
    at_least_three = dataclasses.replace(_report("b", 3, article="a2", open_ended=True),
                                         published_at="2022-03-02T14:00:00+00:00")
    state, _ = _fold([five, at_least_three])
    assert [(i.incident.killed, i.incident.article_ids) for i in state.incidents] == [(5, ["a1", "a2"])]
    at_least_seven = dataclasses.replace(_report("c", 7, article="a3", open_ended=True),
                                         published_at="2022-03-02T18:00:00+00:00")
    state, _ = _fold([at_least_seven], state)
    assert sorted(i.incident.killed for i in state.incidents) == [5, 7]


def test_another_outlets_wounded_join_the_victims_an_incident_counts_as_wounded():
    shot = dataclasses.replace(_report("a", article="a1"), victims=8)  # "eight people were shot"
    grazed = dataclasses.replace(_report("b", None, 2, article="a1"), victims=6)  # "six shot, two grazed"
    wounded = dataclasses.replace(_report("c", None, 8, article="a2"), published_at="2022-03-02T14:00:00+00:00")
    state, _ = _fold([shot, grazed, wounded])
    assert [(i.incident.killed, i.incident.injured, i.incident.article_ids) for i in state.incidents] == [
        (0, 8, ["a1", "a2"])]


def test_outlets_placing_one_shooting_in_two_parts_of_the_city_are_one_incident_on_a_shared_detail():
    east_new_york, cypress_hills = (dataclasses.replace(KHARKIV, district=name)
                                    for name in ("East New York", "Cypress Hills"))
    belmont = ["street:belmont ave"]
    state, _ = _fold([dataclasses.replace(_report("a", 1, 0, article="a1"), place=east_new_york, anchors=belmont),
                      dataclasses.replace(_report("b", 1, 0, article="a2"), place=cypress_hills, anchors=belmont)])
    assert [o.incident.report_ids for o in state.incidents] == [["a", "b"]]
    # Other figures, or no detail in common, are another shooting in another part of the city.
    for other in (dataclasses.replace(_report("c", 2, 0, article="a3"), place=cypress_hills, anchors=belmont),
                  dataclasses.replace(_report("d", 1, 0, article="a4"), place=cypress_hills,
                                      anchors=["person:smith"])):
        state, _ = _fold([dataclasses.replace(_report("a", 1, 0, article="a1"), place=east_new_york,
                                              anchors=belmont), other])
        assert len(state.incidents) == 2


def test_outlets_placing_one_mass_shooting_in_two_parts_of_the_city_are_one_incident_on_its_figures():
    west_side, east_side = (dataclasses.replace(KHARKIV, district=name) for name in ("West Side", "East Side"))
    # "One dead, six hurt in East Side shooting"; then "Seven people shot at West Side block party"
    counted = dataclasses.replace(_report("a", 1, 6, article="a1"), place=east_side)
    block_party = dataclasses.replace(_report("b", article="a2"), place=west_side, victims=7)
    state, _ = _fold([counted, block_party])
    assert [o.incident.report_ids for o in state.incidents] == [["a", "b"]]
    # Fewer hit, or another toll, are another shooting in another part of the city.
    for first, second in ((dataclasses.replace(counted, killed=1, injured=2, killed_low=1, injured_low=2,
                                               killed_high=1, injured_high=2),
                           dataclasses.replace(block_party, victims=3)),
                          (counted, dataclasses.replace(block_party, victims=5))):
        state, _ = _fold([first, second])
        assert len(state.incidents) == 2


def test_a_story_counting_the_wounded_joins_people_shot_whose_story_also_tells_how_many_are_critical():
    in_saltivka = dataclasses.replace(KHARKIV, district="Saltivka")
    shot = dataclasses.replace(_report("a", article="a1"), victims=5, anchors=["street:lenin st"])  # "Five shot"
    critical = dataclasses.replace(_report("b", None, 2, article="a1"), anchors=["street:lenin st"])  # "two critically"
    wounded = dataclasses.replace(_report("c", None, 5, article="a2"), place=in_saltivka, anchors=["street:lenin st"])
    state, _ = _fold([shot, critical, wounded])
    assert [(o.incident.injured, o.incident.article_ids) for o in state.incidents] == [(5, ["a1", "a2"])]


def test_a_story_counting_the_wounded_joins_one_that_counts_them_as_people_shot_in_another_part_of_the_city():
    in_saltivka = dataclasses.replace(KHARKIV, district="Saltivka")
    shot = dataclasses.replace(_report("a", article="a1"), victims=5)  # "Five children shot"
    hospitalized = dataclasses.replace(_report("b", None, 5, article="a2"), place=in_saltivka)
    state, _ = _fold([shot, hospitalized])
    assert [(o.incident.injured, o.incident.report_ids) for o in state.incidents] == [(5, ["a", "b"])]
    state, _ = _fold([shot, dataclasses.replace(hospitalized, killed=1, killed_low=1, killed_high=1)])
    assert len(state.incidents) == 2  # one of them dead: not the figures the first story told


def test_a_mention_sharing_no_anchor_joins_a_town_s_only_mass_shooting_of_its_last_month():
    mass = _published(dataclasses.replace(_report("m", 3, 2, article="a2")), "2022-03-02")
    victims = _mention("victims", [], day="2022-03-17")  # "Shooting victims: who they were"
    state, _ = _fold([_shooting([]), mass, victims])
    assert [i.incident.article_ids for i in state.incidents] == [["a1"], ["a2", "victims"]]
    # Two mass shootings that month, or only lesser ones, or a story after the month: none.
    other = _published(dataclasses.replace(_report("o", 0, 4, article="a3")), "2022-03-10")
    for reports in ([mass, other, victims], [_shooting([]), victims],
                    [mass, _mention("victims", [], day="2022-04-02")]):
        state, _ = _fold(reports)
        assert all(len(i.incident.article_ids) == 1 for i in state.incidents)



def test_a_later_outlets_rising_toll_joins_the_incident_and_replaces_its_figures():
    strike = _told_on("strike", 12, 64, "2023-01-14", article="wire-saturday")
    rose = dataclasses.replace(_report("rose", 30, 75, date="2023-01-15", article="wire-sunday"),
                               updates=True, published_at="2023-01-15T12:00:00+00:00")
    for order in ([strike, rose], [rose, strike]):
        state, _ = _fold(order)
        assert [(i.incident.killed, i.incident.injured, i.incident.article_ids) for i in state.incidents
                if i.incident.status == "active"] == [(30, 75, ["wire-saturday", "wire-sunday"])]


def test_a_rising_toll_joins_no_incident_it_would_lower_nor_one_days_before():
    strike = _told_on("strike", 12, None, "2023-01-14", article="wire-saturday")
    lower = dataclasses.replace(_report("lower", 8, None, date="2023-01-15", article="wire-sunday"), updates=True)
    late = dataclasses.replace(_report("late", 30, None, date="2023-01-20", article="wire-friday"), updates=True)
    state, _ = _fold([strike, lower, late])
    assert len(state.incidents) == 3


def test_people_hit_told_again_later_in_the_story_are_the_ones_it_counted():
    killed = _told_on("died", 1, None, "2016-07-15")
    again = dataclasses.replace(_report("again", None, None, date="2016-07-18"), victims=1)
    state, _ = _fold([killed, again])
    assert [(i.incident.killed, i.incident.injured, sorted(i.incident.report_ids)) for i in state.incidents
            if i.incident.status == "active"] == [(1, 0, ["again", "died"])]


def test_one_person_told_hurt_and_then_dead_is_one_dead():
    # "Girl, 2, critically injured in Elm Street shooting" ... "The girl died Sunday"
    state, _ = _fold([_report("hurt", None, 1), _report("died", 1, None)])
    assert [(o.incident.killed, o.incident.injured) for o in state.incidents if o.incident.report_ids] == [(1, 0)]


def test_one_dead_and_one_hurt_told_together_are_two():
    # "One killed, one wounded in Elm Street shooting" ... "A woman was wounded"
    state, _ = _fold([_report("both", 1, 1), _report("hurt", None, 1)])
    assert [(o.incident.killed, o.incident.injured) for o in state.incidents if o.incident.report_ids] == [(1, 1)]
