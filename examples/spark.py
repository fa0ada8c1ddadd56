"""Extract the HTML pages of WARC files with Spark: ``flatMap`` reads the records, ``mapPartitions``
extracts each partition with :func:`boilerstrip.extract_many` (one worker process per partition, so
that a page that hangs is killed at the timeout instead of stalling the executor), and the result
is written as Parquet.

    spark-submit examples/spark.py OUT_DIR crawl/*.warc.gz
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

from pyspark.sql import DataFrame, Row, SparkSession
from pyspark.sql.types import ArrayType, StringType, StructField, StructType

from boilerstrip import extract_many
from boilerstrip.batch import Page
from boilerstrip.warc import iter_records

SCHEMA = StructType(
    [
        StructField("source", StringType()),
        StructField("url", StringType()),
        StructField("date", StringType()),
        StructField("status", StringType()),
        StructField("title", StringType()),
        StructField("text", StringType()),
        StructField("captions", ArrayType(StringType())),
        StructField("comments", ArrayType(StringType())),
        StructField("error", StringType()),
    ]
)


def warc_pages(path: str) -> Iterator[Page]:
    """The HTML responses of one WARC file, keyed by file and offset."""
    for r in iter_records(path):
        yield Page(r.payload, key=f"{path}@{r.offset}", url=r.url, charset=r.charset, date=r.date)


def extract_partition(pages: Iterable[Page]) -> Iterator[Row]:
    for res in extract_many(pages, workers=1, timeout=30):
        a = res.article
        yield Row(
            source=res.key,
            url=res.url,
            date=res.date,
            status=res.status,
            title=a.title if a else None,
            text=a.text if a else "",
            captions=list(a.captions) if a else [],
            comments=[c.text for c in a.comments] if a else [],
            error=res.error,
        )


def pipeline(spark: SparkSession, paths: list[str]) -> DataFrame:
    rdd = (
        spark.sparkContext.parallelize(paths, len(paths))
        .flatMap(warc_pages)
        .mapPartitions(extract_partition)
    )
    return spark.createDataFrame(rdd, SCHEMA)


if __name__ == "__main__":
    out, *warcs = sys.argv[1:]
    spark = SparkSession.builder.appName("boilerstrip").getOrCreate()
    pipeline(spark, warcs).write.parquet(out)
