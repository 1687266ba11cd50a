# quotebot: the chat adapters and scheduler in one process.
# The steps mirror the Makefile's (which the tests exercise): install the project with its
# chat extras into an isolated environment, run as a non-root user, keep the corpus on a volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    QUOTEBOT_DB=/data/quotebot.db \
    QUOTEBOT_HOST=0.0.0.0

RUN useradd --create-home --uid 10001 quotebot \
    && mkdir -p /data && chown quotebot:quotebot /data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY adapters ./adapters
COPY corpus ./corpus
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --upgrade pip \
    && /opt/venv/bin/pip install '.[telegram,slack,serve]'
ENV PATH=/opt/venv/bin:$PATH

USER quotebot
VOLUME ["/data"]
# Slack HTTP mode listens on 3000; Telegram uses long polling unless TELEGRAM_WEBHOOK_URL is set (then 8443,
# with TELEGRAM_WEBHOOK_SECRET required). Outside this image the servers bind 127.0.0.1 (QUOTEBOT_HOST).
EXPOSE 3000 8443
# --create: a fresh /data volume starts as an empty corpus that the configured feeds and watched folders fill.
CMD ["quotebot", "serve", "--create"]
