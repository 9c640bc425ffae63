# chwarden as a container: the CLI is the entrypoint, it runs as an unprivileged user.
#   docker build -t chwarden .
#   docker run --rm -v "$PWD/deploy/clickhouse:/work/config:ro" chwarden audit --config /work/config
# The embedded engine (chdb, ~850 MB) is left out: build with --build-arg EXTRAS=embedded to add it.
FROM python:3.12-slim-bookworm AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.12-slim-bookworm
ARG EXTRAS=""
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin chwarden
COPY --from=build /wheels /wheels
# hadolint ignore=DL3013
RUN WHEEL="$(find /wheels -name 'chwarden-*.whl')" \
    && pip install --no-cache-dir "${WHEEL}${EXTRAS:+[$EXTRAS]}" \
    && rm -rf /wheels
USER 10001
WORKDIR /work
ENTRYPOINT ["chwarden"]
CMD ["--help"]
