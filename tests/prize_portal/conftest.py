from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture
def s3_storage(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The storage the production settings build when the S3 variables are set."""
    import boto3
    from storages.backends.s3 import S3Storage

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket="prize-media")
    # The S3 server lives for the session: start from an empty bucket whatever ran before.
    for found in client.list_objects_v2(Bucket="prize-media").get("Contents", []):
        client.delete_object(Bucket="prize-media", Key=found["Key"])
    from prize_portal.settings import base

    options = {
        **base_s3_options(base),
        "bucket_name": "prize-media",
        "endpoint_url": s3_endpoint,
        "region_name": "us-east-1",
        "access_key": "testing",
        "secret_key": "testing",
    }
    return S3Storage(**options), client


def base_s3_options(base: Any) -> dict[str, Any]:
    """The OPTIONS the settings give S3Storage, read from the settings source
    with the bucket variable set (so the test cannot drift from the code)."""
    import importlib
    import os

    os.environ["AWS_STORAGE_BUCKET_NAME"] = "prize-media"
    try:
        module = importlib.reload(base)
        return dict(module.STORAGES["default"]["OPTIONS"])
    finally:
        del os.environ["AWS_STORAGE_BUCKET_NAME"]
        importlib.reload(base)
