# syntax=docker/dockerfile:1
# Production image of the Seoul Smart City Prize portal. The same image runs
# gunicorn (default CMD), the Celery worker and beat, and the one-shot jobs of
# docker-compose.yml. No HEALTHCHECK here: it would apply to the worker and beat
# too; docker-compose.yml gives each service its own.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

# Run time: WeasyPrint renders with Pango and HarfBuzz; Noto CJK draws Korean,
# Japanese and Chinese text in PDFs. Build time: gettext for compilemessages.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz-subset0 \
        fonts-noto-cjk \
        fonts-noto-core \
        gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, from pyproject.toml alone, so that a code change does not
# reinstall them. With no source beside it, `pip install .` installs the
# dependencies and an empty distribution: the code runs from /app (PYTHONPATH),
# because the settings look for templates/, static/ and locale/ next to the
# packages, and a wheel would carry none of them.
COPY pyproject.toml ./
RUN pip install . && rm -rf build ./*.egg-info

COPY . .

# Compile translations and collect static files with the production settings
# (whitenoise serves the manifest they write). The placeholders only satisfy
# production.py's start-up checks: neither command connects to any service.
# compilemessages stops with an error when there is no catalogue at all, so it
# waits until the first .po file exists.
RUN export DJANGO_SETTINGS_MODULE=prize_portal.settings.production \
        DJANGO_SECRET_KEY=build-time-placeholder-never-used-at-run-time-0123456789abcdef \
        DJANGO_ALLOWED_HOSTS=build.invalid \
        DATABASE_URL=postgres://build@build.invalid:5432/build \
        REDIS_URL=redis://build.invalid:6379/0 \
        EMAIL_URL=smtp://build.invalid:25 \
        SITE_URL=https://build.invalid \
        DEFAULT_FROM_EMAIL=build@build.invalid \
    && if find . -path '*/locale/*' -name '*.po' | grep -q .; then \
        python manage.py compilemessages; \
    else \
        echo "No .po catalogues yet: compilemessages skipped."; \
    fi \
    && python manage.py collectstatic --noinput

# Code and static files stay owned by root: the service user can read them, not change them.
RUN groupadd --system --gid 10001 portal \
    && useradd --system --uid 10001 --gid portal --create-home --home-dir /home/portal --shell /usr/sbin/nologin portal
USER 10001:10001

ENV DJANGO_SETTINGS_MODULE=prize_portal.settings.production
EXPOSE 8000
CMD ["gunicorn", "prize_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "--worker-tmp-dir", "/dev/shm"]
