from datetime import date

import pytest

from agents.extract.article import page_day, parse_article, publication_time, story_day
from agents.extract.text import article_text, sentences, without_boilerplate
from streams.records import Article, RecordError


def test_plain_text_wire_copy_gives_headline_and_times(seed_article_path):
    article = parse_article(seed_article_path.read_bytes(), b"kharkiv-2022-03-02")
    assert article.id == "kharkiv-2022-03-02"
    assert article.headline == "Four killed and nine wounded as Kharkiv hit by air and rocket strikes"
    assert article.published_at == "2022-03-02T10:06:00+00:00"
    assert article.updated_at == "2022-03-02T12:38:00+00:00"
    assert "Tom Swarbrick" not in article_text(article)  # the programme banner is not the story
    assert article.body.startswith("At least four people")


def test_plain_text_time_stamps_may_carry_their_labels():
    text = ("REUTERS\nRussian strike on Sumy kills 11\n"
            "Published April 13, 2025 10:42 AM | Last updated April 13, 2025 2:15 PM\n"
            "SUMY, Ukraine, April 13 (Reuters) - A missile strike killed at least 11 people.")
    article = parse_article(text.encode(), b"sumy")
    assert (article.headline, article.published_at, article.updated_at) == (
        "Russian strike on Sumy kills 11", "2025-04-13T10:42:00+00:00", "2025-04-13T14:15:00+00:00")


def test_plain_text_without_key_gets_a_content_id():
    first = parse_article(b"Two hurt in blast\nTwo people were hurt in a blast in Lviv.")
    again = parse_article(b"Two hurt in blast\nTwo people were hurt in a blast in Lviv.")
    assert first.id == again.id and first.id.startswith("sha1:")
    assert first.headline == "Two hurt in blast"


def test_json_article():
    article = parse_article(b'{"id": "a1", "body": "Text.", "headline": "H", "source": "S"}')
    assert (article.id, article.body, article.headline, article.source) == ("a1", "Text.", "H", "S")


@pytest.mark.parametrize("raw, complaint", [
    (b'{"body": "no id"}', "id"),
    (b'{"id": "x"}', "body"),
    (b'{"id": 5, "body": "x"}', "string"),
    (b'{"id": "x", "body": ', "JSON"),
    (b'[1, 2]', "object"),
    (b'\xff\xfe{"id"', "UTF-8"),
])
def test_bad_articles_say_what_is_wrong(raw, complaint):
    with pytest.raises(RecordError, match=complaint):
        parse_article(raw)


def test_sentences_skip_boilerplate_and_keep_true_offsets(seed_article_path):
    article = parse_article(seed_article_path.read_bytes(), b"k")
    text = article_text(article)
    found = sentences(text, len(article.headline))
    assert all(text[s.start:s.end] == s.text for s in found)
    joined = " ".join(s.text for s in found)
    for boilerplate in ("Listen to this article", "Loading audio", "Read more:", "pic.twitter.com"):
        assert boilerplate not in joined
    assert found[0].in_headline and not found[1].in_headline


def test_sentences_survive_abbreviations():
    text = "Headline\n\nMr. Smith said the U.S. team left at 6 p.m. Monday. Police said two died."
    found = sentences(text, len("Headline"))
    assert [s.text for s in found[1:]] == [
        "Mr. Smith said the U.S. team left at 6 p.m. Monday.", "Police said two died."]


def test_an_abbreviation_before_a_word_that_opens_sentences_ends_one():
    text = ("Headline\n\nA boy was shot in the 2200 block of 37th St. As officers arrived, he "
            "was taken to a hospital at 3 p.m. The Rev. Smith of St. Louis spoke.")
    found = sentences(text, len("Headline"))
    assert [s.text for s in found[1:]] == [
        "A boy was shot in the 2200 block of 37th St.",
        "As officers arrived, he was taken to a hospital at 3 p.m.",
        "The Rev. Smith of St. Louis spoke."]


def test_a_full_stop_without_a_space_still_ends_a_sentence():
    text = "H\n\nNo arrests have been made.The teenage victim was shot. Call the U.S.Army."
    assert [s.text for s in sentences(text, 1)[1:]] == [
        "No arrests have been made.", "The teenage victim was shot.", "Call the U.S.Army."]


def test_a_closing_quote_without_a_space_still_ends_a_sentence():
    text = 'H\n\n"I want my grandkids safe at home in San Jose."The double killing was brazen. He said "No."'
    assert [s.text for s in sentences(text, 1)[1:]] == [
        '"I want my grandkids safe at home in San Jose."', "The double killing was brazen.", 'He said "No."']


def test_another_storys_headline_inside_the_body_is_no_sentence_of_the_story():
    headline = "4 Struck in Port Norris Shooting"
    body = ("4 Struck In Port Norris Shooting\n"
            "A woman and three men are recovering after a shooting in Port Norris.\n"
            "Man Shot, Killed Few Blocks Away From Home: Police\n"
            "All four victims suffered non-life threatening injuries.")
    text = headline + "\n\n" + body
    read = [s.text for s in sentences(text, len(headline))]
    assert "Man Shot, Killed Few Blocks Away From Home: Police" not in read
    assert read[:2] == [headline, "4 Struck In Port Norris Shooting"]  # the headline again opens the body
    assert read[-1] == "All four victims suffered non-life threatening injuries."


