"""Answer values: video links and word counts."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from submissions.validators import clean_video_url, count_words


@pytest.mark.parametrize(
    ("link", "canonical"),
    [
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30s", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        (" https://m.youtube.com/shorts/dQw4w9WgXcQ ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("http://youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://vimeo.com/76979871"),
        ("https://player.vimeo.com/video/76979871", "https://vimeo.com/76979871"),
    ],
)
def test_video_link_made_canonical(link: str, canonical: str) -> None:
    assert clean_video_url(link) == canonical


@pytest.mark.parametrize(
    "link",
    [
        "https://evil.example/watch?v=dQw4w9WgXcQ",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/channel/UC123",
        "https://www.youtube.com/watch?v=short",
        "https://user@youtube.com/watch?v=dQw4w9WgXcQ",
        "https://vimeo.com/channels/staffpicks",
        "ftp://vimeo.com/76979871",
        "not a link",
    ],
)
def test_video_link_refused(link: str) -> None:
    with pytest.raises(ValidationError) as error:
        clean_video_url(link)
    assert error.value.messages == [
        "Enter the link of one YouTube or Vimeo video, e.g. https://www.youtube.com/watch?v=…"
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [("", 0), ("Safe streets for all", 4), ("안전한 밤길", 2), ("安全な夜道", 5), ("smart 도시 city", 3)],
)
def test_count_words_korean_by_spaces_chinese_japanese_by_character(text: str, words: int) -> None:
    assert count_words(text) == words
