"""wirewatch's topic contract: ``asyncapi.yaml`` (AsyncAPI 3) names every topic with its key
and its record, and ``schemas/`` holds the JSON Schemas of the records. Both ship with the
package so that a consumer can validate what it reads against the version it runs."""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent
ASYNCAPI = FOLDER / "asyncapi.yaml"
SCHEMAS = FOLDER / "schemas"
