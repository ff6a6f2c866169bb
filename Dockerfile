# One image definition for the services and the web application; pick the module with --build-arg SERVICE=...
#   docker build --build-arg SERVICE=command-service -t samenspel/command-service .
#   docker build --build-arg SERVICE=query-service   -t samenspel/query-service .
#   docker build --build-arg SERVICE=web             -t samenspel/web .
# Works with the classic builder as well as BuildKit (no BuildKit-only syntax used).

ARG SERVICE=command-service

# ---- stage 1: build the reactor modules the service needs ----
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /build

# Poms first, so the dependency download layer is reused while only sources change.
# Keep this list in step with <modules> in the root pom: with one missing, Maven cannot read the reactor, the
# pre-fetch below fails (ignored) and every source change downloads all dependencies again.
COPY pom.xml ./
COPY verifier/pom.xml verifier/
COPY shared-kernel/pom.xml shared-kernel/
COPY event-store/pom.xml event-store/
COPY health-model/pom.xml health-model/
COPY service-support/pom.xml service-support/
COPY command-service/pom.xml command-service/
COPY query-service/pom.xml query-service/
COPY web/pom.xml web/
COPY platform/pom.xml platform/
COPY benchmarks/pom.xml benchmarks/
# Best effort pre-fetch (go-offline cannot resolve unbuilt sibling modules perfectly);
# anything it misses is downloaded by the package step below.
RUN mvn -B -q dependency:go-offline -pl "${SERVICE}" -am -DexcludeGroupIds=nl.samenspel || true

COPY . .
RUN mvn -B -q -DskipTests package -pl "${SERVICE}" -am \
 && cp "${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar" /build/app.jar

# ---- stage 2: runtime ----
FROM eclipse-temurin:17-jre
ARG SERVICE
LABEL org.opencontainers.image.title="samenspel-${SERVICE}"

RUN groupadd --system --gid 10001 samenspel \
 && useradd --system --uid 10001 --gid samenspel --home-dir /app --shell /usr/sbin/nologin samenspel \
 && mkdir -p /app \
 && chown samenspel:samenspel /app

WORKDIR /app
COPY --from=build --chown=samenspel:samenspel /build/app.jar /app/app.jar

ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"

USER 10001:10001
# web listens on 8080, command-service on 8081, query-service on 8082 (SERVER_PORT overrides).
EXPOSE 8080 8081 8082
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
