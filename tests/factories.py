"""Test data factories. Users are built through the real account service."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import factory
from django.utils import timezone

from categories.enums import ApplicantType, CycleStatus
from categories.models import Category, Criterion, Cycle, Track
from prize_portal.accounts.models import User
from prize_portal.accounts.roles import Role
from prize_portal.accounts.services import user_create_verified

PASSWORD = "correct-horse-battery-9"


def make_user(role: Role = Role.APPLICANT, *, email: str | None = None, language: str = "en", **extra: Any) -> User:
    email = email or f"{role.value}-{User.objects.count() + 1}@example.org"
    user = user_create_verified(email=email, password=PASSWORD, language=language, role=role, **extra)
    return user


def give_totp(user: User) -> str:
    """Activate a TOTP authenticator for ``user`` and return its secret."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cycle
        django_get_or_create = ("year",)

    year = factory.Sequence(lambda n: 2030 + n)
    name_en = factory.LazyAttribute(lambda o: f"Seoul Smart City Prize {o.year}")
    name_ko = factory.LazyAttribute(lambda o: f"{o.year} 서울스마트시티상")
    status = CycleStatus.ANNOUNCED
    applications_open_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    applications_close_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=12, hours=5))


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    cycle = factory.SubFactory(CycleFactory)
    code = factory.Sequence(lambda n: f"category-{n}")
    reference_letter = factory.Sequence(lambda n: "PLSABCDEFGHIJKMNOQRTUVWXYZ"[n % 26])
    name_en = factory.Sequence(lambda n: f"Category {n}")
    name_ko = factory.Sequence(lambda n: f"부문 {n}")
    applicant_types = factory.LazyFunction(lambda: [ApplicantType.CITY, ApplicantType.CORPORATION])
    order = factory.Sequence(lambda n: n)


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    category = factory.SubFactory(CategoryFactory)
    code = factory.Sequence(lambda n: f"track-{n}")
    name_en = factory.Sequence(lambda n: f"Track {n}")
    name_ko = factory.Sequence(lambda n: f"트랙 {n}")


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    category = factory.SubFactory(CategoryFactory)
    code = factory.Sequence(lambda n: f"criterion-{n}")
    name_en = factory.Sequence(lambda n: f"Criterion {n}")


def make_organisation(user: User, *, type: str = "city", **extra: Any) -> Any:
    """An organisation owned by ``user``, through the real service."""
    from submissions.services import organisation_create

    values = {
        "type": type,
        "name_native": "서울특별시",
        "name_en": "Seoul Metropolitan Government",
        "country": "KR",
        "city": "Seoul",
        "contact_name": "Kim Ji-woo",
    }
    values.update(extra)
    return organisation_create(user=user, **values)