def test_another_storys_headline_in_sentence_case_is_no_sentence_of_the_story_but_a_line_of_it_is():
    headline = "Nightclub owner killed, five wounded"
    body = ("A nightclub owner was killed and five other people were wounded early Sunday.\n"
            "Man, 24, fatally shot on street corner across town\n"
            "The gunman was tackled by security guards as he ran, police said\n"
            "Five others wounded, two critically\n"
            "The club will stay closed this week.")
    read = [s.text for s in sentences(headline + "\n\n" + body, len(headline))]
    assert "Man, 24, fatally shot on street corner across town" not in read
    assert "The gunman was tackled by security guards as he ran, police said" in read
    assert "Five others wounded, two critically" in read


def test_a_video_playlists_items_are_no_sentences_of_the_story():
    headline = "Five shot downtown"
    body = ("Five people were shot downtown early Saturday, police said.\n"
            "2:40 Raw video: Neighbor heard shots that killed man wielding chainsaw\n"
            "1:47 'I miss him every day,' says wife of shooting victim\n"
            "10:30 p.m. Officers found two victims at the scene.")
    read = [s.text for s in sentences(headline + "\n\n" + body, len(headline))]
    assert not any("Raw video" in text or "I miss him" in text for text in read)
    assert "Officers found two victims at the scene." in read


def test_other_stories_listed_after_you_may_like_are_no_part_of_the_story():
    headline = "Teen wounded on Mill Road"
    body = ("A 15-year-old was shot in the arm on Mill Road on Friday night, deputies said.\n\n"
            "More stories you may like on Channel 9\n\n"
            "Two dead in Elm County house fire Firefighters found two people dead on Saturday.\n"
            "Related stories:\n")
    text = headline + "\n\n" + body
    read = [s.text for s in sentences(text, len(headline))]
    assert not any("Elm County" in sentence for sentence in read)
    assert "Elm County" not in without_boilerplate(text)
    story = "Two shot on Oak Street\n\nTrending now:\nTwo men were shot on Oak Street on Sunday."
    assert "Two men were shot on Oak Street on Sunday." in [s.text for s in sentences(story, 22)]


def test_a_body_sentence_glued_to_copies_of_the_headline_is_split_around_them():
    headline = "17-year-old dead in Richmond shooting"
    body = (f"{headline} News {headline} Richmond Police are investigating a shooting that left a "
            "17-year-old dead Friday night.")
    text = headline + "\n\n" + body
    read = sentences(text, len(headline))
    assert [s.text for s in read] == [headline, headline, "News", headline,
                                      "Richmond Police are investigating a shooting that left a 17-year-old dead Friday night."]
    assert all(text[s.start:s.end] == s.text for s in read)



def _story_day(published_at: str, body: str) -> date | None:
    article = Article(id="a", body=body, published_at=published_at)
    return story_day(article, publication_time(article))


@pytest.mark.parametrize("body, day", [
    ("Updated: 01/26/2015 10:24 PM\n\nCreated: 01/26/2015 1:24 PM KSTP.com", date(2015, 1, 26)),
    ("Five dead. (Published Monday, Sept. 23, 2013)\n\nThe bodies", date(2013, 9, 23)),
    ("Man shot Posted: Sunday, March 16, 2014 12:58 PM EDT Updated: Monday, April 2", date(2014, 3, 16)),
    ("By MailOnline Reporter Published: 15:41 GMT, 16 December 2014 | Updated", date(2014, 12, 16)),
    ("Posted 3:57 AM, May 26, 2015, by Christopher Brito", date(2015, 5, 26)),
    ("SAVANNAH, GA (August 2, 2015): An argument ended in a shooting", date(2015, 8, 2)),
    ("HENRY COUNTY, Ind. (Aug. 28, 2015) – Officials say", date(2015, 8, 28)),
])
def test_a_pages_own_stamp_near_its_top_is_read(body, day):
    assert page_day(body) == day


def test_a_pages_earlier_stamp_is_the_day_its_story_counts_back_from():
    body = "Updated: 01/26/2015 10:24 PM\n\nCreated: 01/26/2015 1:24 PM\n\nA boy was shot Sunday."
    assert _story_day("2017-01-29T10:00:00+00:00", body) == date(2015, 1, 26)
    # A stamp after the publication is another story's, a video's under this one.
    later = "A man was shot. (Published Tuesday, April 21, 2015)\n\nPolice said."
    assert _story_day("2015-04-20T10:00:00+00:00", later) == date(2015, 4, 20)


def test_what_is_not_a_pages_stamp():
    # A police blotter's "Date:" is its first incident's time; "a court date of" is none.
    assert page_day("Date: Friday, March 31, 2017, 10:24 PM\n\nLocation: Various") is None
    assert page_day("He has a court date of November 1, 2016.") is None
    assert page_day("A photo posted by DANNY MORALES (@dannymorales33) on Oct 30, 2016") is None
    assert page_day("He said the day (August 2, 2015) was the worst of his life.") is None
