# syntax=docker/dockerfile:1
# Multi-stage: build with the Maven wrapper on a JDK, run on a JRE of the same Java as a non-root user.
#   docker build -t seqcast .                           # CPU (default)
#   docker build --target gpu -t seqcast:gpu .          # CUDA libtorch instead (README "Deploy")
ARG JAVA_VERSION=17

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src/ src/
ARG MAVEN_PROFILES=cpu-native
RUN ./mvnw -B -ntp -DskipTests -P "${MAVEN_PROFILES}" package \
 && java -Djarmode=tools -jar target/seqcast-*.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:${JAVA_VERSION}-jre AS cpu
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /var/lib/seqcast seqcast \
 && mkdir -p /var/lib/seqcast /opt/djl && chown seqcast /var/lib/seqcast /opt/djl
# libtorch is extracted at build time, so the container starts without network or a writable home.
ENV DJL_CACHE_DIR=/opt/djl \
    ENGINE_CACHE_DIR=/opt/djl \
    SEQCAST_REGISTRY_ROOT=/var/lib/seqcast/registry \
    SEQCAST_TRAINING_JOBS=/var/lib/seqcast/jobs \
    SERVER_FORWARD_HEADERS_STRATEGY=framework \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
WORKDIR /app
# Spring Boot layers, least often changed first, so a code change rebuilds only the last one.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER seqcast
RUN java -cp "/app/BOOT-INF/classes:/app/BOOT-INF/lib/*" io.seqcast.engine.internal.NativeSetup
WORKDIR /var/lib/seqcast
VOLUME /var/lib/seqcast
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://localhost:${MANAGEMENT_SERVER_PORT:-8080}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher"]

# GPU: the same service without the bundled CPU libtorch; DJL fetches the CUDA build named by
# PYTORCH_FLAVOR at image build time (NativeSetup) and the container needs an NVIDIA runtime.
FROM build AS build-gpu
RUN ./mvnw -B -ntp -DskipTests -P '!cpu-native' package \
 && rm -rf /layers && java -Djarmode=tools -jar target/seqcast-*.jar extract --layers --launcher --destination /layers

FROM cpu AS gpu
USER root
RUN rm -rf /app/BOOT-INF/lib /opt/djl/* && mkdir -p /opt/djl && chown seqcast /opt/djl
COPY --from=build-gpu /layers/dependencies/ /app/
COPY --from=build-gpu /layers/application/ /app/
ENV PYTORCH_VERSION=2.7.1 \
    PYTORCH_FLAVOR=cu128 \
    SEQCAST_ENGINE_DEVICE=gpu \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility
USER seqcast
RUN java -cp "/app/BOOT-INF/classes:/app/BOOT-INF/lib/*" io.seqcast.engine.internal.NativeSetup

FROM cpu
