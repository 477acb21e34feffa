"""Faust shell of the extract stage: ``news.articles`` -> ``news.reports`` (keyed by place)."""

from agents.extract.article import parse_article
from agents.extract.core import ArticleSeen, extract
from agents.extract.readers import reader_for
from streams import tables, topics
from streams.app import app, metrics
from streams.stages import emit, handling

STAGE = "extract"


@app.agent(topics.articles, name=STAGE)
async def extract_agent(stream):
    async for event in stream.events():
        async with handling(STAGE, event):
            article = parse_article(event.value, event.key)
            seen = tables.articles_seen.get(article.id)
            previous = ArticleSeen.from_dict(seen) if seen else None
            result = extract(article, previous)
            if previous is not None and result.seen == previous:  # resent, or an older revision
                metrics.duplicates.labels(STAGE).inc()
            tables.articles_seen[article.id] = result.seen
            language = result.seen.language
            metrics.articles.labels(language, str(reader_for(language) is not None).lower()).inc()
            for report in result.reports:
                await emit(STAGE, topics.reports, report.place.id, report)
